/**
 * Field visits (issue 13, item 4; seed 003: "50 field visits whose demands were recorded and
 * followed"): a secretariat member records a visit to a unit — the day, who took part, the
 * demands heard — and each demand becomes a case in the same step, through submitCase (tracking
 * code, urgency, the secretariat's alerts, timers) filed on the unit's behalf with intakeChannel
 * "visit" and linked to the visit. The unit's representatives are told through the outbox and
 * the longest-standing one becomes the cases' reporter (so the producer side of every case is
 * told as it moves); a unit with none gets a single-use invitation, as assisted intake gives,
 * that links whoever opens it to all the visit's cases (src/services/representatives.ts).
 *
 * Idempotent: the visit has the review's key and each demand its own, so confirming twice (or a
 * retry after a failure half-way) finds what was made and makes only what is missing.
 */
import type { Deps } from "../deps";
import { isCategoryId, isSubcategoryOf, CATEGORIES } from "../domain/categories";
import { parseLegalEntityId } from "../domain/identifiers";
import { compareJalali, formatJalaliDate, startOfJalaliDay, todayInTehran, type JalaliDate } from "../domain/jalali";
import { pageWindow } from "../domain/pagination";
import { refusal } from "../domain/refusal";
import { normalizeText, truncate } from "../domain/text";
import { Prisma } from "../generated/prisma/client";
import { inScope, secretariatGroups } from "./authz";
import { DESCRIPTION_MAX, DESCRIPTION_MIN, submitCase } from "./cases";
import { generateInvitationCode, hashInvitationCode } from "./invitations";
import { notify, recipientOf } from "./notifications";
import { confirmSubmission } from "./submissions";
import { appendEvent } from "./timeline";
import type { SessionUser } from "./users";

export const PARTICIPANTS_MIN = 2;
export const PARTICIPANTS_MAX = 500;
export const DEMANDS_MAX = 10;
export const VISIT_PAGE_SIZE = 5;
const UNIT_MATCHES = 8;
/** How far back a visit may be recorded (days): last year's visits are entered late, not older. */
const VISIT_MAX_DAYS_BACK = 366;

type Reason = "forbidden" | "not_found" | "other_group" | "invalid_date" | "future_date" | "invalid_participants" | "invalid_demand" | "no_demands" | "description";
/** The bot shows `visits-error-<reason>`. */
export const visitRefusal = (reason: Reason, args?: Record<string, string | number>) => refusal("visits-error", reason, args);

type VisitDeps = Parameters<typeof submitCase>[0];

function assertVisitActor(actor: SessionUser, workingGroupId: number): void {
  if (!inScope(secretariatGroups(actor), workingGroupId)) throw visitRefusal("forbidden");
}

/** The group's units a typed national id or part of a name finds (at most a few, by name). */
export async function findVisitUnits(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, typed: string) {
  assertVisitActor(actor, workingGroupId);
  const text = normalizeText(typed);
  const legal = parseLegalEntityId(text);
  if (legal.ok) {
    const unit = await deps.db.productionUnit.findUnique({ where: { legalId: legal.value }, select: { id: true, name: true, workingGroupId: true } });
    // Another group's unit is not named back.
    if (unit && unit.workingGroupId !== workingGroupId) throw visitRefusal("other_group");
    return unit ? [{ id: unit.id, name: unit.name }] : [];
  }
  if (text.length < 2) return [];
  return deps.db.productionUnit.findMany({
    where: { workingGroupId, name: { contains: text, mode: "insensitive" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: UNIT_MATCHES,
    select: { id: true, name: true },
  });
}

/** The unit of a button (its group re-checked): its name. */
export async function visitUnit(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, unitId: number) {
  assertVisitActor(actor, workingGroupId);
  const unit = await deps.db.productionUnit.findFirst({ where: { id: unitId, workingGroupId }, select: { id: true, name: true } });
  if (!unit) throw visitRefusal("not_found");
  return unit;
}

/** A visit's day: typed or today's, not in the future, not over a year back. */
export function checkVisitDate(date: JalaliDate | null, now: Date): JalaliDate {
  if (!date) throw visitRefusal("invalid_date");
  const today = todayInTehran(now);
  if (compareJalali(date, today) > 0) throw visitRefusal("future_date");
  if (now.getTime() - startOfJalaliDay(date).getTime() > VISIT_MAX_DAYS_BACK * 24 * 3_600_000) throw visitRefusal("invalid_date");
  return date;
}

export function cleanParticipants(input: string): string {
  const text = normalizeText(input);
  if (text.length < PARTICIPANTS_MIN || text.length > PARTICIPANTS_MAX) throw visitRefusal("invalid_participants", { min: PARTICIPANTS_MIN, max: PARTICIPANTS_MAX });
  return text;
}

export function cleanDemandDescription(input: string): string {
  const text = normalizeText(input);
  if (text.length < DESCRIPTION_MIN || text.length > DESCRIPTION_MAX) throw visitRefusal("description", { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX });
  return text;
}

/** The subcategories a category offers (none: the category is enough). */
export const subcategoriesOf = (category: string): readonly string[] => CATEGORIES.find((c) => c.id === category)?.subcategories ?? [];

export interface VisitDemand {
  category: string;
  subcategory: string | null;
  description: string;
  /** The demand's own key (drawn with the review): its case is made once. */
  submissionKey: string;
}

export interface VisitInput {
  workingGroupId: number;
  unitId: number;
  visitedOn: JalaliDate;
  participants: string;
  demands: VisitDemand[];
  /** The review screen's key: confirming twice records one visit. */
  submissionKey: string;
}

function checkDemands(demands: VisitDemand[]): VisitDemand[] {
  if (demands.length === 0) throw visitRefusal("no_demands");
  if (demands.length > DEMANDS_MAX) throw visitRefusal("invalid_demand");
  return demands.map((d) => {
    if (!isCategoryId(d.category)) throw visitRefusal("invalid_demand");
    const subs = subcategoriesOf(d.category);
    if (d.subcategory !== null ? !isSubcategoryOf(d.category, d.subcategory) : subs.length > 0) throw visitRefusal("invalid_demand");
    return { ...d, description: cleanDemandDescription(d.description) };
  });
}

async function visitOfKey(deps: VisitDeps, actor: SessionUser, input: VisitInput, visitedOn: JalaliDate, participants: string) {
  const existing = await deps.db.fieldVisit.findUnique({ where: { submissionKey: input.submissionKey }, select: { id: true, createdById: true } });
  if (existing) {
    if (existing.createdById !== actor.id) throw visitRefusal("forbidden");
    return existing.id;
  }
  try {
    const created = await deps.db.fieldVisit.create({
      data: { submissionKey: input.submissionKey, workingGroupId: input.workingGroupId, unitId: input.unitId, visitedOn: startOfJalaliDay(visitedOn), participants, createdById: actor.id, createdAt: deps.now() },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return visitOfKey(deps, actor, input, visitedOn, participants);
    throw error;
  }
}

export interface RecordedVisit {
  visitId: number;
  unitName: string;
  cases: Array<{ caseId: number; trackingCode: string }>;
  /** Told through the outbox (the unit's representatives), or 0 when the unit has none. */
  representativesTold: number;
  /** The invitation code for a unit with no representative (null otherwise). */
  invitationCode: string | null;
}

/** Records the visit and files each demand as a case on the unit's behalf. */
export async function recordVisit(deps: VisitDeps, actor: SessionUser, input: VisitInput): Promise<RecordedVisit> {
  assertVisitActor(actor, input.workingGroupId);
  const unit = await visitUnit(deps, actor, input.workingGroupId, input.unitId);
  const visitedOn = checkVisitDate(input.visitedOn, deps.now());
  const participants = cleanParticipants(input.participants);
  const demands = checkDemands(input.demands);
  const visitId = await visitOfKey(deps, actor, input, visitedOn, participants);
  for (const demand of demands) {
    // Made by an earlier confirm of this review (its reporter may be the representative now).
    const made = await deps.db.case.findUnique({ where: { submissionKey: demand.submissionKey }, select: { fieldVisitId: true } });
    if (made) {
      if (made.fieldVisitId !== visitId) throw visitRefusal("forbidden");
      continue;
    }
    const submitted = await submitCase(
      deps,
      actor.id,
      { unitId: unit.id, category: demand.category, subcategory: demand.subcategory, agencyId: null, irreversibleAt: null, amountRials: null, description: demand.description, attachments: [] },
      { submissionKey: demand.submissionKey, onBehalf: { channel: "visit", producerName: truncate(participants, 120), fieldVisitId: visitId } },
    );
    // The filer is shown the codes on the review's reply.
    await confirmSubmission(deps, submitted.caseId);
  }
  const cases = await deps.db.case.findMany({ where: { fieldVisitId: visitId }, orderBy: { id: "asc" }, select: { id: true, trackingCode: true, reporterId: true, filedById: true } });
  const told = await handOver(deps, actor, visitId, unit, visitedOn, cases);
  return { visitId, unitName: unit.name, cases: cases.map((c) => ({ caseId: c.id, trackingCode: c.trackingCode })), ...told };
}

/**
 * The producer side of the visit's cases: with representatives, the longest-standing one
 * becomes the reporter of the cases still the filer's and every representative is told (once:
 * the notice's key is the visit's); with none, an invitation links whoever opens it.
 */
async function handOver(
  deps: VisitDeps,
  actor: SessionUser,
  visitId: number,
  unit: { id: number; name: string },
  visitedOn: JalaliDate,
  cases: Array<{ id: number; trackingCode: string; reporterId: number; filedById: number | null }>,
): Promise<{ representativesTold: number; invitationCode: string | null }> {
  const representatives = await deps.db.unitRepresentative.findMany({
    where: { unitId: unit.id },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    select: { user: { select: { id: true, telegramId: true, language: true } } },
  });
  const first = representatives[0];
  if (first) {
    await deps.db.$transaction(async (tx) => {
      for (const row of cases) {
        if (row.reporterId !== actor.id || row.filedById !== actor.id) continue;
        const moved = await tx.case.updateMany({ where: { id: row.id, reporterId: actor.id }, data: { reporterId: first.user.id } });
        if (moved.count === 1) await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "producer_linked", data: { fieldVisitId: visitId } });
      }
      const codes = cases.map((c) => c.trackingCode).join("، ");
      await notify(tx, deps, representatives.map((r) => recipientOf(r.user)), {
        key: "visits-notice-cases",
        args: (locale) => ({ unit: unit.name, count: cases.length, codes, date: formatJalaliDate(startOfJalaliDay(visitedOn), locale, { monthName: true }) }),
        dedupeKey: `visit:${visitId}:cases`,
        kind: "NOTICE",
      });
    });
    deps.flushOutbox();
    return { representativesTold: representatives.length, invitationCode: null };
  }
  const firstCase = cases[0];
  if (!firstCase) return { representativesTold: 0, invitationCode: null };
  const code = generateInvitationCode();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.INVITATION_TTL_HOURS * 3_600_000);
  // Confirmed again (a double tap, a retry): the earlier link is revoked, one link stays live.
  await deps.db.unitInvitation.updateMany({ where: { caseId: firstCase.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await deps.db.unitInvitation.create({ data: { codeHash: hashInvitationCode(code), unitId: unit.id, caseId: firstCase.id, createdById: actor.id, createdAt: now, expiresAt } });
  return { representativesTold: 0, invitationCode: code };
}

/** The group's visits, latest first, a page at a time, each with its cases and their statuses. */
export async function listVisits(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, page: number) {
  assertVisitActor(actor, workingGroupId);
  const total = await deps.db.fieldVisit.count({ where: { workingGroupId } });
  const window = pageWindow(total, VISIT_PAGE_SIZE, page);
  const visits = await deps.db.fieldVisit.findMany({
    where: { workingGroupId },
    orderBy: [{ visitedOn: "desc" }, { id: "desc" }],
    skip: window.offset,
    take: VISIT_PAGE_SIZE,
    select: {
      id: true,
      visitedOn: true,
      participants: true,
      unit: { select: { name: true } },
      cases: { orderBy: { id: "asc" }, select: { id: true, trackingCode: true, status: true, category: true } },
    },
  });
  return { ...window, total, visits };
}
