import type { Deps } from "../deps";
import type { User as TelegramUser } from "grammy/types";
import type { Db } from "../db";
import type { Role } from "../generated/prisma/enums";
import { isLocale, localeFromTelegram, type Locale } from "../i18n";

export interface MembershipView {
  id: number;
  role: Role;
  workingGroupId: number | null;
  agencyId: number | null;
  isAgencyHead: boolean;
}

/** The user as handlers see it: ids and roles only, never an ORM object. */
export interface SessionUser {
  id: number;
  telegramId: string;
  firstName: string;
  language: Locale;
  phone: string | null;
  memberships: MembershipView[];
}

const membershipSelect = { id: true, role: true, workingGroupId: true, agencyId: true, isAgencyHead: true } as const;

/** The user behind an update (the bot's user middleware): loadUser with the configured admins. */
export function userOfUpdate(deps: Pick<Deps, "db" | "config">, from: TelegramUser): Promise<SessionUser> {
  return loadUser(deps.db, from, { adminTelegramIds: deps.config.ADMIN_TELEGRAM_IDS, defaultLocale: deps.config.DEFAULT_LOCALE });
}

/**
 * Finds the user behind an update, creating it on first contact. Configured administrators
 * get their ADMIN membership here, so the first admin needs no invitation.
 */
export async function loadUser(
  db: Db,
  from: TelegramUser,
  options: { adminTelegramIds: readonly string[]; defaultLocale: Locale },
): Promise<SessionUser> {
  const telegramId = String(from.id);
  let user = await db.user.findUnique({
    where: { telegramId },
    include: { memberships: { where: { revokedAt: null }, select: membershipSelect } },
  });
  if (!user) {
    user = await db.user.upsert({
      where: { telegramId },
      create: {
        telegramId,
        firstName: from.first_name,
        lastName: from.last_name ?? null,
        username: from.username ?? null,
        language: localeFromTelegram(from.language_code, options.defaultLocale),
      },
      update: {},
      include: { memberships: { where: { revokedAt: null }, select: membershipSelect } },
    });
  } else if (user.unreachableAt || user.firstName !== from.first_name || user.username !== (from.username ?? null)) {
    // Writing to us again means the user unblocked the bot; names follow Telegram.
    await db.user.update({
      where: { id: user.id },
      data: { unreachableAt: null, firstName: from.first_name, username: from.username ?? null },
    });
  }
  const memberships: MembershipView[] = user.memberships;
  if (options.adminTelegramIds.includes(telegramId) && !memberships.some((m) => m.role === "ADMIN")) {
    const admin = await db.membership.create({ data: { userId: user.id, role: "ADMIN" }, select: membershipSelect });
    memberships.push(admin);
  }
  return {
    id: user.id,
    telegramId,
    firstName: user.firstName,
    language: isLocale(user.language) ? user.language : options.defaultLocale,
    phone: user.phone,
    memberships,
  };
}

/** The user's chosen language (also kept in the session, which wins while it lives). */
export async function setUserLanguage(deps: { db: Db }, userId: number, language: Locale): Promise<void> {
  await deps.db.user.update({ where: { id: userId }, data: { language } });
}
