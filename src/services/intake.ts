/**
 * Assisted intake (issue 13, item 5; seed 000: problems reported "in writing or in person"): a
 * secretariat member files a case for a producer who came to the office or wrote a letter. The
 * unit is found by its national id, or registered with no representative yet; the case goes
 * through submitCase (tracking code, urgency, the secretariat's alerts, timers) and records that
 * it was filed on the producer's behalf, by whom, how the producer came and their name. Until
 * the producer is linked the filer is the case's reporter. The result carries a single-use
 * invitation (src/services/representatives.ts, with the case): whoever opens it becomes the
 * unit's representative and the case's reporter, and follows it like any other.
 *
 * A county desk (COUNTY_DESK) files the same way, for the units of its county only: an existing
 * unit of another county is refused, and a unit it registers is put in its county.
 */
import type { Deps } from "../deps";
import { parseLegalEntityId } from "../domain/identifiers";
import { refusal } from "../domain/refusal";
import { normalizeText } from "../domain/text";
import { Prisma } from "../generated/prisma/client";
import type { ActivityStatus, Sector } from "../generated/prisma/enums";
import { countyDeskCounties, inScope, secretariatGroups } from "./authz";
import { confirmSubmission } from "./submissions";
import { submitCase } from "./cases";
import { generateInvitationCode, hashInvitationCode } from "./invitations";
import type { SessionUser } from "./users";

export const INTAKE_CHANNELS = ["in_person", "letter"] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const PRODUCER_NAME_MIN = 2;
export const PRODUCER_NAME_MAX = 120;
export const UNIT_NAME_MIN = 2;
export const UNIT_NAME_MAX = 120;

type Reason = "forbidden" | "invalid_legal_id" | "other_group" | "other_county" | "legal_id_taken" | "invalid_name" | "invalid_county" | "invalid_employees";
/** The bot shows `intake-error-<reason>`. */
export const intakeRefusal = (reason: Reason) => refusal("intake-error", reason);

/**
 * The counties of the group whose units the actor files for: null for the secretariat (every
 * county), a county desk's own; anyone else is refused.
 */
export function intakeCounties(actor: SessionUser, workingGroupId: number): number[] | null {
  if (inScope(secretariatGroups(actor), workingGroupId)) return null;
  const counties = countyDeskCounties(actor, workingGroupId);
  if (counties.length === 0) throw intakeRefusal("forbidden");
  return counties;
}

function assertIntakeActor(actor: SessionUser, workingGroupId: number): number[] | null {
  return intakeCounties(actor, workingGroupId);
}

/** The active counties a new unit may be registered in by this actor, in id order. */
export async function intakeCountyChoices(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number) {
  const counties = assertIntakeActor(actor, workingGroupId);
  return deps.db.county.findMany({
    where: { workingGroupId, active: true, ...(counties ? { id: { in: counties } } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
}

/** The unit a typed national id names in the group (null: not registered yet). */
export async function intakeUnit(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, typed: string) {
  const counties = assertIntakeActor(actor, workingGroupId);
  const parsed = parseLegalEntityId(typed);
  if (!parsed.ok) throw intakeRefusal("invalid_legal_id");
  const unit = await deps.db.productionUnit.findUnique({ where: { legalId: parsed.value }, select: { id: true, name: true, workingGroupId: true, countyId: true } });
  // Another group's unit is not named back; nor, to a county desk, another county's.
  if (unit && unit.workingGroupId !== workingGroupId) throw intakeRefusal("other_group");
  if (unit && counties && (unit.countyId === null || !counties.includes(unit.countyId))) throw intakeRefusal("other_county");
  return { legalId: parsed.value, unit: unit && { id: unit.id, name: unit.name, workingGroupId: unit.workingGroupId } };
}

export function cleanName(input: string, min: number, max: number): string {
  const text = normalizeText(input);
  if (text.length < min || text.length > max) throw intakeRefusal("invalid_name");
  return text;
}

export interface IntakeUnit {
  legalId: string;
  name: string;
  countyId: number;
  sector: Sector;
  activityStatus: ActivityStatus;
  employees: number;
}

export interface IntakeInput {
  workingGroupId: number;
  /** An existing unit of the group, or a new one to register (with no representative). */
  unitId?: number | null;
  newUnit?: IntakeUnit | null;
  category: string;
  description: string;
  channel: IntakeChannel;
  producerName: string;
  /** The review screen's key: confirming twice files one case. */
  submissionKey: string;
}

type IntakeDeps = Parameters<typeof submitCase>[0];

/** The unit to file for; `counties`: a county desk's (null: any county of the group). */
async function unitFor(deps: IntakeDeps, input: IntakeInput, counties: number[] | null): Promise<number> {
  const inCounty = (countyId: number | null) => !counties || (countyId !== null && counties.includes(countyId));
  if (input.unitId) {
    const unit = await deps.db.productionUnit.findFirst({ where: { id: input.unitId, workingGroupId: input.workingGroupId }, select: { id: true, countyId: true } });
    if (!unit) throw intakeRefusal("other_group");
    if (!inCounty(unit.countyId)) throw intakeRefusal("other_county");
    return unit.id;
  }
  const fresh = input.newUnit;
  if (!fresh) throw intakeRefusal("invalid_legal_id");
  const parsed = parseLegalEntityId(fresh.legalId);
  if (!parsed.ok) throw intakeRefusal("invalid_legal_id");
  if (!Number.isSafeInteger(fresh.employees) || fresh.employees < 0 || fresh.employees > 1_000_000) throw intakeRefusal("invalid_employees");
  const county = await deps.db.county.findFirst({ where: { id: fresh.countyId, workingGroupId: input.workingGroupId, active: true }, select: { id: true, nameFa: true } });
  if (!county || !inCounty(county.id)) throw intakeRefusal("invalid_county");
  const existing = await deps.db.productionUnit.findUnique({ where: { legalId: parsed.value }, select: { id: true, workingGroupId: true, countyId: true } });
  // Registered meanwhile (a retry of this very intake, or someone else): the same group's unit is it.
  if (existing) {
    if (existing.workingGroupId !== input.workingGroupId) throw intakeRefusal("legal_id_taken");
    if (!inCounty(existing.countyId)) throw intakeRefusal("other_county");
    return existing.id;
  }
  try {
    const created = await deps.db.productionUnit.create({
      data: {
        workingGroupId: input.workingGroupId,
        name: cleanName(fresh.name, UNIT_NAME_MIN, UNIT_NAME_MAX),
        legalId: parsed.value,
        county: county.nameFa,
        countyId: county.id,
        sector: fresh.sector,
        activityStatus: fresh.activityStatus,
        employees: fresh.employees,
      },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw intakeRefusal("legal_id_taken");
    throw error;
  }
}

/** Files the case on the producer's behalf and makes the invitation that links them to it. */
export async function fileOnBehalf(deps: IntakeDeps, actor: SessionUser, input: IntakeInput) {
  const counties = assertIntakeActor(actor, input.workingGroupId);
  const producerName = cleanName(input.producerName, PRODUCER_NAME_MIN, PRODUCER_NAME_MAX);
  if (!(INTAKE_CHANNELS as readonly string[]).includes(input.channel)) throw intakeRefusal("forbidden");
  const unitId = await unitFor(deps, input, counties);
  const submitted = await submitCase(
    deps,
    actor.id,
    { unitId, category: input.category, subcategory: null, agencyId: null, irreversibleAt: null, amountRials: null, description: input.description, attachments: [] },
    { submissionKey: input.submissionKey, onBehalf: { channel: input.channel, producerName } },
  );
  // The filer is shown the code on the review's reply: nothing is waiting to be told.
  await confirmSubmission(deps, submitted.caseId);
  const code = generateInvitationCode();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.INVITATION_TTL_HOURS * 3_600_000);
  await deps.db.unitInvitation.create({ data: { codeHash: hashInvitationCode(code), unitId, caseId: submitted.caseId, createdById: actor.id, createdAt: now, expiresAt } });
  return { ...submitted, unitId, code, expiresAt, producerName };
}
