/**
 * Counts updates being handled so a graceful stop can wait for them: the runner's stop()
 * only stops fetching, and a webhook server's close() only stops accepting.
 */
import type { MiddlewareFn } from "grammy";

export interface InFlight {
  middleware: MiddlewareFn;
  /** Resolves once no update is being handled. */
  idle(): Promise<void>;
}

export function inFlight(): InFlight {
  let active = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (active !== 0) return;
    const ws = waiters;
    waiters = [];
    for (const w of ws) w();
  };
  return {
    async middleware(_ctx, next) {
      active++;
      try {
        await next();
      } finally {
        active--;
        settle();
      }
    },
    idle() {
      if (active === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
