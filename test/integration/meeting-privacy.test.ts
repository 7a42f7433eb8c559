/**
 * A meeting hears the cases of several units. Members read the whole agenda and the whole
 * minutes; a unit's representative only the part about their own unit: a producer never sees
 * another unit's case, its tracking code, its unit or what was decided about it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jalaliToInstant } from "../../src/domain/jalali";
import { remindMeeting } from "../../src/jobs/meeting-reminders";
import { submitCase } from "../../src/services/cases";
import { addAgendaItem, answerInvitation, createMeeting, markMeetingHeld, sendInvitations } from "../../src/services/meetings";
import type { InlineDocument, OutboundPayload } from "../../src/services/outbox";
import { closeMinutes, recordResolution } from "../../src/services/resolutions";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;

// Sunday 1 Azar 1405; the meeting is on Wednesday 4 Azar at 09:30.
beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"], clock: new TestClock(new Date("2026-11-22T07:00:00Z")) });
  world = await seedTaskWorld(env.container, { base: 8_800_000_000, group: "KRM", legalIdPrefix: "1410801234" });
});
afterAll(async () => env.cleanup());

/** Everything queued for a user (texts and the HTML of documents), one string. */
async function everythingSentTo(userId: number, dedupePrefix: string): Promise<string> {
  const rows = await env.container.db.outboxMessage.findMany({ where: { userId, dedupeKey: { startsWith: dedupePrefix } } });
  expect(rows.length).toBeGreaterThan(0);
  return rows
    .map((row) => {
      const payload = row.payload as unknown as OutboundPayload;
      if (payload.method === "sendMessage") return payload.params.text;
      const document = payload.method === "sendDocument" ? payload.params.document : null;
      return typeof document === "object" && document ? Buffer.from((document as InlineDocument).contentBase64, "base64").toString("utf8") : "";
    })
    .join("\n");
}

describe("a meeting that hears two units", () => {
  it("shows each unit's representative only their own unit's part, members everything", async () => {
    const { db } = env.container;
    const other = await db.user.create({ data: { telegramId: "8800000099", firstName: "Saeed", language: "fa" } });
    const otherUnit = await db.productionUnit.create({
      data: {
        workingGroupId: world.workingGroupId,
        name: "Zarand Steel",
        legalId: legalEntityIdFrom("1410801299"),
        county: "زرند",
        sector: "INDUSTRY",
        activityStatus: "SEMI_ACTIVE",
        employees: 40,
        representatives: { create: { userId: other.id } },
      },
    });
    const mine = await reportCase(env.container, world, { category: "bank", subcategory: "rescheduling", agencyId: world.bankAgencyId, description: "Rescheduling the arrears of the tile factory." });
    const theirs = await submitCase(env.container, other.id, {
      unitId: otherUnit.id,
      category: "bank",
      subcategory: "guarantee",
      agencyId: world.bankAgencyId,
      irreversibleAt: null,
      amountRials: null,
      description: "The bank wants a guarantee twice the loan for the steel plant.",
      attachments: [],
    });
    const meeting = await createMeeting(env.container, world.secretariat.id, {
      workingGroupId: world.workingGroupId,
      kind: "WORKING_GROUP",
      date: { year: 1405, month: 9, day: 4 },
      time: { hour: 9, minute: 30 },
      place: "Governorate hall",
    });
    const myItem = await addAgendaItem(env.container, world.secretariat.id, meeting.id, { caseId: mine.caseId });
    const theirItem = await addAgendaItem(env.container, world.secretariat.id, meeting.id, { caseId: theirs.caseId });

    // Invitations and the reminder.
    await sendInvitations(env.container, world.secretariat.id, meeting.id);
    const startsAt = jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 9, minute: 30 }).getTime();
    await remindMeeting({ type: "meeting-reminder", meetingId: meeting.id, key: `day-before@${startsAt}` }, env.container);
    for (const prefix of [`meeting:${meeting.id}:invite:`, `meeting:${meeting.id}:reminder:`]) {
      const producerSees = await everythingSentTo(world.producer.id, prefix);
      expect(producerSees).toContain(mine.trackingCode);
      expect(producerSees).not.toContain(theirs.trackingCode);
      expect(producerSees).not.toContain("Zarand Steel");
      const officialSees = await everythingSentTo(world.bankOfficial.id, prefix);
      expect(officialSees).toContain(mine.trackingCode);
      expect(officialSees).toContain(theirs.trackingCode);
    }

    // The minutes.
    for (const userId of [world.producer.id, other.id]) {
      const invitee = await db.meetingInvitee.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: meeting.id, userId } } });
      await answerInvitation(env.container, userId, invitee.id, "ATTENDING");
    }
    env.clock.set(jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 12, minute: 0 }));
    await markMeetingHeld(env.container, world.secretariat.id, meeting.id);
    await recordResolution(env.container, world.secretariat.id, { agendaItemId: myItem.itemId, text: "The bank reschedules the tile factory's arrears over 24 months.", type: "DECISION" });
    await recordResolution(env.container, world.secretariat.id, { agendaItemId: theirItem.itemId, text: "The steel plant's guarantee is reduced to the loan amount.", type: "DECISION" });
    await closeMinutes(env.container, world.secretariat.id, meeting.id);

    const minutes = `meeting:${meeting.id}:minutes`;
    const producerReads = await everythingSentTo(world.producer.id, minutes);
    expect(producerReads).toContain("tile factory's arrears");
    expect(producerReads).not.toContain("steel plant");
    expect(producerReads).not.toContain(theirs.trackingCode);
    expect(producerReads).not.toContain("Zarand Steel");
    expect(producerReads).not.toContain("Saeed");
    const otherReads = await everythingSentTo(other.id, minutes);
    expect(otherReads).toContain("steel plant");
    expect(otherReads).not.toContain("tile factory");
    const memberReads = await everythingSentTo(world.chair.id, minutes);
    expect(memberReads).toContain("tile factory's arrears");
    expect(memberReads).toContain("steel plant");
  });
});
