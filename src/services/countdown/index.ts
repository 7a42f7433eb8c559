export { countdownStepJobId, dateCheckJobId, plannedCountdownTimers, reconcileCountdowns, syncCaseCountdown } from "./schedule";
export { applyCountdownStep, type RiseOutcome } from "./rise";
export { answerDateCheck, askDateCheck, postponeIrreversible, type DateAnswer, type Postponed } from "./date-check";
