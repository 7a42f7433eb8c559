/**
 * The bot's Composer (src/bot/composer.ts): its filter keeps grammY's semantics — the predicate
 * once per update, the filter's middleware with the rest of the chain as `next` when it
 * matches, the rest directly when not, async predicates awaited, handlers added after the
 * filter seen — and every composer a filter returns is one of ours, so chains stay on it.
 */
import { Context, Composer as GrammyComposer } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Composer } from "../../src/bot/composer";
import { BOT_INFO as me } from "../support/bot-harness";

const chat = { id: 42, type: "private" as const, first_name: "Producer" };
const from = { id: 42, is_bot: false, first_name: "Producer" };

function contextOf(update: Omit<Update, "update_id">): Context {
  return new Context({ update_id: 1, ...update } as Update, {} as never, me);
}
const text = (value: string) =>
  contextOf({
    message: { message_id: 1, date: 0, chat, from, text: value, ...(value.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: value.split(" ")[0]!.length }] } : {}) },
  });
const press = (data: string) => contextOf({ callback_query: { id: "q", chat_instance: "c", from, data, message: { message_id: 2, date: 0, chat, text: "card" } } as never });

async function run(composer: Composer<Context>, ctx: Context): Promise<string[]> {
  const seen: string[] = [];
  (ctx as Context & { seen: string[] }).seen = seen;
  await composer.middleware()(ctx, async () => {
    seen.push("rest");
  });
  return seen;
}
const note = (label: string) => (ctx: Context) => void (ctx as Context & { seen: string[] }).seen.push(label);

describe("the bot's Composer", () => {
  it("routes by grammY's filter queries, commands and callback data as grammY does", async () => {
    const composer = new Composer<Context>();
    composer.command("start", note("start"));
    composer.callbackQuery(/^rp:cat:(\w+)$/, (ctx) => note(`category ${ctx.match?.[1]}`)(ctx));
    composer.on("message:text", note("text"));
    expect(await run(composer, text("/start"))).toEqual(["start"]);
    expect(await run(composer, press("rp:cat:tax"))).toEqual(["category tax"]);
    expect(await run(composer, text("سلام"))).toEqual(["text"]);
    expect(await run(composer, press("q:other"))).toEqual(["rest"]);
  });

  it("passes on with next() from a matched handler, and skips a filter that does not match", async () => {
    const composer = new Composer<Context>();
    composer.filter(() => false, note("never"));
    composer.filter(
      () => true,
      async (ctx, next) => {
        note("first")(ctx);
        await next();
      },
    );
    composer.use(note("after"));
    expect(await run(composer, text("x"))).toEqual(["first", "after"]);
  });

  it("awaits an async predicate, and tests each predicate once per update", async () => {
    let asked = 0;
    const composer = new Composer<Context>();
    composer.filter(async () => {
      asked += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return true;
    }, note("async"));
    expect(await run(composer, text("x"))).toEqual(["async"]);
    expect(asked).toBe(1);
  });

  it("sees handlers added to a filter's composer after the filter, and chains on its own class", async () => {
    const composer = new Composer<Context>();
    const privateChats = composer.chatType("private");
    expect(privateChats).toBeInstanceOf(Composer);
    const callbacks = privateChats.on("callback_query:data");
    expect(callbacks).toBeInstanceOf(Composer);
    callbacks.use(note("private button"));
    privateChats.on("message:text", note("private text"));
    expect(await run(composer, press("any"))).toEqual(["private button"]);
    expect(await run(composer, text("x"))).toEqual(["private text"]);
  });

  it("refuses a next() called twice, and lets a handler's error reach the caller", async () => {
    const twice = new Composer<Context>();
    twice.use(async (_ctx, next) => {
      await next();
      await next();
    });
    await expect(run(twice, text("x"))).rejects.toThrow("`next` already called before!");
    const failing = new Composer<Context>();
    failing.on("message:text", () => {
      throw new Error("handler failed");
    });
    await expect(run(failing, text("x"))).rejects.toThrow("handler failed");
  });

  it("runs a composer used inside another, and one built with middleware, in order", async () => {
    const inner = new Composer<Context>(note("inner 1"), async (ctx, next) => {
      note("inner 2")(ctx);
      await next();
    });
    const outer = new Composer<Context>();
    outer.use(note("never: the first handler does not call next"));
    const second = new Composer<Context>();
    second.use(inner);
    second.use(note("second"));
    expect(await run(outer, text("x"))).toEqual(["never: the first handler does not call next"]);
    expect(await run(second, text("x"))).toEqual(["inner 1"]);
    const third = new Composer<Context>();
    third.use(new Composer<Context>(async (ctx, next) => {
      note("a")(ctx);
      await next();
    }), note("b"));
    expect(await run(third, text("x"))).toEqual(["a", "b"]);
  });

  it("asks a composer that is not one of ours for its middleware at each update, so what it gains later runs", async () => {
    const plugin = new GrammyComposer<Context>();
    const composer = new Composer<Context>(plugin);
    plugin.use(note("added to grammY's composer afterwards"));
    expect(await run(composer, text("x"))).toEqual(["added to grammY's composer afterwards"]);
  });

  it("catches in an error boundary what its handlers throw, added later ones too, and goes on only when told", async () => {
    const root = new Composer<Context>();
    const caught: string[] = [];
    const guarded = root.errorBoundary(async (error, next) => {
      caught.push(`${(error.error as Error).message} in update ${error.ctx.update.update_id}`);
      if (error.ctx.message?.text === "go on") await next();
    });
    root.use(note("after the boundary"));
    expect(guarded).toBeInstanceOf(Composer);
    guarded.hears("fine", note("fine"));
    guarded.hears("fine", (_ctx, next) => next());
    guarded.on("message:text", () => {
      throw new Error("handler failed");
    });
    expect(await run(root, text("fine"))).toEqual(["fine"]);
    expect(await run(root, text("stop"))).toEqual([]);
    expect(await run(root, text("go on"))).toEqual(["after the boundary"]);
    expect(caught).toEqual(["handler failed in update 1", "handler failed in update 1"]);
    // A handler that calls next() leaves the boundary for what follows it.
    const open = new Composer<Context>();
    open.errorBoundary(() => undefined).use((_ctx, next) => next());
    open.use(note("past the boundary"));
    expect(await run(open, text("x"))).toEqual(["past the boundary"]);
  });
});
