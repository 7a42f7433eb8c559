/** What officials (agency.ts) and the secretariat (secretariat.ts) do with a task. */
export {
  LETTER_NUMBER_MAX,
  REFUSAL_MIN,
  REPORT_ATTACHMENT_LIMIT,
  TEXT_MAX,
  TEXT_MIN,
  type TaskActionDeps,
  type TaskActionFailure,
} from "./run";
export {
  acknowledgeTask,
  completeTask,
  reassignTask,
  refuseTask,
  reportProgress,
  requestExtension,
  LOAN_AMOUNT_MAX,
  type CompletionInput,
  type LoanInput,
  type ExtensionInput,
  type ProgressInput,
} from "./agency";
export { confirmTask, decideExtension, sendBackTask } from "./secretariat";
