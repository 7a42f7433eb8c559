/**
 * Declarative flows on top of the session-backed flow state (src/bot/flow.ts). A flow is typed
 * steps — what each asks, which input it accepts, where it goes next, whether the review screen
 * may edit it — and the engine generates the rest, the same way for every flow:
 *
 * - command pass-through: a /command typed mid-flow goes on to its feature (the flow is kept);
 * - back: the flow's back button returns to the previous step; at the first step it leaves to
 *   where the user came from (`leave`), never asks the same question again;
 * - cancel: the global "flow:cancel" button and /cancel (start feature) end any flow;
 * - edit from review: `editButton` jumps to an editable step; its answer returns to review;
 * - retry: a refused answer says why and asks the same question again; nothing typed is lost;
 * - wrong kind of message (a sticker where text is asked): "expected text", then the question;
 * - versions: a draft stored by an older deploy (another `version`) is migrated by `migrate`
 *   or dropped with a plain message, never run against code that no longer understands it.
 *
 * The state lives in Redis (and survives restarts and deploys, which grammY's conversations
 * replay log would not); it must stay JSON-safe.
 */
import type { Filter } from "grammy";
import { Composer } from "./composer";
import { isRefusal } from "../domain/refusal";
import type { Button, PlainButton } from "../buttons";
import type { FieldSpec, PayloadOf } from "../buttons/define";
import type { BotContext, Flow } from "./context";
import { endFlow, goBack, goTo, isCommand, registerFlow } from "./flow";
import { showMainMenu } from "./menu";

/** What a step's input handler decides. */
export type StepResult =
  /** Go to this step and ask its question (back to review when editing an editable step). */
  | { next: string }
  /** Say what was wrong (a Fluent key) and ask the same question again. */
  | { retry: string; args?: Record<string, string | number> }
  /** The handler has answered and moved on by itself (ended the flow, started another…). */
  | { handled: true };

export const next = (step: string): StepResult => ({ next: step });
export const retry = (key: string, args?: Record<string, string | number>): StepResult => ({ retry: key, args });
/** A step's answer to a service's refusal: ask again with the refusal's message; anything else is thrown. */
export function retryOnRefusal(error: unknown): StepResult {
  if (isRefusal(error)) return retry(error.messageKey, error.args);
  throw error;
}
export const handled: StepResult = { handled: true };

/** A flow's state as its steps see it: the data typed as the flow declares. */
export interface FlowState<D> extends Flow {
  data: D & Record<string, unknown>;
}

export interface StepButton<D> {
  /** The button, matched only while the flow is active. */
  button: Button<Record<string, FieldSpec>> | PlainButton;
  handle(ctx: BotContext, payload: Record<string, unknown>, flow: FlowState<D>): Promise<StepResult>;
}

export interface StepSpec<D> {
  /** Asks the step's question (a message with its buttons). */
  ask(ctx: BotContext, flow: FlowState<D>): Promise<void>;
  /** Accepts typed text (already a non-command). Steps without it answer "expected button". */
  text?(ctx: Filter<BotContext, "message:text">, text: string, flow: FlowState<D>): Promise<StepResult>;
  /** Accepts any other message (photo, document, contact…). */
  message?(ctx: Filter<BotContext, "message">, flow: FlowState<D>): Promise<StepResult>;
  /** The review screen may jump here; after the answer the flow returns to review. */
  editable?: boolean;
  /** When editing, answering this step continues to `next` instead of review (dependent steps). */
  chained?: boolean;
}

export interface FlowSpec<D> {
  name: string;
  /** Bump when the shape of `data` or the steps change; stale drafts are migrated or dropped. */
  version: number;
  steps: Record<string, StepSpec<D>>;
  /** The flow's back button; at the first step it ends the flow and calls `leave`. */
  backButton?: PlainButton;
  /**
   * Where the user came from (the card, the list, the menu): shown when the flow is left by back
   * at its first step, /cancel or ✖ Cancel — never the same question again, never a dead end.
   * It says "cancelled" itself when it should. Without it: "cancelled" + the main menu.
   */
  leave?(ctx: BotContext, flow: FlowState<D>): Promise<unknown>;
  /** The review step's name, when the flow has one (edit-from-review returns there). */
  review?: string;
  /** Jumps to an editable step from review: `{ step }` is validated against the steps. */
  editButton?: Button<{ step: FieldSpec }>;
  /** Buttons the flow accepts (each handled only while this flow is the user's flow). */
  buttons?: Array<StepButton<D>>;
  /** Turns an older version's data into this one's, or returns null to drop it. */
  migrate?(data: Record<string, unknown>, fromVersion: number): D | null;
}

export interface DefinedFlow<D> {
  name: string;
  /** Handlers for the flow's input; register it (through the feature) before catch-alls. */
  composer: Composer<BotContext>;
  /** Starts the flow at `step` with `data` and asks the first question. */
  start(ctx: BotContext, step: string, data: D): Promise<void>;
  /** The user's flow when it is this one (after the version check), else undefined. */
  current(ctx: BotContext): FlowState<D> | undefined;
  /** Moves to `step` and asks it (or back to review when editing). */
  go(ctx: BotContext, flow: FlowState<D>, step: string): Promise<void>;
  /** Asks the current step's question again. */
  ask(ctx: BotContext, flow: FlowState<D>): Promise<void>;
  /** Applies a step result (what the generated handlers do with one). */
  apply(ctx: BotContext, flow: FlowState<D>, result: StepResult): Promise<void>;
}

interface VersionedFlow extends Flow {
  version?: number;
  editing?: boolean;
}

export function defineFlow<D extends object>(spec: FlowSpec<D>): DefinedFlow<D> {
  const { name } = spec;
  const stepOf = (flow: Flow): StepSpec<D> | undefined => spec.steps[flow.step];

  function current(ctx: BotContext): FlowState<D> | undefined {
    const flow = ctx.session?.flow as VersionedFlow | undefined;
    if (!flow || flow.name !== name) return undefined;
    if ((flow.version ?? 1) !== spec.version) {
      const migrated = spec.migrate?.(flow.data, flow.version ?? 1) ?? null;
      if (!migrated || !spec.steps[flow.step]) return undefined;
      flow.data = migrated as Record<string, unknown>;
      flow.version = spec.version;
      ctx.session.flow = flow;
    }
    return flow as FlowState<D>;
  }

  async function ask(ctx: BotContext, flow: FlowState<D>): Promise<void> {
    const step = stepOf(flow);
    if (!step) {
      endFlow(ctx);
      return;
    }
    await step.ask(ctx, flow);
  }

  async function go(ctx: BotContext, flow: FlowState<D>, target: string): Promise<void> {
    const versioned = flow as VersionedFlow;
    let step = target;
    if (versioned.editing && spec.review && !spec.steps[target]?.chained) step = spec.review;
    if (step === spec.review) versioned.editing = false;
    goTo(ctx, flow, step);
    await ask(ctx, flow);
  }

  async function apply(ctx: BotContext, flow: FlowState<D>, result: StepResult): Promise<void> {
    if ("handled" in result) return;
    if ("retry" in result) {
      await ctx.reply(ctx.t(result.retry, result.args));
      await ask(ctx, flow);
      return;
    }
    await go(ctx, flow, result.next);
  }

  async function start(ctx: BotContext, step: string, data: D): Promise<void> {
    const flow: VersionedFlow = { name, step, data: data as Record<string, unknown>, history: [], version: spec.version };
    ctx.session.flow = flow;
    await ask(ctx, flow as FlowState<D>);
  }

  // Restarts and /start ask the current question again through the registry; /cancel and the
  // ✖ Cancel button leave through it to where the flow was started from.
  const leave = spec.leave;
  registerFlow(
    name,
    async (ctx) => {
      const flow = current(ctx);
      if (flow) await ask(ctx, flow);
      else await dropStale(ctx);
    },
    leave && ((ctx, flow) => leave(ctx, flow as FlowState<D>)),
  );

  async function dropStale(ctx: BotContext): Promise<void> {
    endFlow(ctx);
    await ctx.reply(ctx.t("flow-stale"));
  }

  const composer = new Composer<BotContext>();
  // Only while this flow is the user's flow (whatever its version: a stale one is dropped).
  const inThis = composer.filter((ctx) => ctx.session?.flow?.name === name);

  if (spec.backButton) {
    inThis.callbackQuery(spec.backButton.filter, async (ctx) => {
      await ctx.answerCallbackQuery();
      const flow = current(ctx);
      if (!flow) return dropStale(ctx);
      (flow as VersionedFlow).editing = false;
      if (goBack(ctx, flow)) return ask(ctx, flow);
      endFlow(ctx);
      if (spec.leave) await spec.leave(ctx, flow);
      else {
        await ctx.reply(ctx.t("cancel-done"));
        await showMainMenu(ctx);
      }
    });
  }

  if (spec.editButton) {
    const edit = spec.editButton;
    inThis.callbackQuery(edit.filter, async (ctx) => {
      await ctx.answerCallbackQuery();
      const flow = current(ctx);
      const raw = edit.unpack(ctx.callbackQuery.data)?.step;
      const target = raw === undefined ? undefined : String(raw);
      if (!flow) return dropStale(ctx);
      if (!target || !spec.steps[target]?.editable) return;
      (flow as VersionedFlow).editing = true;
      goTo(ctx, flow, target);
      await ask(ctx, flow);
    });
  }

  for (const entry of spec.buttons ?? []) {
    inThis.callbackQuery(entry.button.filter, async (ctx) => {
      await ctx.answerCallbackQuery();
      const flow = current(ctx);
      if (!flow) return dropStale(ctx);
      const payload = entry.button.unpack(ctx.callbackQuery.data);
      if (!payload) return;
      await apply(ctx, flow, await entry.handle(ctx, payload, flow));
    });
  }

  inThis.on("message", async (ctx, nextMiddleware) => {
    if (isCommand(ctx.message.text)) return nextMiddleware();
    const flow = current(ctx);
    if (!flow) return dropStale(ctx);
    const step = stepOf(flow);
    if (!step) return dropStale(ctx);
    if (ctx.message.text !== undefined && step.text) {
      return apply(ctx, flow, await step.text(ctx as Filter<BotContext, "message:text">, ctx.message.text, flow));
    }
    if (step.message) return apply(ctx, flow, await step.message(ctx, flow));
    await ctx.reply(ctx.t(step.text ? "expected-text" : "expected-button"));
    await ask(ctx, flow);
  });

  return { name, composer, start, current, go, ask, apply };
}

/** The payload type of a button, for step handlers that want it typed. */
export type ButtonPayload<B> = B extends Button<infer F> ? PayloadOf<F> : Record<string, never>;

/**
 * A flow's button with its payload typed from the button's declaration:
 *   buttons: [on(B.inviteRole, async (ctx, { role }, flow) => next("group"))]
 */
export function on<D, F extends Record<string, FieldSpec>>(
  button: Button<F>,
  handle: (ctx: BotContext, payload: PayloadOf<F>, flow: FlowState<D>) => Promise<StepResult>,
): StepButton<D>;
export function on<D>(button: PlainButton, handle: (ctx: BotContext, payload: Record<string, never>, flow: FlowState<D>) => Promise<StepResult>): StepButton<D>;
export function on<D>(
  button: Button<Record<string, FieldSpec>> | PlainButton,
  handle: (ctx: BotContext, payload: never, flow: FlowState<D>) => Promise<StepResult>,
): StepButton<D> {
  return { button, handle: (ctx, payload, flow) => handle(ctx, payload as never, flow) };
}
