/**
 * The secretariat's queue: a working group's open cases, most urgent first then oldest, and
 * the full case card. Every read re-checks the reader's role in the case's working group; a
 * queue outside the reader's groups is a refusal (`error-not-allowed`). A county desk reads the
 * cases of its county only (the unit's countyId, filtered here, never by the buttons).
 */
import type { Deps } from "../deps";
import { Refusal } from "../domain/refusal";
import { CASE_STATUSES, type CaseStatus } from "../domain/case-lifecycle";
import { CATEGORY_IDS, type CategoryId } from "../domain/categories";
import type { Prisma } from "../generated/prisma/client";
import { canSeeReporterPhone, canViewCase, canWorkCase, countyDeskCounties, countyDeskGroups, groupScope, inScope, isCountyDeskOf, queueGroups } from "./authz";
import { OPEN_CASE_STATUSES } from "./cases";
import { caseWaitSelect } from "./clock-pauses";
import { runningPauseSelect } from "./tasks";
import type { SessionUser } from "./users";
import { countyNamed } from "./units";
import { pageWindow } from "../domain/pagination";

export const QUEUE_PAGE_SIZE = 8;

/** Every status, open and finished (resolved, closed, rejected…): finished work stays reachable. */
export const ANY_STATUS = "any";

export interface QueueFilter {
  /** One status, ANY_STATUS, or none (null/absent: the open cases only). */
  status?: CaseStatus | typeof ANY_STATUS | null;
  category?: CategoryId | null;
  agencyId?: number | null;
  /** The unit's county (one of the group's seeded counties). */
  countyId?: number | null;
}

/** What the queue's buttons carry: a working group, a page and the filters (ids only). */
export interface QueueView extends QueueFilter {
  workingGroupId: number;
  page: number;
}

/**
 * A view as short callback data: "wg.page.status.category.agency[.county]", statuses and
 * categories by their index in CASE_STATUSES / CATEGORY_IDS, "-" for no filter, "*" for any
 * status; the county part only when filtered by county. E.g. "12.0.1.-.345" or "12.0.-.-.-.77".
 */
export function encodeQueueView(view: QueueView): string {
  if (view.countyId) return `${encodeQueueView({ ...view, countyId: null })}.${view.countyId}`;
  if (view.status === ANY_STATUS) return [view.workingGroupId, view.page, "*", ...encodeQueueView({ ...view, status: null }).split(".").slice(3)].join(".");
  const status = view.status ? CASE_STATUSES.indexOf(view.status) : -1;
  const category = view.category ? CATEGORY_IDS.indexOf(view.category) : -1;
  return [
    view.workingGroupId,
    view.page,
    status >= 0 ? status : "-",
    category >= 0 ? category : "-",
    view.agencyId ?? "-",
  ].join(".");
}

const SMALL_INT = /^\d{1,9}$/;

/** Parses untrusted callback data back into a view; null when anything is off. */
export function decodeQueueView(text: string | undefined): QueueView | null {
  if (!text) return null;
  const parts = text.split(".");
  if (parts.length !== 5 && parts.length !== 6) return null;
  const [wg, page, status, category, agency, county] = parts as [string, string, string, string, string, string | undefined];
  if (!SMALL_INT.test(wg) || !SMALL_INT.test(page)) return null;
  const view: QueueView = { workingGroupId: Number(wg), page: Number(page) };
  if (view.workingGroupId <= 0) return null;
  if (status === "*") view.status = ANY_STATUS;
  else if (status !== "-") {
    const value = SMALL_INT.test(status) ? CASE_STATUSES[Number(status)] : undefined;
    if (!value) return null;
    view.status = value;
  }
  if (category !== "-") {
    const value = SMALL_INT.test(category) ? CATEGORY_IDS[Number(category)] : undefined;
    if (!value) return null;
    view.category = value;
  }
  if (agency !== "-") {
    if (!SMALL_INT.test(agency) || Number(agency) <= 0) return null;
    view.agencyId = Number(agency);
  }
  if (county !== undefined) {
    if (!SMALL_INT.test(county) || Number(county) <= 0) return null;
    view.countyId = Number(county);
  }
  return view;
}

/** Not a queue of the reader's working groups. */
const notYourQueue = () => new Refusal("forbidden", "error-not-allowed");

/**
 * What of a group's queue the user reads: all of it (secretariat, admins, chair), only the
 * cases of the counties it serves (a county desk: its unit's countyId), or nothing (null).
 */
export function queueReach(user: SessionUser, workingGroupId: number): { all: true } | { all: false; countyIds: number[] } | null {
  if (inScope(queueGroups(user), workingGroupId)) return { all: true };
  const countyIds = countyDeskCounties(user, workingGroupId);
  return countyIds.length > 0 ? { all: false, countyIds } : null;
}

function requireReach(user: SessionUser, workingGroupId: number) {
  const reach = queueReach(user, workingGroupId);
  if (!reach) throw notYourQueue();
  return reach;
}

/** Whether the user may read this case: its group's queue readers, or the desk of its unit's county. */
export function canReadCase(user: SessionUser, row: { workingGroupId: number; unit: { countyId: number | null } }): boolean {
  return canViewCase(user, row.workingGroupId) || isCountyDeskOf(user, row.workingGroupId, row.unit.countyId);
}

/** Working groups whose queue the user may read (county desks: their county's part), for the picker. */
export async function queueWorkingGroups(deps: Pick<Deps, "db">, user: SessionUser) {
  const readers = queueGroups(user);
  const scope = readers.all ? readers : groupScope([...readers.ids, ...countyDeskGroups(user).ids]);
  if (!scope.all && scope.ids.length === 0) return [];
  return deps.db.workingGroup.findMany({
    where: scope.all ? {} : { id: { in: scope.ids } },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: { id: true, code: true, kind: true, nameFa: true, nameEn: true },
  });
}

function queueWhere(view: QueueView, reach: NonNullable<ReturnType<typeof queueReach>>): Prisma.CaseWhereInput {
  // A county desk's reach, narrowed by the county filter (a county outside it: nothing).
  const counties = reach.all ? (view.countyId ? [view.countyId] : null) : view.countyId ? reach.countyIds.filter((id) => id === view.countyId) : reach.countyIds;
  return {
    workingGroupId: view.workingGroupId,
    ...(counties ? { unit: { countyId: { in: counties } } } : {}),
    ...(view.status === ANY_STATUS ? {} : { status: view.status ? view.status : { in: OPEN_CASE_STATUSES } }),
    ...(view.category ? { category: view.category } : {}),
    ...(view.agencyId ? { agencyId: view.agencyId } : {}),
  };
}

/** Views of finished work: a finished status or any status ("recently resolved" and the like). */
const finishedFirst = (view: QueueView): boolean =>
  view.status === ANY_STATUS || (!!view.status && !(OPEN_CASE_STATUSES as readonly string[]).includes(view.status));

/** One page of the queue. Urgency sorts critical → low (the PostgreSQL enum's order). */
export async function listQueue(deps: Pick<Deps, "db">, user: SessionUser, view: QueueView, pageSize = QUEUE_PAGE_SIZE) {
  const where = queueWhere(view, requireReach(user, view.workingGroupId));
  const total = await deps.db.case.count({ where });
  const { page, pages, offset } = pageWindow(total, pageSize, view.page);
  const items = await deps.db.case.findMany({
      where,
      // Time left first (the nearest irreversible date, passed ones on top; undated cases
      // after the dated ones), then urgency, then age: DESIGN.md's order of the queue.
      // Finished work (resolved, closed, any status) is looked up by when it ended: newest first.
      orderBy: finishedFirst(view)
        ? [{ resolvedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "desc" }]
        : [{ irreversibleAt: { sort: "asc", nulls: "last" } }, { urgency: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
      skip: offset,
      take: pageSize,
      select: {
        id: true,
        trackingCode: true,
        status: true,
        urgency: true,
        category: true,
        submittedAt: true,
        firstOpenedAt: true,
        irreversibleAt: true,
        unit: { select: { name: true } },
      },
    });
  return { total, page, pages, items };
}

/** The names a queue page is headed with: its working group and the agency and county filtered by. */
export async function queueHeading(deps: Pick<Deps, "db">, user: SessionUser, view: Pick<QueueView, "workingGroupId" | "agencyId" | "countyId">) {
  requireReach(user, view.workingGroupId);
  const group = await deps.db.workingGroup.findUniqueOrThrow({ where: { id: view.workingGroupId }, select: { nameFa: true, nameEn: true } });
  const agency = view.agencyId
    ? await deps.db.agency.findFirst({ where: { id: view.agencyId, workingGroupId: view.workingGroupId }, select: { nameFa: true, nameEn: true } })
    : null;
  const county = view.countyId
    ? await deps.db.county.findFirst({ where: { id: view.countyId, workingGroupId: view.workingGroupId }, select: { nameFa: true, nameEn: true } })
    : null;
  return { group, agency, county };
}

/** The group's active counties (the seeded list) for the county filter; a county desk's own only. */
export async function queueCounties(deps: Pick<Deps, "db">, user: SessionUser, workingGroupId: number) {
  const reach = requireReach(user, workingGroupId);
  return deps.db.county.findMany({
    where: { workingGroupId, active: true, ...(reach.all ? {} : { id: { in: reach.countyIds } }) },
    orderBy: { id: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
}

/** Active agencies that appear on the group's open cases (for the agency filter; a deactivated one is no longer offered). */
export async function queueAgencies(deps: Pick<Deps, "db">, user: SessionUser, workingGroupId: number) {
  const reach = requireReach(user, workingGroupId);
  const county = reach.all ? {} : { unit: { countyId: { in: reach.countyIds } } };
  return deps.db.agency.findMany({
    where: { workingGroupId, active: true, cases: { some: { status: { in: OPEN_CASE_STATUSES }, ...county } } },
    orderBy: { id: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
}

const cardSelect = {
  id: true,
  trackingCode: true,
  workingGroupId: true,
  status: true,
  urgency: true,
  urgencyOverridden: true,
  category: true,
  subcategory: true,
  irreversibleAt: true,
  amountRials: true,
  description: true,
  submittedAt: true,
  resolvedAt: true,
  closedAt: true,
  outcome: true,
  firstOpenedAt: true,
  agencyId: true,
  takenById: true,
  duplicateOf: { select: { trackingCode: true } },
  takenBy: { select: { firstName: true, lastName: true } },
  // Assisted intake: filed on the producer's behalf (src/services/intake.ts).
  onBehalfName: true,
  intakeChannel: true,
  filedBy: { select: { firstName: true, lastName: true } },
  unit: {
    select: {
      workingGroupId: true,
      name: true,
      legalId: true,
      county: true,
      countyId: true,
      sector: true,
      activityStatus: true,
      employees: true,
      industrialEstate: { select: { nameFa: true, nameEn: true } },
    },
  },
  agency: { select: { nameFa: true, nameEn: true } },
  reporter: { select: { id: true, firstName: true, lastName: true, phone: true } },
  events: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { type: true, data: true, internal: true, createdAt: true, taskId: true, actor: { select: { firstName: true } } },
  },
  tasks: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      agencyId: true,
      status: true,
      dueAt: true,
      agency: { select: { nameFa: true, nameEn: true } },
      official: { select: { firstName: true, lastName: true } },
      clockPauses: runningPauseSelect,
    },
  },
  agendaItems: caseWaitSelect.agendaItems,
  _count: { select: { attachments: true } },
} satisfies Prisma.CaseSelect;

export type CaseCard = Prisma.CaseGetPayload<{ select: typeof cardSelect }> & {
  /** The reader may act on the case (secretariat or admin of its group); chairs only read. */
  canAct: boolean;
  /** The reporter's phone, only for those who may see it. */
  reporterPhone: string | null;
  /** The unit's county in both languages (a county typed by hand, not in the list: as typed). */
  county: { nameFa: string; nameEn: string };
};

/**
 * The case card for a secretariat member, admin or chair of the case's working group; null
 * when the case does not exist or is not theirs (the two look the same to a forger). Opening
 * it as secretariat stamps firstOpenedAt, which stops the critical re-alerts.
 */
export async function openCaseCard(deps: Pick<Deps, "db" | "sql" | "now">, user: SessionUser, caseId: number): Promise<CaseCard | null> {
  const row = await deps.db.case.findUnique({ where: { id: caseId }, select: cardSelect });
  if (!row || !canReadCase(user, row)) return null;
  const canAct = canWorkCase(user, row.workingGroupId);
  if (canAct && row.firstOpenedAt === null) {
    const now = deps.now();
    await deps.db.case.updateMany({ where: { id: caseId, firstOpenedAt: null }, data: { firstOpenedAt: now } });
    row.firstOpenedAt = now;
  }
  return {
    ...row,
    canAct,
    reporterPhone: canSeeReporterPhone(user, row.workingGroupId) ? row.reporter.phone : null,
    county: await countyNamed(deps, row.unit.workingGroupId, row.unit.county, row.unit.countyId),
  };
}

/** The files of a case (for sending back by file id), for those who may view it. */
export async function caseAttachments(deps: Pick<Deps, "db">, user: SessionUser, caseId: number) {
  const row = await deps.db.case.findUnique({ where: { id: caseId }, select: { workingGroupId: true, unit: { select: { countyId: true } } } });
  if (!row || !canReadCase(user, row)) return null;
  return deps.db.attachment.findMany({
    where: { caseId },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, fileId: true, fileName: true, createdAt: true },
  });
}
