/**
 * The one way a service says "no" to a person: a reason (stable, for code and tests) and the
 * Fluent message that explains it to the user (with its arguments). Every service throws this
 * type and every handler answers it with `answerRefusal` (src/bot/reply.ts); anything else
 * thrown is a bug or an outage and goes to the error boundary.
 *
 *   throw new Refusal("not-found", "triage-error-not-found");
 *   throw refusal("triage-error", "stale")  // → reason "stale", key "triage-error-stale"
 */
export class Refusal extends Error {
  override readonly name = "Refusal";
  constructor(
    /** Stable and short: `not-found`, `forbidden`, `stale`, … */
    readonly reason: string,
    /** The Fluent message shown to the user. */
    readonly messageKey: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(`${reason} (${messageKey})`);
  }
}

/** A refusal whose message key is `<keyPrefix>-<reason>` (the convention of every feature). */
export function refusal(keyPrefix: string, reason: string, args?: Record<string, string | number>): Refusal {
  return new Refusal(reason, `${keyPrefix}-${reason}`, args);
}

export const isRefusal = (error: unknown): error is Refusal => error instanceof Refusal;
