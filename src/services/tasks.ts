import type { Tx } from "../db";
import { endOfJalaliDay, formatJalaliYMD, type JalaliDate } from "../domain/jalali";
import { appendEvent } from "./timeline";

export interface NewTask {
  caseId: number;
  agencyId: number;
  officialId?: number | null;
  /** The due date is a Jalali calendar day; the task is due by the end of it (Tehran). */
  dueDate: JalaliDate;
  title: string;
  createdById: number;
  resolutionId?: number | null;
}

/**
 * Creates a task for an agency (from a triage assignment or a resolution) with its timeline
 * event, in the caller's transaction. After the commit the caller schedules its reminders.
 */
export async function createTask(tx: Tx, input: NewTask): Promise<{ id: number; workingGroupId: number }> {
  const theCase = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { workingGroupId: true } });
  const agency = await tx.agency.findFirst({ where: { id: input.agencyId, workingGroupId: theCase.workingGroupId } });
  if (!agency) throw new Error("agency is not in the case's working group");
  const task = await tx.task.create({
    data: {
      caseId: input.caseId,
      workingGroupId: theCase.workingGroupId,
      agencyId: input.agencyId,
      officialId: input.officialId ?? null,
      resolutionId: input.resolutionId ?? null,
      title: input.title,
      dueAt: endOfJalaliDay(input.dueDate),
      createdById: input.createdById,
    },
    select: { id: true, workingGroupId: true },
  });
  await appendEvent(tx, {
    caseId: input.caseId,
    actorId: input.createdById,
    type: "task_created",
    taskId: task.id,
    data: { agencyId: input.agencyId, due: formatJalaliYMD(input.dueDate), officialId: input.officialId ?? null },
  });
  return task;
}
