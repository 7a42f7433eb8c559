/**
 * A small world for the task tests: one working group with a producer, a secretariat member,
 * a chair, officials of a gas company (one of them its head) and of a bank, a unit and a way
 * to report cases. Staff are created directly in the database (their invitations have tests
 * of their own); everything after that goes through the services or the bot.
 */
import type { Container } from "../../src/container";
import type { AgencyKind } from "../../src/generated/prisma/enums";
import { submitCase } from "../../src/services/cases";
import { loadUser, type SessionUser } from "../../src/services/users";
import { legalEntityIdFrom } from "./identifiers";

export interface WorldUser {
  id: number;
  telegramId: number;
  firstName: string;
}

export interface TaskWorld {
  workingGroupId: number;
  gasAgencyId: number;
  bankAgencyId: number;
  unitId: number;
  producer: WorldUser;
  secretariat: WorldUser;
  chair: WorldUser;
  /** Official of the gas company. */
  official: WorldUser;
  /** Head of the gas company's officials. */
  head: WorldUser;
  /** Another official of the gas company (reassignment target). */
  colleague: WorldUser;
  bankOfficial: WorldUser;
}

async function agencyOf(env: Container, workingGroupId: number, kind: AgencyKind): Promise<number> {
  const agency = await env.db.agency.findFirstOrThrow({ where: { workingGroupId, kind }, orderBy: { id: "asc" } });
  return agency.id;
}

async function user(env: Container, telegramId: number, firstName: string, language: "fa" | "en", extra: { lastName?: string; phone?: string } = {}): Promise<WorldUser> {
  const row = await env.db.user.create({
    data: { telegramId: String(telegramId), firstName, language, lastName: extra.lastName ?? null, phone: extra.phone ?? null },
  });
  return { id: row.id, telegramId, firstName };
}

/**
 * Telegram ids are base+1 … base+8. Languages: the producer and the officials Persian, the
 * secretariat English (so both locales are exercised), the chair Persian.
 */
export async function seedTaskWorld(env: Container, options: { base: number; group: string; legalIdPrefix: string }): Promise<TaskWorld> {
  const { base } = options;
  const group = await env.db.workingGroup.findUniqueOrThrow({ where: { code: options.group } });
  const gasAgencyId = await agencyOf(env, group.id, "GAS");
  const bankAgencyId = await agencyOf(env, group.id, "BANK");
  const producer = await user(env, base + 1, "Reza", "fa", { lastName: "Karimi", phone: "09121234567" });
  const secretariat = await user(env, base + 2, "Dabir", "en");
  const chair = await user(env, base + 3, "Raees", "fa");
  const official = await user(env, base + 4, "Rahimi", "fa");
  const head = await user(env, base + 5, "Sarparast", "fa");
  const colleague = await user(env, base + 6, "Hamkar", "fa");
  const bankOfficial = await user(env, base + 7, "Bankdar", "fa");
  await env.db.membership.createMany({
    data: [
      { userId: secretariat.id, workingGroupId: group.id, role: "SECRETARIAT" },
      { userId: chair.id, workingGroupId: group.id, role: "CHAIR" },
      { userId: official.id, workingGroupId: group.id, role: "OFFICIAL", agencyId: gasAgencyId },
      { userId: head.id, workingGroupId: group.id, role: "OFFICIAL", agencyId: gasAgencyId, isAgencyHead: true },
      { userId: colleague.id, workingGroupId: group.id, role: "OFFICIAL", agencyId: gasAgencyId },
      { userId: bankOfficial.id, workingGroupId: group.id, role: "OFFICIAL", agencyId: bankAgencyId },
    ],
  });
  const unit = await env.db.productionUnit.create({
    data: {
      workingGroupId: group.id,
      name: "Kerman Tile Co.",
      legalId: legalEntityIdFrom(options.legalIdPrefix),
      county: "کرمان",
      sector: "INDUSTRY",
      activityStatus: "ACTIVE",
      employees: 85,
      representatives: { create: { userId: producer.id } },
    },
  });
  return { workingGroupId: group.id, gasAgencyId, bankAgencyId, unitId: unit.id, producer, secretariat, chair, official, head, colleague, bankOfficial };
}

/** A case reported by the world's producer, through the producer's own service. */
export async function reportCase(
  env: Container,
  world: TaskWorld,
  input: { category: "utility_cutoff" | "bank"; subcategory: string; agencyId: number; description: string; amountRials?: string },
): Promise<{ caseId: number; trackingCode: string }> {
  const submitted = await submitCase(env, world.producer.id, {
    unitId: world.unitId,
    category: input.category,
    subcategory: input.subcategory,
    agencyId: input.agencyId,
    irreversibleAt: null,
    amountRials: input.amountRials ?? null,
    description: input.description,
    attachments: [
      {
        kind: "DOCUMENT",
        fileId: `warning-letter-${input.category}`,
        fileUniqueId: `u-warning-letter-${input.category}`,
        fileName: "warning.pdf",
        mimeType: "application/pdf",
        sizeBytes: 1000,
      },
    ],
  });
  return { caseId: submitted.caseId, trackingCode: submitted.trackingCode };
}

/** The SessionUser the services expect as an actor (memberships from the database). */
export async function sessionUserOf(env: Container, person: WorldUser): Promise<SessionUser> {
  return loadUser(env.db, { id: person.telegramId, is_bot: false, first_name: person.firstName }, { adminTelegramIds: [], defaultLocale: "fa" });
}

export interface OutboxNotice {
  chatId: string;
  text: string;
  callbacks: string[];
  dedupeKey: string;
  kind: string;
}

/** The notices queued for a chat (outbox rows), oldest first, as the recipient will read them. */
export async function noticesTo(env: Container, chatId: number | string): Promise<OutboxNotice[]> {
  const rows = await env.db.outboxMessage.findMany({ where: { chatId: String(chatId) }, orderBy: { id: "asc" } });
  return rows.map((row) => {
    const payload = row.payload as { params: { text?: string; reply_markup?: { inline_keyboard: Array<Array<{ callback_data?: string }>> } } };
    return {
      chatId: row.chatId,
      text: payload.params.text ?? "",
      callbacks: (payload.params.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : [])),
      dedupeKey: row.dedupeKey,
      kind: row.kind,
    };
  });
}
