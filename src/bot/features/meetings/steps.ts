// Small helpers the meeting and resolution flows share (on top of src/bot/flow-engine.ts).
import type { Button, PayloadOf } from "../../../buttons";
import type { FieldSpec } from "../../../buttons/define";
import type { BotContext } from "../../context";
import { handled, type FlowState, type StepButton, type StepResult } from "../../flow-engine";

/** A refused answer: says why and waits for another (the question stays on screen above). */
export async function say(ctx: BotContext, key: string, args?: Record<string, string | number>): Promise<StepResult> {
  await ctx.reply(ctx.t(key, args));
  return handled;
}

/** A flow button whose handler gets its payload typed as the button declares it. */
export function on<D, F extends Record<string, FieldSpec>>(
  button: Button<F>,
  handle: (ctx: BotContext, payload: PayloadOf<F>, flow: FlowState<D>) => Promise<StepResult>,
): StepButton<D> {
  return { button, handle: (ctx, payload, flow) => handle(ctx, button.unpack(ctx.callbackQuery?.data) ?? (payload as PayloadOf<F>), flow) };
}
