// The bot's Composer: grammY's, with a chain and a filter that allocate as little as possible
// per update. Every feature builds its handlers on this class (ESLint forbids grammY's own
// Composer elsewhere in src/), and whatever it returns — `use`, `on`, `command`,
// `callbackQuery`, `chatType`, `hears`, `drop` (all but `use` go through `filter`) — is one
// too, so a chain stays on it.
//
// Why: an update walks ~60 registrations on its way to its handler (each feature's, in the
// order of src/bot/features/index.ts). grammY chains them with two async wrappers per
// registration (a closure, a promise and an await each), and its filter is `branch` → `lazy`,
// which builds a new Composer for every update that reaches a filter, matching or not. With
// 200 producers at once that was a fifth of all the memory the bot allocated per update
// (README, "Benchmarks"). Here a composer is an array run by index — one closure per step —
// and a filter tests its predicate in place.
//
// Same semantics as grammY's: middleware runs in registration order, each with the rest of
// the chain as `next`; calling `next` twice throws; a filter tests its predicate once per
// update (awaiting it when it is async) and on a match runs its middleware with the rest of
// the chain as its `next`; handlers added to a returned composer later are seen.
import { type BotError, Composer as GrammyComposer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;

// Ours hand out one runner for good; anything else (grammY's composer, a plugin) is asked for
// its middleware at each call, as grammY does, since its handler changes when it grows.
const flat = <C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> =>
  typeof middleware === "function" ? middleware : middleware instanceof Composer ? middleware.middleware() : (ctx, next) => middleware.middleware()(ctx, next);

export class Composer<C extends Context> extends GrammyComposer<C> {
  readonly #chain: Array<MiddlewareFn<C>> = [];
  readonly #run: MiddlewareFn<C>;

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    for (const each of middleware) this.#chain.push(flat(each));
    const chain = this.#chain;
    this.#run = (ctx, next) => {
      let reached = -1;
      const step = (index: number): MaybePromise<unknown> => {
        if (index <= reached) throw new Error("`next` already called before!");
        reached = index;
        const handler = chain[index];
        return handler ? handler(ctx, () => step(index + 1) as Promise<void>) : next();
      };
      return step(0) as Promise<void>;
    };
  }

  override middleware(): MiddlewareFn<C> {
    return this.#run;
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer<C>(...middleware);
    // Its runner reads its chain when it runs: what is added to it later is seen.
    this.#chain.push(composer.middleware());
    return composer;
  }

  /**
   * grammY's errorBoundary around one of ours: what is registered on the returned composer
   * (the bot's whole guarded chain, src/bot/index.ts) runs on our chain, not grammY's.
   */
  override errorBoundary(errorHandler: (error: BotError<C>, next: NextFunction) => unknown, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer<C>(...middleware);
    super.errorBoundary(errorHandler, composer);
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer<C>(...middleware);
    const matched = composer.middleware();
    this.#chain.push((ctx, next) => {
      const verdict = predicate(ctx);
      if (verdict instanceof Promise) return verdict.then((ok) => (ok ? matched(ctx, next) : next()));
      return verdict ? matched(ctx, next) : next();
    });
    return composer;
  }
}
