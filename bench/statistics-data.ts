/**
 * The statistics benchmark's synthetic data set (bench/statistics.ts): 50,000 cases and
 * 100,000 timeline events, with the tasks, clock pauses, meetings, resolutions, extension
 * requests and ratings the /queue and /stats queries read. Deterministic (a seeded PRNG), so
 * two runs read the same rows. Written with multi-row INSERTs through pg (the app's services
 * would take minutes for this much), ids assigned here and the sequences moved past them.
 *
 * Shape: 40,000 cases in the benchmarked group (Kerman), 2,500 in each of four others, submitted
 * uniformly over the 15 months before NOW (about 24,000 of Kerman's in the current Jalali year).
 * Every case has its "submitted" event by the reporter; 80% have a first secretariat event
 * (median a few hours later); before it, some have a system event (no actor), an event by the
 * reporter or by the unit's second representative: the cases the first-action rule must skip.
 */
import pg from "pg";
import { CATEGORY_IDS } from "../src/domain/categories";

export const BENCH_GROUP = "KRM";
export const OTHER_GROUPS = ["KHZ", "QOM", "ISF", "THR"] as const;
export const CASES = 50_000;
export const EVENTS = 100_000;
const BENCH_GROUP_CASES = 40_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Row = Array<string | number | boolean | Date | null>;

/** INSERT … VALUES in batches under PostgreSQL's 65,535 parameters. */
async function insert(client: pg.Client, table: string, columns: string[], rows: Row[]): Promise<void> {
  const perBatch = Math.floor(60_000 / columns.length);
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const params: Row = [];
    const tuples = batch.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(", ")})`);
    await client.query(head + tuples.join(", "), params);
  }
}

/** timestamp(3) columns hold UTC wall time: pass ISO text without the zone. */
const ts = (instant: Date) => instant.toISOString().replace("Z", "");

export interface BenchWorld {
  workingGroupId: number;
  /** A secretariat member of the benchmarked group (reads its queue and statistics). */
  secretariat: { id: number; telegramId: string; membershipId: number };
  /** An agency of the group with open cases (the queue's agency filter). */
  agencyId: number;
  /** A case of the group (the case card). */
  caseId: number;
  counts: Record<string, number>;
}

export async function seedSyntheticData(client: pg.Client, now: Date): Promise<BenchWorld> {
  const random = prng(1405);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const groups = await client.query<{ id: number; code: string }>(`SELECT id, code FROM "WorkingGroup" WHERE code = ANY($1)`, [[BENCH_GROUP, ...OTHER_GROUPS]]);
  const groupId = new Map(groups.rows.map((g) => [g.code, g.id]));
  const agencies = await client.query<{ id: number; workingGroupId: number }>(`SELECT id, "workingGroupId" FROM "Agency" ORDER BY id`);
  const agenciesOf = new Map<number, number[]>();
  for (const a of agencies.rows) agenciesOf.set(a.workingGroupId, [...(agenciesOf.get(a.workingGroupId) ?? []), a.id]);
  const stamp = ts(now);

  // Users: per group 4 secretariat members, a chair and an official per agency; producers.
  const users: Row[] = [];
  const memberships: Row[] = [];
  const staff = new Map<number, number[]>();
  const officialOf = new Map<number, number>();
  const newUser = (name: string) => {
    const id = users.length + 1;
    users.push([id, String(9_200_000_000 + id), name, "fa", stamp, stamp]);
    return id;
  };
  for (const code of [BENCH_GROUP, ...OTHER_GROUPS]) {
    const wg = groupId.get(code) as number;
    const desk: number[] = [];
    for (let i = 0; i < 4; i++) {
      const id = newUser(`Dabir ${code} ${i + 1}`);
      desk.push(id);
      memberships.push([memberships.length + 1, id, wg, "SECRETARIAT", null]);
    }
    staff.set(wg, desk);
    memberships.push([memberships.length + 1, newUser(`Raees ${code}`), wg, "CHAIR", null]);
    for (const agencyId of agenciesOf.get(wg) ?? []) {
      const id = newUser(`Official ${agencyId}`);
      officialOf.set(agencyId, id);
      memberships.push([memberships.length + 1, id, wg, "OFFICIAL", agencyId]);
    }
  }
  // Units: 4,000 in the benchmarked group, 250 in each other; a second representative for one in six.
  const units: Array<{ id: number; wg: number; reporter: number; partner: number | null }> = [];
  const unitRows: Row[] = [];
  const representatives: Row[] = [];
  for (const code of [BENCH_GROUP, ...OTHER_GROUPS]) {
    const wg = groupId.get(code) as number;
    const count = code === BENCH_GROUP ? 4000 : 250;
    for (let i = 0; i < count; i++) {
      const id = units.length + 1;
      const reporter = newUser(`Producer ${id}`);
      const partner = i % 6 === 0 ? newUser(`Partner ${id}`) : null;
      units.push({ id, wg, reporter, partner });
      unitRows.push([id, wg, `Unit ${id}`, String(70_000_000_000 + id), "county", pick(["INDUSTRY", "MINING", "AGRICULTURE", "SERVICES"]), "ACTIVE", 10 + (id % 90)]);
      representatives.push([reporter, id]);
      if (partner) representatives.push([partner, id]);
    }
  }
  const unitsOf = new Map<number, typeof units>();
  for (const u of units) unitsOf.set(u.wg, [...(unitsOf.get(u.wg) ?? []), u]);

  // Cases, their events and tasks.
  const span = 456 * DAY;
  const cases: Row[] = [];
  const events: Row[] = [];
  const tasks: Row[] = [];
  const caseInfo: Array<{ id: number; wg: number; reporter: number; status: string; closed: boolean; submittedAt: Date }> = [];
  const taskInfo: Array<{ id: number; createdAt: Date; dueAt: Date; open: boolean }> = [];
  const OPEN = ["submitted", "needs_info", "assigned", "in_progress", "on_agenda"];
  const TASK_OPEN = ["open", "acknowledged", "in_progress", "done_pending_review"];
  const otherGroupIds = OTHER_GROUPS.map((c) => groupId.get(c) as number);
  const capped = (instant: number) => new Date(Math.min(instant, now.getTime() - 60_000));
  let staffEventsLeft = EVENTS - CASES;
  for (let i = 0; i < CASES; i++) {
    const id = i + 1;
    const wg = i < BENCH_GROUP_CASES ? (groupId.get(BENCH_GROUP) as number) : (otherGroupIds[i % otherGroupIds.length] as number);
    const unit = pick(unitsOf.get(wg) ?? []);
    const submittedAt = new Date(now.getTime() - Math.floor(random() * span));
    const age = now.getTime() - submittedAt.getTime();
    const roll = random();
    const status =
      age < 30 * DAY
        ? roll < 0.7 ? pick(OPEN) : roll < 0.85 ? "resolved" : roll < 0.95 ? "rejected" : "duplicate"
        : roll < 0.08 ? pick(OPEN) : roll < 0.28 ? "resolved" : roll < 0.83 ? "closed" : roll < 0.95 ? "rejected" : "duplicate";
    const category = pick(CATEGORY_IDS);
    const urgency = category === "utility_cutoff" ? "critical" : pick(["critical", "high", "high", "normal", "normal", "normal", "normal", "normal", "normal", "low"]);
    const dated = chance(0.55);
    const irreversibleAt = dated ? new Date(submittedAt.getTime() + Math.floor((random() * 93 - 3) * DAY)) : null;
    const passed = irreversibleAt !== null && irreversibleAt < now;
    const outcome = passed ? (roll < 0.3 ? "averted" : roll < 0.4 ? "happened" : null) : null;
    const agencyId = chance(0.65) ? pick(agenciesOf.get(wg) ?? []) : null;
    const resolved = status === "resolved" || status === "closed";
    const resolvedAt = resolved ? capped(submittedAt.getTime() + (1 + random() * 59) * DAY) : null;
    const closedAt = status === "closed" && resolvedAt ? capped(resolvedAt.getTime() + (1 + random() * 9) * DAY) : null;
    const worked = status !== "submitted";
    const code = [...groupId].find(([, v]) => v === wg)?.[0];
    cases.push([
      id, `${code}-1405-${String(id).padStart(6, "0")}`, wg, unit.id, unit.reporter, category, agencyId,
      irreversibleAt ? ts(irreversibleAt) : null, "A synthetic problem for the statistics benchmark.", status, urgency,
      worked ? ts(submittedAt) : null, ts(submittedAt), resolvedAt ? ts(resolvedAt) : null, closedAt ? ts(closedAt) : null,
      ts(submittedAt), stamp, outcome, outcome ? ts(irreversibleAt as Date) : null,
    ]);
    caseInfo.push({ id, wg, reporter: unit.reporter, status, closed: !OPEN.includes(status), submittedAt });
    events.push([unit.reporter, id, "submitted", ts(submittedAt), false]);

    // The first secretariat action for 80% of the cases (lognormal, median ≈ 5 h), and
    // before it, now and then, events that do not count (system, reporter, partner).
    if (chance(0.8) && staffEventsLeft > 0) {
      const wait = Math.exp(Math.log(5) + 1.4 * (random() + random() + random() - 1.5)) * HOUR;
      const firstAction = capped(submittedAt.getTime() + wait);
      events.push([pick(staff.get(wg) ?? []), id, "taken", ts(firstAction), false]);
      staffEventsLeft -= 1;
      const early = (fraction: number) => ts(new Date(submittedAt.getTime() + (firstAction.getTime() - submittedAt.getTime()) * fraction));
      if (chance(0.2) && staffEventsLeft > 0) {
        const kind = random();
        const actor = kind < 0.4 ? null : kind < 0.7 ? unit.reporter : (unit.partner ?? unit.reporter);
        events.push([actor, id, actor === null ? "task_escalated" : "info_added", early(random()), actor === null]);
        staffEventsLeft -= 1;
      }
    }
    // Tasks: cases worked with an agency, one (a fifth two).
    if (agencyId && ["assigned", "in_progress", "on_agenda", "resolved", "closed"].includes(status)) {
      for (let k = chance(0.2) ? 2 : 1; k > 0; k--) {
        const taskId = tasks.length + 1;
        const createdAt = capped(submittedAt.getTime() + (0.5 + random() * 4) * DAY);
        const dueAt = new Date(createdAt.getTime() + (7 + Math.floor(random() * 23)) * DAY);
        const taskStatus = resolved ? pick(["done", "done", "done", "done", "done", "done", "done", "done", "refused", "cancelled"]) : pick(TASK_OPEN);
        const completedAt = ["done", "refused", "done_pending_review"].includes(taskStatus) ? capped(createdAt.getTime() + random() * 35 * DAY) : null;
        tasks.push([
          taskId, id, wg, agencyId, officialOf.get(agencyId) ?? null, null, "Synthetic task", ts(dueAt), taskStatus,
          taskStatus === "refused" ? "درخواست فاقد مدارک کافی است." : null, pick(staff.get(wg) ?? []), ts(createdAt), stamp, completedAt ? ts(completedAt) : null,
        ]);
        taskInfo.push({ id: taskId, createdAt, dueAt, open: TASK_OPEN.includes(taskStatus) });
      }
    }
  }
  // The rest of the 100,000 events: later secretariat notes on worked cases.
  for (let i = 0; staffEventsLeft > 0; i++) {
    const info = caseInfo[(i * 7919) % caseInfo.length] as (typeof caseInfo)[number];
    if (info.status === "submitted") continue;
    events.push([pick(staff.get(info.wg) ?? []), info.id, "note_added", ts(capped(info.submittedAt.getTime() + (1 + random() * 20) * DAY)), true]);
    staffEventsLeft -= 1;
  }

  // Clock pauses: ended ones on a tenth of the tasks, a running one on a few open tasks.
  const pauses: Row[] = [];
  for (const task of taskInfo) {
    if (!chance(task.open ? 0.12 : 0.08)) continue;
    const startedAt = new Date(task.createdAt.getTime() + DAY);
    const running = task.open && chance(0.3);
    const endedAt = running ? null : new Date(startedAt.getTime() + 3 * DAY);
    if (endedAt && endedAt > now) continue;
    if (startedAt > now) continue;
    pauses.push([tasks[task.id - 1]?.[1] as number, task.id, "producer", "info_requested", ts(startedAt), endedAt ? ts(endedAt) : null, endedAt ? 2 : null]);
  }
  const extensions: Row[] = [];
  for (const task of taskInfo) {
    if (!chance(0.06)) continue;
    extensions.push([task.id, tasks[task.id - 1]?.[4] ?? 1, ts(new Date(task.dueAt.getTime() + 10 * DAY)), "نیاز به زمان بیشتر", pick(["PENDING", "APPROVED", "REFUSED"]), ts(task.createdAt)]);
  }
  const ratings: Row[] = [];
  for (const info of caseInfo) {
    if ((info.status === "resolved" || info.status === "closed") && chance(0.3)) ratings.push([info.id, info.reporter, 1 + Math.floor(random() * 5), ts(capped(info.submittedAt.getTime() + 40 * DAY))]);
  }

  // Meetings every week per group; resolutions on cases of the group, a TASK one with its task.
  const meetings: Row[] = [];
  const agendaItems: Row[] = [];
  const resolutions: Row[] = [];
  for (const wg of [groupId.get(BENCH_GROUP) as number, ...otherGroupIds]) {
    const groupCases = caseInfo.filter((c) => c.wg === wg && c.status !== "submitted");
    const weeks = wg === groupId.get(BENCH_GROUP) ? 65 : 20;
    for (let w = 0; w < weeks; w++) {
      const meetingId = meetings.length + 1;
      const startsAt = new Date(now.getTime() - span + w * (span / weeks));
      const held = chance(0.9);
      meetings.push([meetingId, wg, w % 3 === 0 ? "WORKING_GROUP" : "COMMITTEE", w + 1, 1404, ts(startsAt), "سالن جلسات", held ? "HELD" : "CANCELLED", pick(staff.get(wg) ?? []), held ? ts(startsAt) : null]);
      if (!held) continue;
      for (let position = 1; position <= (wg === groupId.get(BENCH_GROUP) ? 12 : 5); position++) {
        const c = pick(groupCases);
        if (agendaItems.some((item) => item[1] === meetingId && item[2] === c.id)) continue;
        const itemId = agendaItems.length + 1;
        agendaItems.push([itemId, meetingId, c.id, position]);
        const type = pick(["TASK", "TASK", "DECISION", "INFORMATION"]);
        const resolutionId = resolutions.length + 1;
        const agencyId = type === "TASK" ? pick(agenciesOf.get(wg) ?? []) : null;
        resolutions.push([resolutionId, meetingId, itemId, c.id, "مصوبه آزمایشی", type, agencyId, pick(staff.get(wg) ?? []), ts(new Date(startsAt.getTime() + HOUR))]);
        if (agencyId) {
          const taskId = tasks.length + 1;
          const dueAt = new Date(startsAt.getTime() + 20 * DAY);
          const taskStatus = c.closed ? "done" : pick(["open", "acknowledged", "in_progress"]);
          tasks.push([taskId, c.id, wg, agencyId, officialOf.get(agencyId) ?? null, resolutionId, "Resolution task", ts(dueAt), taskStatus, null, pick(staff.get(wg) ?? []), ts(new Date(startsAt.getTime() + HOUR)), stamp, taskStatus === "done" ? ts(new Date(startsAt.getTime() + 10 * DAY)) : null]);
        }
      }
    }
  }

  await insert(client, "User", ["id", "telegramId", "firstName", "language", "createdAt", "updatedAt"], users);
  await insert(client, "Membership", ["id", "userId", "workingGroupId", "role", "agencyId"], memberships);
  await insert(client, "ProductionUnit", ["id", "workingGroupId", "name", "legalId", "county", "sector", "activityStatus", "employees"], unitRows);
  await insert(client, "UnitRepresentative", ["userId", "unitId"], representatives);
  await insert(client, "Case", ["id", "trackingCode", "workingGroupId", "unitId", "reporterId", "category", "agencyId", "irreversibleAt", "description", "status", "urgency", "firstOpenedAt", "submittedAt", "resolvedAt", "closedAt", "createdAt", "updatedAt", "irreversibleOutcome", "irreversibleCheckedAt"], cases);
  // Events in time order, as the timeline receives them.
  events.sort((a, b) => String(a[3]).localeCompare(String(b[3])));
  await insert(client, "CaseEvent", ["actorId", "caseId", "type", "createdAt", "internal"], events);
  await insert(client, "Meeting", ["id", "workingGroupId", "kind", "number", "jalaliYear", "startsAt", "place", "status", "createdById", "heldAt"], meetings);
  await insert(client, "AgendaItem", ["id", "meetingId", "caseId", "position"], agendaItems);
  await insert(client, "Resolution", ["id", "meetingId", "agendaItemId", "caseId", "text", "type", "agencyId", "createdById", "createdAt"], resolutions);
  await insert(client, "Task", ["id", "caseId", "workingGroupId", "agencyId", "officialId", "resolutionId", "title", "dueAt", "status", "refusalReason", "createdById", "createdAt", "updatedAt", "completedAt"], tasks);
  await insert(client, "ClockPause", ["caseId", "taskId", "waitingOn", "reason", "startedAt", "endedAt", "pausedWorkingDays"], pauses);
  await insert(client, "ExtensionRequest", ["taskId", "requestedById", "newDueAt", "reason", "status", "createdAt"], extensions);
  await insert(client, "Rating", ["caseId", "userId", "score", "createdAt"], ratings);
  for (const table of ["User", "Membership", "ProductionUnit", "Case", "Meeting", "AgendaItem", "Resolution", "Task"]) {
    await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
  }

  const wg = groupId.get(BENCH_GROUP) as number;
  const desk = staff.get(wg)?.[0] as number;
  const membership = memberships.find((m) => m[1] === desk) as Row;
  const busiest = await client.query<{ agencyId: number }>(
    `SELECT "agencyId" FROM "Case" WHERE "workingGroupId" = $1 AND "agencyId" IS NOT NULL AND status IN ('submitted','needs_info','assigned','in_progress','on_agenda') GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [wg],
  );
  return {
    workingGroupId: wg,
    secretariat: { id: desk, telegramId: String(9_200_000_000 + desk), membershipId: membership[0] as number },
    agencyId: busiest.rows[0]?.agencyId ?? 0,
    caseId: caseInfo.find((c) => c.wg === wg && c.status === "in_progress")?.id ?? 1,
    counts: {
      cases: cases.length,
      events: events.length,
      tasks: tasks.length,
      clockPauses: pauses.length,
      meetings: meetings.length,
      resolutions: resolutions.length,
      extensionRequests: extensions.length,
      ratings: ratings.length,
      users: users.length,
      units: unitRows.length,
    },
  };
}
