import type { MiddlewareFn } from "grammy";

/**
 * Counts the updates being handled, so an orderly stop (main.ts) can wait for them and for the
 * replies they send, whatever the transport: a webhook request answered 200 after its 25 s
 * (src/server.ts) may still be running its handler.
 */
export interface InFlightTracker {
  middleware: MiddlewareFn;
  readonly size: number;
  /** Resolves when no update is in progress, or at `deadline` (ms since the epoch); returns how many still are. */
  idle(deadline: number): Promise<number>;
}

export function trackInFlight(): InFlightTracker {
  let size = 0;
  const waiters = new Set<() => void>();
  return {
    get size() {
      return size;
    },
    middleware: async (_ctx, next) => {
      size += 1;
      try {
        await next();
      } finally {
        size -= 1;
        if (size === 0) for (const wake of [...waiters]) wake();
      }
    },
    idle(deadline) {
      if (size === 0) return Promise.resolve(0);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(size);
        };
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        waiters.add(done);
      });
    },
  };
}
