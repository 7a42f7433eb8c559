import type { InlineKeyboardButton } from "grammy/types";
import type { Deps } from "../deps";
import type { Tx } from "../db";
import { sqlOf, type Executor } from "../sql";
import type { OutboxKind } from "../generated/prisma/enums";
import { isLocale, type Locale } from "../i18n";
import { checkLength } from "../buttons";
import { splitMessage } from "../domain/text";
import { enqueueOutbound, type OutboundMessage } from "./outbox";

export interface Recipient {
  userId: number;
  telegramId: string;
  language: Locale;
}

export function recipientOf(user: { id: number; telegramId: string; language: string }): Recipient {
  return { userId: user.id, telegramId: user.telegramId, language: isLocale(user.language) ? user.language : "fa" };
}

/** A button whose label is a Fluent key, rendered in the recipient's language. */
export interface NoticeButton {
  labelKey: string;
  callback: string;
  args?: Record<string, string | number>;
}

export interface Notice {
  key: string;
  args?: Record<string, string | number> | ((locale: Locale) => Record<string, string | number>);
  /** Unique per logical notice and recipient; the recipient's id is appended here. */
  dedupeKey: string;
  kind?: OutboxKind;
  buttons?: NoticeButton[][];
  priority?: number;
}

type NoticeDeps = Pick<Deps, "t">;

/** Renders a notice in one recipient's language as outbox rows (split at 4096 characters). */
export function renderNotice(deps: NoticeDeps, chatId: string, locale: Locale, userId: number | null, notice: Notice): OutboundMessage[] {
  const args = typeof notice.args === "function" ? notice.args(locale) : notice.args;
  const text = deps.t(locale, notice.key, args);
  const keyboard: InlineKeyboardButton[][] | undefined = notice.buttons?.map((row) =>
    // A callback over Telegram's 64 bytes fails here, with the change, not at delivery.
    row.map((button) => ({ text: deps.t(locale, button.labelKey, button.args), callback_data: checkLength(button.callback) })),
  );
  const parts = splitMessage(text);
  return parts.map((part, index) => ({
    dedupeKey: `${notice.dedupeKey}:${chatId}${parts.length > 1 ? `:${index}` : ""}`,
    kind: notice.kind ?? "NOTICE",
    chatId,
    userId,
    ...(notice.priority ? { priority: notice.priority } : {}),
    payload: {
      method: "sendMessage" as const,
      // Buttons go with the last part, where the reader's eye ends.
      params: index === parts.length - 1 && keyboard ? { text: part, reply_markup: { inline_keyboard: keyboard } } : { text: part },
    },
  }));
}

/** Queues a notice to each recipient in the caller's transaction. */
export async function notify(tx: Executor, deps: NoticeDeps, recipients: Recipient[], notice: Notice): Promise<number> {
  const messages = recipients.flatMap((recipient) =>
    renderNotice(deps, recipient.telegramId, recipient.language, recipient.userId, notice),
  );
  return enqueueOutbound(tx, messages);
}

/**
 * Whoever holds the secretariat's duties in a working group: its active secretariat members;
 * when it has none, the administrators acting for it (the group's own admins, else the global
 * ones). An alert meant for the secretariat never falls into an empty desk.
 */
export async function secretariatOf(tx: Executor, workingGroupId: number): Promise<Recipient[]> {
  // One raw statement for the three tiers (the secretariat; else the group's admins; else the
  // system's admins), the first tier with anyone in it: every new case's alert asks this, and
  // the query builder made two statements of each tier and compiled both every time.
  const members = await sqlOf(tx).rows<{ id: number; telegramId: string; language: string }>`
    WITH tiers AS (
      SELECT m.id AS "membershipId", u.id, u."telegramId", u.language,
             CASE WHEN m.role = 'SECRETARIAT' THEN 1 WHEN m."workingGroupId" IS NOT NULL THEN 2 ELSE 3 END AS tier
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."revokedAt" IS NULL
        AND ((m."workingGroupId" = ${workingGroupId} AND m.role IN ('SECRETARIAT', 'ADMIN')) OR (m."workingGroupId" IS NULL AND m.role = 'ADMIN'))
    )
    SELECT id, "telegramId", language FROM tiers WHERE tier = (SELECT min(tier) FROM tiers) ORDER BY "membershipId"`;
  const unique = new Map(members.map((m) => [m.id, recipientOf(m)]));
  return [...unique.values()];
}

/** Active chairs of a working group. */
export async function chairsOf(tx: Tx, workingGroupId: number): Promise<Recipient[]> {
  const members = await tx.membership.findMany({
    where: { workingGroupId, role: "CHAIR", revokedAt: null },
    select: { user: { select: { id: true, telegramId: true, language: true } } },
  });
  const unique = new Map(members.map((m) => [m.user.id, recipientOf(m.user)]));
  return [...unique.values()];
}
