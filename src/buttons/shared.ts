import { button } from "./define";

/**
 * Buttons more than one area packs: the main menu and the flow controls, and the cards that
 * notices open (a case in the queue, a task, the producer's case, the rating). An area's own
 * buttons live in its own file beside this one.
 */
export const mainMenu = button("menu");
export const flowCancel = button("flow:cancel");
export const languageMenu = button("lang:menu");
export const newReport = button("report:new");
export const newUnit = button("unit:new");

/** The producer's /cases list page and case card, and its "add information / answer" prompt. */
export const myCasesPage = button("cases:list", { page: "int" });
export const myCase = button("cases:view", { caseId: "id" });
export const addInfo = button("cases:addinfo", { caseId: "id" });

/** The secretariat's case card (also on every alert about a case). */
export const queueCase = button("q:open", { caseId: "id" });

/** An official's task card (on every reminder and notice about a task). */
export const taskCard = button("t:o", { taskId: "id" });

/** A page of an official's task list (the main menu, the card, the morning digest). */
export const taskList = button("t:l", { page: "int" });

/** "Did it help?": a 1–5 score of a confirmed task. */
export const rateTask = button("rt", { taskId: "id", score: ["1", "2", "3", "4", "5"] });

/** Puts a case on a meeting's agenda (from the case card). */
export const agendaPickMeeting = button("mtg:pick", { caseId: "id" });

/** An invitee's answer to a meeting invitation: attending, sending a delegate, declined. */
export const meetingRsvp = button("mtg:rsvp", { inviteeId: "id", answer: ["a", "d", "n"] });
