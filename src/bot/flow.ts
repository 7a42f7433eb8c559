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
/** Where a flow returns to when it is left (back at its first step, /cancel, ✖ Cancel). */
type Leave = (ctx: BotContext, flow: Flow) => Promise<unknown>;
const leaves = new Map<string, Leave>();

/** Called by defineFlow for each flow it defines. */
export function registerFlow(name: string, reprompt: Reprompt, leave?: Leave): void {
  reprompts.set(name, reprompt);
  if (leave) leaves.set(name, leave);
  else leaves.delete(name);
}

/**
 * Ends the user's flow and returns to where it was started from (the flow's `leave`: the card,
 * the list, the menu). False when there was no flow or it declares no place to return to (the
 * caller then says "cancelled" and shows the main menu).
 */
export async function leaveFlow(ctx: BotContext): Promise<boolean> {
  const flow = ctx.session.flow;
  endFlow(ctx);
  const leave = flow ? leaves.get(flow.name) : undefined;
  if (!flow || !leave) return false;
  await leave(ctx, flow);
  return true;
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
