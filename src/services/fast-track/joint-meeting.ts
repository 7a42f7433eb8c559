/**
 * "Joint meeting with the utility" (issue 11, item 3; seed 000: "a joint meeting with the
 * utility companies" so the cut-off does not happen): an urgent specialist-committee meeting on
 * the next office day, with this case alone on its agenda, and its invitations sent at once —
 * the meetings that exist do the rest (the invitees are the secretariat, the chair, the
 * utility's officials and the unit's representatives; RSVP buttons; reminders).
 *
 * Three steps, each its own transaction (the meeting services are built that way): create,
 * put the case on the agenda, invite. Should a later step fail, the meeting is on the
 * secretariat's /meetings list and its card finishes the job; nothing is sent twice.
 */
import type { Deps } from "../../deps";
import { jointMeetingMoment } from "../../domain/fast-track";
import { instantToJalali } from "../../domain/jalali";
import { refusal } from "../../domain/refusal";
import { triageRole } from "../authz";
import { addAgendaItem, createMeeting, lastMeetingPlace, sendInvitations } from "../meetings";
import type { SessionUser } from "../users";
import { utilityOf } from "./hold";

type MeetingDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "scheduler" | "policies" | "config">;

export interface JointMeetingPlan {
  trackingCode: string;
  startsAt: Date;
  place: string;
  agency: { nameFa: string; nameEn: string };
}

/** When, where and with whom: shown on the confirmation screen, then used as is. */
export async function planJointMeeting(deps: MeetingDeps, actor: SessionUser, caseId: number): Promise<JointMeetingPlan> {
  const row = await deps.db.case.findUnique({
    where: { id: caseId },
    select: { id: true, trackingCode: true, workingGroupId: true, category: true, subcategory: true, status: true },
  });
  if (!row) throw refusal("triage-error", "not_found");
  if (!triageRole(actor, row.workingGroupId)) throw refusal("triage-error", "forbidden");
  const agency = await deps.db.$transaction((tx) => utilityOf(tx, row));
  const startsAt = jointMeetingMoment(deps.now(), deps.policies.calendar, deps.policies.fastTrack);
  const place = (await lastMeetingPlace(deps, row.workingGroupId, "COMMITTEE"))?.place ?? deps.t(deps.config.DEFAULT_LOCALE, "fast-track-default-place");
  return { trackingCode: row.trackingCode, startsAt, place, agency };
}

export async function proposeJointMeeting(deps: MeetingDeps, actor: SessionUser, caseId: number): Promise<JointMeetingPlan & { meetingId: number; invited: number }> {
  const plan = await planJointMeeting(deps, actor, caseId);
  const row = await deps.db.case.findUniqueOrThrow({ where: { id: caseId }, select: { workingGroupId: true } });
  const when = instantToJalali(plan.startsAt);
  const meeting = await createMeeting(deps, actor.id, {
    workingGroupId: row.workingGroupId,
    kind: "COMMITTEE",
    date: { year: when.year, month: when.month, day: when.day },
    time: { hour: when.hour, minute: when.minute },
    place: plan.place,
  });
  await addAgendaItem(deps, actor.id, meeting.id, { caseId });
  const invited = await sendInvitations(deps, actor.id, meeting.id);
  await deps.scheduler.scheduleMeetingReminders(meeting.id);
  return { ...plan, meetingId: meeting.id, invited: invited.invited };
}

