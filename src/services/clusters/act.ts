/**
 * What the secretariat does to a cluster as a whole. Every action locks the cluster, re-reads
 * its members and re-checks each case's working group against the cluster's (and the
 * meeting's), whatever the callback data named.
 *
 * - Assign at once: the batch referral (src/services/referrals) over the cluster's case ids —
 *   one task per case, ONE letter to the agency, each producer told in their language.
 * - On an agenda: the cluster's cases become consecutive agenda items carrying the cluster's id
 *   (AgendaItem.clusterId). Not one item for the cluster: a resolution, its task, its
 *   objection window and the producer's hearing slot are per case everywhere downstream
 *   (minutes, statutory timers, the ledger), and each case must move to on_agenda itself.
 * - One collective resolution: one text, agency and deadline recorded in ONE transaction as a
 *   resolution per case of the cluster on that meeting's agenda, each with its own task (not one
 *   task with a per-unit checklist): each unit's case is then done, reminded, extended,
 *   escalated, objected to and rated on its own, the case closes when its own task is done,
 *   and the cluster's progress is simply its cases done — a checklist would need a second way
 *   of finishing work that nothing else in the bot knows. Each producer is told in their own
 *   language through the outbox (resolutions-producer-notice), each exactly once (the dedupe
 *   key is the resolution's).
 */
import type { Deps } from "../../deps";
import { todayInTehran, type JalaliDate } from "../../domain/jalali";
import { isRefusal } from "../../domain/refusal";
import type { ResolutionType } from "../../generated/prisma/enums";
import { lockMeeting, meetingRefusal, placeOnAgenda, requireSecretariat, scheduledMeetingForUpdate } from "../meetings";
import { referBatch, type BatchDeps, type BatchResult } from "../referrals";
import { recordOnItem, scheduleObjectionClose, validateResolution } from "../resolutions";
import type { SessionUser } from "../users";
import { assertClusterActor, clusterRefusal, lockCluster, memberCases } from "./access";

export async function referCluster(
  deps: BatchDeps,
  actor: SessionUser,
  clusterId: number,
  input: { requestKey: string; agencyId: number; request: string; dueDate: string | JalaliDate },
): Promise<BatchResult> {
  const cluster = await deps.db.cluster.findUnique({ where: { id: clusterId }, select: { id: true, workingGroupId: true, status: true } });
  if (!cluster) throw clusterRefusal("not_found");
  try {
    assertClusterActor(actor, cluster.workingGroupId);
  } catch {
    throw clusterRefusal("not_found");
  }
  if (cluster.status !== "open") throw clusterRefusal("closed");
  const members = await memberCases(deps.db, clusterId);
  // referBatch locks and re-checks every case (its group, its status) in its one transaction.
  return referBatch(deps, actor, {
    requestKey: input.requestKey,
    workingGroupId: cluster.workingGroupId,
    filter: { clusterId },
    caseIds: members.map((m) => m.id),
    agencyId: input.agencyId,
    request: input.request,
    dueDate: input.dueDate,
  });
}

type AgendaDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "policies" | "scheduler">;

/** The cluster's cases on a scheduled meeting's agenda, consecutively, as one topic. */
export async function clusterToAgenda(deps: AgendaDeps, actor: SessionUser, clusterId: number, meetingId: number): Promise<{ placed: number[]; skipped: number[] }> {
  const result = await deps.db.$transaction(async (tx) => {
    const cluster = await lockCluster(tx, actor, clusterId);
    const { meeting, role } = await scheduledMeetingForUpdate(tx, actor.id, meetingId);
    if (meeting.workingGroupId !== cluster.workingGroupId) throw clusterRefusal("no_meeting");
    const onAgenda = new Set((await tx.agendaItem.findMany({ where: { meetingId }, select: { caseId: true } })).map((row) => row.caseId));
    const placed: number[] = [];
    const skipped: number[] = [];
    const resumed: number[] = [];
    for (const theCase of await memberCases(tx, clusterId)) {
      if (theCase.workingGroupId !== cluster.workingGroupId || onAgenda.has(theCase.id)) {
        skipped.push(theCase.id);
        continue;
      }
      try {
        // Nothing is written before placeOnAgenda refuses (the status check comes first).
        const made = await placeOnAgenda(tx, deps, { actorId: actor.id, meeting, role, theCase, clusterId });
        placed.push(theCase.id);
        resumed.push(...made.resumed);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        skipped.push(theCase.id);
      }
    }
    if (placed.length === 0) throw clusterRefusal("not_on_agenda");
    return { placed, skipped, resumed };
  });
  deps.flushOutbox();
  for (const taskId of new Set(result.resumed)) await deps.scheduler.syncTaskReminders(taskId);
  return { placed: result.placed, skipped: result.skipped };
}

export interface CollectiveResolution {
  meetingId: number;
  text: string;
  type: ResolutionType;
  agencyId?: number | null;
  officialId?: number | null;
  deadline?: JalaliDate | null;
}

type ResolutionDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "scheduler" | "policies" | "logger">;

/**
 * ONE collective resolution over the cluster's cases on a held meeting's agenda: per case a
 * resolution (the same text, agency and deadline), its task and its producer's notice, all in
 * one transaction (see the file's comment for why a task per case).
 */
export async function recordCollectiveResolution(
  deps: ResolutionDeps,
  actor: SessionUser,
  clusterId: number,
  input: CollectiveResolution,
): Promise<{ resolutions: Array<{ caseId: number; resolutionId: number; taskId: number | null }> }> {
  const { meetingId, ...resolution } = input;
  if (validateResolution({ ...resolution, agendaItemId: 0 }, todayInTehran(deps.now())) !== null) throw meetingRefusal("invalid_input");
  const recorded = await deps.db.$transaction(async (tx) => {
    const cluster = await lockCluster(tx, actor, clusterId);
    const meeting = await lockMeeting(tx, meetingId);
    const role = await requireSecretariat(tx, actor.id, meeting.workingGroupId);
    if (meeting.workingGroupId !== cluster.workingGroupId) throw clusterRefusal("no_meeting");
    if (meeting.status !== "HELD") throw meetingRefusal("not_held");
    if (meeting.minutesClosedAt) throw meetingRefusal("minutes_closed");
    const members = new Set((await memberCases(tx, clusterId)).filter((c) => c.workingGroupId === cluster.workingGroupId).map((c) => c.id));
    const items = await tx.agendaItem.findMany({
      where: { meetingId: meeting.id, caseId: { in: [...members] } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        id: true,
        case: { select: { id: true, trackingCode: true, status: true, workingGroupId: true, reporter: { select: { id: true, telegramId: true, language: true } }, unit: { select: { name: true } } } },
      },
    });
    if (items.length === 0) throw clusterRefusal("not_on_agenda");
    const out = [];
    // One act: the same text, agency and deadline on each case's agenda item, in this transaction.
    for (const item of items) out.push(await recordOnItem(tx, deps, actor.id, { meeting, role, item }, resolution));
    return out;
  });
  deps.flushOutbox();
  for (const row of recorded) {
    if (row.taskId !== null) await deps.scheduler.syncTaskReminders(row.taskId);
    if (row.window) await scheduleObjectionClose(deps, row.window);
  }
  return { resolutions: recorded.map((row) => ({ caseId: row.caseId, resolutionId: row.resolutionId, taskId: row.taskId })) };
}

/** The group's meetings a cluster can go to (scheduled) or be resolved in (held, minutes open). */
export async function clusterMeetings(deps: Pick<Deps, "db">, actor: SessionUser, clusterId: number) {
  const cluster = await deps.db.cluster.findUnique({ where: { id: clusterId }, select: { workingGroupId: true } });
  if (!cluster) throw clusterRefusal("not_found");
  assertClusterActor(actor, cluster.workingGroupId);
  const meetings = await deps.db.meeting.findMany({
    where: { workingGroupId: cluster.workingGroupId, OR: [{ status: "SCHEDULED" }, { status: "HELD", minutesClosedAt: null }] },
    orderBy: { startsAt: "asc" },
    take: 10,
    select: { id: true, kind: true, number: true, jalaliYear: true, startsAt: true, status: true, agenda: { where: { clusterId }, select: { id: true }, take: 1 } },
  });
  return meetings.map(({ agenda, ...m }) => ({ ...m, hasCluster: agenda.length > 0 }));
}
