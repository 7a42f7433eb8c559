import type { BotContext, Flow } from "./context";

/** Multi-step flows live in the session (Redis) so a restart of the bot loses nothing. */
export function startFlow(ctx: BotContext, name: string, step: string, data: Record<string, unknown> = {}): Flow {
  const flow: Flow = { name, step, data, history: [] };
  ctx.session.flow = flow;
  return flow;
}

export function currentFlow(ctx: BotContext, name: string): Flow | undefined {
  const flow = ctx.session.flow;
  return flow?.name === name ? flow : undefined;
}

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

export const inFlow = (name: string) => (ctx: BotContext) => ctx.session?.flow?.name === name;

/** How a flow asks its current question again (after /start, a wrong answer, a restart). */
type Reprompt = (ctx: BotContext, flow: Flow) => Promise<void>;
const reprompts = new Map<string, Reprompt>();

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

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const reprompt = reprompts.get(flow.name);
  if (!reprompt) throw new Error(`flow ${flow.name} has no registered prompt (registerFlow)`);
  await reprompt(ctx, flow);
}

/** Moves the flow to `step` and asks that step's question (the flow's registered prompt). */
export async function advanceFlow(ctx: BotContext, flow: Flow, step: string): Promise<void> {
  goTo(ctx, flow, step);
  await ask(ctx, flow);
}

/**
 * A flow's back button: the previous step's question; at the first step the flow ends and
 * `leave` shows where the user came from (a card, a list, "cancelled").
 */
export function backButton(name: string, leave: (ctx: BotContext, flow: Flow) => Promise<unknown>) {
  return async (ctx: BotContext): Promise<void> => {
    await ctx.answerCallbackQuery();
    const flow = currentFlow(ctx, name);
    if (!flow) return;
    if (goBack(ctx, flow)) return ask(ctx, flow);
    endFlow(ctx);
    await leave(ctx, flow);
  };
}

/** Says what was wrong with an answer, then asks the same question again; nothing typed is lost. */
export async function retryFlow(ctx: BotContext, flow: Flow, errorKey: string, args?: Record<string, string | number>): Promise<void> {
  await ctx.reply(ctx.t(errorKey, args));
  await ask(ctx, flow);
}

/** Commands pass through a flow's text handlers to their own features (the flow is kept). */
export function isCommand(text: string | undefined): boolean {
  return typeof text === "string" && /^\/[A-Za-z]/.test(text);
}
