/**
 * The demo's cases, one at every stage, its meetings (one held, with resolutions and closed
 * minutes; one coming, with an agenda and invitations) and a broadcast — every step through
 * the service the bot calls for it. The past is played with the services' own clock moved
 * back (`at(daysAgo)`), so the overdue task is overdue by the rules, not by an edited date.
 */
import type { Container } from "../container";
import { addJalaliDays, formatJalaliYMD, jalaliToInstant, todayInTehran, type JalaliDate } from "../domain/jalali";
import { addWorkingDays } from "../domain/working-calendar";
import { createBroadcastDraft, startBroadcast } from "../services/broadcasts";
import { submitCase } from "../services/cases";
import { addAgendaItem } from "../services/meetings/agenda";
import { sendInvitations } from "../services/meetings/invitations";
import { createMeeting, markMeetingHeld } from "../services/meetings/scheduling";
import { rateCase } from "../services/ratings";
import { closeMinutes } from "../services/resolutions/minutes";
import { recordResolution } from "../services/resolutions/record";
import { assignCase } from "../services/triage/assign";
import { resolveCase } from "../services/triage/closing";
import { requestInformation, takeCase } from "../services/triage/needs-info";
import type { SessionUser } from "../services/users";

export interface DemoWorld {
  workingGroupId: number;
  gasAgencyId: number;
  bankAgencyId: number;
  units: { tile: number; food: number };
  users: Record<string, SessionUser>;
  admin: SessionUser;
}

const DAY_MS = 24 * 3600_000;

type Report = { unit: "tile" | "food"; producer: "producer" | "producer2"; category: "bank" | "utility_cutoff" | "tax"; subcategory: string | null; agency: "gas" | "bank" | null; description: string; amountRials?: string };

export async function buildDemoCases(container: Container, world: DemoWorld): Promise<void> {
  // The services' clock `days` ago (fractions move within a day); the scheduler keeps the real one.
  const at = (days: number): Container => ({ ...container, now: () => new Date(container.now().getTime() - days * DAY_MS) });
  const user = (key: string) => world.users[key] as SessionUser;
  const secretariat = user("secretariat");
  const agencyId = (agency: Report["agency"]) => (agency === "gas" ? world.gasAgencyId : agency === "bank" ? world.bankAgencyId : null);
  const report = async (deps: Container, r: Report) => submitCase(deps, user(r.producer).id, {
    unitId: world.units[r.unit], category: r.category, subcategory: r.subcategory, agencyId: agencyId(r.agency),
    irreversibleAt: null, amountRials: r.amountRials ?? null, description: r.description, attachments: [],
  });
  const dueIn = (deps: Container, workingDays: number): string =>
    formatJalaliYMD(addWorkingDays(todayInTehran(deps.now()), workingDays, container.policies.calendar));

  // Resolved, then rated by its producer (reported two weeks ago).
  const rated = await report(at(14), { unit: "tile", producer: "producer", category: "bank", subcategory: "rescheduling", agency: "bank", amountRials: "25000000000", description: "بانک با وجود بخشنامه امهال، درخواست استمهال اقساط تسهیلات سرمایه در گردش را نپذیرفته است." });
  await resolveCase(at(10), secretariat, rated.caseId, { outcome: "با پیگیری دبیرخانه، بانک اقساط را شش ماه امهال کرد." });
  await rateCase(at(9), user("producer").id, rated.caseId, 5);

  // Resolved, waiting for the producer's rating.
  const resolved = await report(at(12), { unit: "food", producer: "producer2", category: "tax", subcategory: null, agency: null, description: "اداره مالیات جریمه دیرکرد اظهارنامه سال گذشته را با وجود ارسال به موقع اعمال کرده است." });
  await resolveCase(at(3), secretariat, resolved.caseId, { outcome: "جریمه با ارائه رسید ارسال اظهارنامه بخشوده شد." });

  // Overdue: assigned eleven days ago with three working days to answer.
  const overdue = await report(at(11), { unit: "tile", producer: "producer", category: "utility_cutoff", subcategory: "gas", agency: "gas", description: "شرکت گاز فشار گاز ورودی کوره‌ها را بدون اطلاع قبلی کاهش داده و تولید نیمه‌تعطیل است." });
  await assignCase(at(11), secretariat, overdue.caseId, { agencyId: world.gasAgencyId, officialId: user("official").id, dueDate: dueIn(at(11), 3) });

  // The held meeting, five days ago: two cases on its agenda, a decision and a task recorded, minutes closed.
  const heldDay = todayInTehran(at(5).now());
  const decided = await report(at(9), { unit: "food", producer: "producer2", category: "bank", subcategory: "guarantee", agency: "bank", description: "بانک برای تمدید ضمانت‌نامه صادراتی وثیقه ملکی اضافه مطالبه می‌کند." });
  const tasked = await report(at(9), { unit: "tile", producer: "producer", category: "bank", subcategory: "working_capital", agency: "bank", amountRials: "40000000000", description: "درخواست تسهیلات سرمایه در گردش برای خرید مواد اولیه فصل آینده بی‌پاسخ مانده است." });
  const held = await createMeeting(at(8), secretariat.id, { workingGroupId: world.workingGroupId, kind: "WORKING_GROUP", date: heldDay, time: { hour: 10, minute: 0 }, place: "سالن جلسات استانداری کرمان" });
  const decidedItem = await addAgendaItem(at(8), secretariat.id, held.id, { caseId: decided.caseId });
  const taskedItem = await addAgendaItem(at(8), secretariat.id, held.id, { caseId: tasked.caseId });
  const afterMeeting = at(5 - 3 / 24); // 13:00-ish of the meeting's day
  await markMeetingHeld(afterMeeting, secretariat.id, held.id);
  await recordResolution(afterMeeting, secretariat.id, { agendaItemId: decidedItem.itemId, type: "DECISION", text: "بانک ضمانت‌نامه را با همان وثیقه قبلی تمدید کند.", agencyId: world.bankAgencyId });
  await recordResolution(afterMeeting, secretariat.id, {
    agendaItemId: taskedItem.itemId, type: "TASK", text: "بانک ظرف ده روز کاری درباره تسهیلات سرمایه در گردش واحد تصمیم بگیرد و نتیجه را اعلام کند.",
    agencyId: world.bankAgencyId, officialId: user("bank").id, deadline: addWorkingDays(heldDay, 10, container.policies.calendar),
  });
  await closeMinutes(afterMeeting, secretariat.id, held.id);

  // Assigned two days ago, due in a week.
  const assigned = await report(at(3), { unit: "food", producer: "producer2", category: "utility_cutoff", subcategory: "gas", agency: "gas", description: "اخطار قطع گاز به دلیل بدهی معوق با وجود درخواست تقسیط بدهی صادر شده است." });
  await takeCase(at(2), secretariat, assigned.caseId);
  await assignCase(at(2), secretariat, assigned.caseId, { agencyId: world.gasAgencyId, dueDate: dueIn(at(2), 7) });

  // Waiting for information from its producer.
  const waiting = await report(at(2), { unit: "tile", producer: "producer", category: "bank", subcategory: "overdue_loan", agency: "bank", description: "بانک به دلیل معوقات ناشی از قطعی برق، حساب‌های واحد را مسدود کرده است." });
  await requestInformation(at(1), secretariat, waiting.caseId, { question: "لطفاً نام شعبه بانک و تاریخ مسدودی حساب را بفرمایید." });

  // On the agenda of the coming meeting, whose invitations are out.
  const agenda = await report(at(1), { unit: "food", producer: "producer2", category: "bank", subcategory: "loan_refused", agency: "bank", description: "درخواست تسهیلات توسعه خط بسته‌بندی پس از شش ماه بدون دلیل رد شده است." });
  const coming: JalaliDate = addWorkingDays(addJalaliDays(todayInTehran(container.now()), 1), 2, container.policies.calendar);
  const next = await createMeeting(container, secretariat.id, { workingGroupId: world.workingGroupId, kind: "WORKING_GROUP", date: coming, time: { hour: 9, minute: 30 }, place: "سالن جلسات استانداری کرمان" });
  await addAgendaItem(container, secretariat.id, next.id, { caseId: agenda.caseId });
  await sendInvitations(container, secretariat.id, next.id);
  if (jalaliToInstant(coming).getTime() <= container.now().getTime()) throw new Error("the demo's coming meeting is not ahead");

  // New today: a critical one (a cut-off) and a normal one, alerted to the secretariat.
  await report(container, { unit: "tile", producer: "producer", category: "utility_cutoff", subcategory: "electricity", agency: null, description: "برق واحد از امروز صبح به دلیل محدودیت شبکه قطع شده و خط تولید متوقف است." });
  await report(container, { unit: "food", producer: "producer2", category: "bank", subcategory: "overdue_loan", agency: "bank", description: "بانک برای اقساط معوق سه ماه اخیر اخطار اقدام حقوقی داده است." });

  // A broadcast to everyone of the group.
  const draft = await createBroadcastDraft(container, secretariat.id, {
    workingGroupId: world.workingGroupId, audience: { kind: "everyone" },
    text: "جلسه بعدی کارگروه تسهیل و رفع موانع تولید استان کرمان برگزار می‌شود؛ واحدهای دارای پرونده در دستور جلسه دعوت‌نامه دریافت کرده‌اند.",
  });
  await startBroadcast(container, secretariat.id, draft.id, null);
}
