// The bot's Composer: grammY's, with a filter that allocates nothing for an update it does
// not match. Every feature builds its handlers on this class (ESLint forbids grammY's own
// Composer elsewhere in src/bot), and whatever it returns — `on`, `command`, `callbackQuery`,
// `chatType`, `hears`, `drop` all go through `filter` — is one too, so a chain stays on it.
//
// Why: grammY's filter is `branch` → `lazy`, which builds a new Composer (and its middleware
// chain) for every update that reaches a filter, matching or not, and awaits the predicate
// even when it answered synchronously. An update passes ~22 filters on its way to its
// handler; with 200 producers at once that was a tenth of all the memory the bot allocated
// and ~15 % of its CPU per update (bench:throughput, A/B in one run; README, "Benchmarks").
// Same semantics: the predicate is tested once per update; on true the filter's middleware
// runs with the rest of the chain as its `next`, on false the rest runs directly; an async
// predicate is awaited.
import { Composer as GrammyComposer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type MaybePromise<T> = T | Promise<T>;

export class Composer<C extends Context> extends GrammyComposer<C> {
  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer<C>(...middleware);
    // Read at call time, not now: handlers are added to the returned composer after this.
    const matched: MiddlewareFn<C> = (ctx, next) => composer.middleware()(ctx, next);
    this.use((ctx, next) => {
      const verdict = predicate(ctx);
      if (verdict instanceof Promise) return verdict.then((ok) => (ok ? matched(ctx, next) : next()));
      return verdict ? matched(ctx, next) : next();
    });
    return composer;
  }
}
