/**
 * An admin's changes to a working group's reference data: add, rename (both names), deactivate
 * and reactivate an agency, a county or an industrial estate. Each change and its audit entry
 * commit in one transaction; afterwards this process forgets the reference data it remembered
 * (src/services/reference-cache.ts) and, for an agency whose state changed, its members' cached
 * user (src/services/user-cache.ts).
 *
 * Input is parsed with zod here (handlers pass what was typed or pressed); a forged id for
 * another group reads as "not found", a forged group id as "not allowed".
 */
import { z } from "zod";
import type { Deps } from "../../deps";
import { Prisma } from "../../generated/prisma/client";
import { AgencyKind } from "../../generated/prisma/enums";
import { refusal } from "../../domain/refusal";
import { referenceNames, type ReferenceNames } from "../../domain/reference-names";
import { recordAudit } from "../audit";
import { forgetReferenceData } from "../reference-cache";
import { forgetUsers } from "../user-cache";
import type { SessionUser } from "../users";
import { adminRow, assertAdminOf, AUDIT_TYPE, insertRow, nameTaken, REFERENCE_ENTITIES, snapshot, updateRow, type ReferenceEntity, type ReferenceRow } from "./entities";

type ChangeDeps = Pick<Deps, "db" | "sql" | "now" | "redis" | "logger">;

const entitySchema = z.enum(REFERENCE_ENTITIES);
const idSchema = z.number().int().positive();

const newRowSchema = z
  .object({ entity: entitySchema, workingGroupId: idSchema, kind: z.enum(AgencyKind).optional() })
  .and(referenceNames)
  .refine((input) => input.entity !== "agency" || input.kind !== undefined, { message: "kind" });

/** A names problem as the admin reads it. */
function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw refusal("admin", "invalid-input");
  return result.data;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function afterChange(deps: ChangeDeps, entity: ReferenceEntity, row: ReferenceRow, stateChanged: boolean): Promise<void> {
  forgetReferenceData(deps);
  if (entity !== "agency" || !stateChanged) return;
  const members = await deps.db.membership.findMany({ where: { agencyId: row.id, revokedAt: null }, select: { userId: true } });
  await forgetUsers(deps, members.map((member) => member.userId));
}

/** Adds an agency (with its kind), a county or an industrial estate to a group. */
export async function addReferenceRow(
  deps: ChangeDeps,
  actor: SessionUser,
  input: { entity: ReferenceEntity; workingGroupId: number; nameFa: string; nameEn: string; kind?: AgencyKind },
): Promise<ReferenceRow> {
  const data = parsed(newRowSchema, input);
  assertAdminOf(actor, data.workingGroupId);
  const group = await deps.db.workingGroup.findUnique({ where: { id: data.workingGroupId }, select: { id: true } });
  if (!group) throw refusal("admin", "forbidden");
  try {
    const row = await deps.db.$transaction(async (tx) => {
      if (await nameTaken(tx, data.entity, data)) throw refusal("admin", "name-taken");
      const created = await insertRow(tx, data.entity, data);
      await recordAudit(tx, {
        actorId: actor.id,
        workingGroupId: created.workingGroupId,
        entityType: AUDIT_TYPE[data.entity],
        entityId: created.id,
        action: "created",
        after: snapshot(created),
        at: deps.now(),
      });
      return created;
    });
    await afterChange(deps, data.entity, row, false);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal("admin", "name-taken");
    throw error;
  }
}

/** Renames a row (both names; a name left as it was is fine, both unchanged is refused). */
export async function renameReferenceRow(
  deps: ChangeDeps,
  actor: SessionUser,
  input: { entity: ReferenceEntity; id: number } & ReferenceNames,
): Promise<ReferenceRow> {
  const data = parsed(z.object({ entity: entitySchema, id: idSchema }).and(referenceNames), input);
  try {
    const row = await deps.db.$transaction(async (tx) => {
      const before = await adminRow(tx, actor, data.entity, data.id);
      if (before.nameFa === data.nameFa && before.nameEn === data.nameEn) throw refusal("admin", "unchanged");
      const after = { ...before, nameFa: data.nameFa, nameEn: data.nameEn };
      if (await nameTaken(tx, data.entity, after, before.id)) throw refusal("admin", "name-taken");
      await updateRow(tx, data.entity, before.id, { nameFa: data.nameFa, nameEn: data.nameEn });
      await recordAudit(tx, {
        actorId: actor.id,
        workingGroupId: before.workingGroupId,
        entityType: AUDIT_TYPE[data.entity],
        entityId: before.id,
        action: "renamed",
        before: snapshot(before),
        after: snapshot(after),
        at: deps.now(),
      });
      return after;
    });
    await afterChange(deps, data.entity, row, false);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal("admin", "name-taken");
    throw error;
  }
}

/**
 * Deactivates (active false) or reactivates a row. Pressing it twice changes nothing the second
 * time (the button names the wanted state, not a toggle): `changed` false, no audit entry.
 */
export async function setReferenceRowActive(
  deps: ChangeDeps,
  actor: SessionUser,
  input: { entity: ReferenceEntity; id: number; active: boolean },
): Promise<{ row: ReferenceRow; changed: boolean }> {
  const data = parsed(z.object({ entity: entitySchema, id: idSchema, active: z.boolean() }), input);
  const result = await deps.db.$transaction(async (tx) => {
    const before = await adminRow(tx, actor, data.entity, data.id);
    if (before.active === data.active) return { row: before, changed: false };
    await updateRow(tx, data.entity, before.id, { active: data.active });
    await recordAudit(tx, {
      actorId: actor.id,
      workingGroupId: before.workingGroupId,
      entityType: AUDIT_TYPE[data.entity],
      entityId: before.id,
      action: data.active ? "reactivated" : "deactivated",
      before: snapshot(before),
      after: snapshot({ ...before, active: data.active }),
      at: deps.now(),
    });
    return { row: { ...before, active: data.active }, changed: true };
  });
  if (result.changed) await afterChange(deps, data.entity, result.row, true);
  return result;
}
