import type { BotContext, Flow } from "./context";

/**
 * The flow state under the flow engine (src/bot/flow-engine.ts): multi-step flows live in the
 * session (Redis, written through to PostgreSQL) so a restart of the bot loses nothing. Features
 * declare flows with defineFlow; these are the engine's primitives (and endFlow for handlers).
 */

/** Moves to a step, remembering where we came from for the back button. */
export function goTo(ctx: BotContext, flow: Flow, step: string): void {
  if (flow.step !== step) flow.history = [...(flow.history ?? []), flow.step].slice(-30);
  flow.step = step;
  ctx.session.flow = flow;
}

/** Returns to the previous step, or undefined at the first one. */
export function goBack(ctx: BotContext, flow: Flow): string | undefined {
  const history = [...(flow.history ?? [])];
  const previous = history.pop();
  if (!previous) return undefined;
  flow.history = history;
  flow.step = previous;
  ctx.session.flow = flow;
  return previous;
}

export function endFlow(ctx: BotContext): void {
  ctx.session.flow = undefined;
}

/** How a flow asks its current question again (after /start, a wrong answer, a restart). */
type Reprompt = (ctx: BotContext, flow: Flow) => Promise<void>;
const reprompts = new Map<string, Reprompt>();

/** Called by defineFlow for each flow it defines. */
export function registerFlow(name: string, reprompt: Reprompt): void {
  reprompts.set(name, reprompt);
}

/** Asks the current question of the user's flow again; false when there is no flow. */
export async function repromptFlow(ctx: BotContext): Promise<boolean> {
  const flow = ctx.session.flow;
  const reprompt = flow ? reprompts.get(flow.name) : undefined;
  if (!flow || !reprompt) return false;
  await reprompt(ctx, flow);
  return true;
}

/** Commands pass through a flow's text handlers to their own features (the flow is kept). */
export function isCommand(text: string | undefined): boolean {
  return typeof text === "string" && /^\/[A-Za-z]/.test(text);
}
