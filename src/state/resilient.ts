/**
 * A session store that keeps answering while its backend is down (Redis unreachable, a full
 * disk). The session holds only a language, so nothing is worth an apology:
 * - reads that fail (or take longer than `timeoutMs`) answer from memory: the last value
 *   this process read or wrote for the key, else nothing (the language middleware then
 *   takes the user's Telegram language);
 * - writes that fail are kept (the newest per key, up to `maxPending`) and written again
 *   as soon as the backend answers any call; past the cap they are dropped, counted;
 * - one warning when an outage starts, one info line when it ends (with what was written
 *   back and what was dropped), never one per update.
 * `strict` writes through and throws: for a language switch, which must be saved before it
 * is confirmed.
 */
import type { StorageAdapter } from "grammy";
import type { Logger } from "../logger.ts";

export interface ResilientOptions {
  logger?: Logger;
  /** What the store is, for the log lines ("redis://host:6379", a file). */
  where: string;
  timeoutMs?: number;
  maxPending?: number;
  /** Keys remembered for reads during an outage. */
  maxCached?: number;
  /** How often kept writes are retried while the backend is down. */
  retryMs?: number;
}

export interface Resilient<T> {
  adapter: StorageAdapter<T>;
  strict: StorageAdapter<T>;
  /** True from the first failure until the backend answers again. */
  down(): boolean;
  /** Writes waiting for the backend. */
  pending(): number;
}

const DELETED = Symbol("deleted");

function within<R>(p: Promise<R>, ms: number): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function resilientStorage<T>(inner: StorageAdapter<T>, opts: ResilientOptions): Resilient<T> {
  const timeoutMs = opts.timeoutMs ?? 1_000;
  const maxPending = opts.maxPending ?? 10_000;
  const maxCached = opts.maxCached ?? 10_000;
  const retryMs = opts.retryMs ?? 1_000;
  const cache = new Map<string, T | undefined>();
  const pending = new Map<string, T | typeof DELETED>();
  let down = false;
  let dropped = 0;
  let writtenBack = 0;
  let flushing = false;
  let timer: NodeJS.Timeout | undefined;

  const call = <R>(fn: () => R | Promise<R>): Promise<R> => within(Promise.resolve().then(fn), timeoutMs);

  function remember(key: string, value: T | undefined) {
    cache.delete(key);
    cache.set(key, value);
    // A Map iterates in insertion order: the first key is the least recently used.
    if (cache.size > maxCached) cache.delete(cache.keys().next().value as string);
  }

  function failed(err: unknown) {
    if (!down) {
      down = true;
      opts.logger?.warn(
        { err, store: opts.where },
        "session store unavailable: answering from memory, writes kept to retry",
      );
    }
    // Kept writes are retried on a timer too: reads of those keys answer from memory and
    // would never ask the backend.
    if (!timer && pending.size > 0) timer = setInterval(() => void flush(), retryMs).unref();
  }

  function recovered() {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (!down) return;
    down = false;
    opts.logger?.info({ store: opts.where, written: writtenBack, dropped }, "session store back: kept writes written");
    writtenBack = 0;
    dropped = 0;
  }

  /** Writes the kept entries; the backend is back only when all of them went through. */
  async function flush() {
    if (flushing) return;
    flushing = true;
    let ok = true;
    try {
      for (const [key, value] of [...pending]) {
        if (value === DELETED) await call(() => inner.delete(key));
        else await call(() => inner.write(key, value));
        // A newer write may have replaced it meanwhile; that one stays pending.
        if (pending.get(key) === value) pending.delete(key);
        writtenBack++;
      }
    } catch {
      ok = false;
    } finally {
      flushing = false;
    }
    if (ok) recovered();
  }

  function answered() {
    if (!down && pending.size === 0) return;
    void flush();
  }

  function keep(key: string, value: T | typeof DELETED) {
    pending.delete(key);
    if (pending.size >= maxPending) {
      dropped++;
      return;
    }
    pending.set(key, value);
  }

  async function writeThrough(key: string, value: T): Promise<void> {
    try {
      await call(() => inner.write(key, value));
    } catch (err) {
      failed(err);
      throw err;
    }
    pending.delete(key);
    remember(key, value);
    answered();
  }

  const adapter: StorageAdapter<T> = {
    async read(key) {
      const kept = pending.get(key);
      if (kept !== undefined) return kept === DELETED ? undefined : kept;
      try {
        const value = await call(() => inner.read(key));
        remember(key, value);
        answered();
        return value;
      } catch (err) {
        failed(err);
        return cache.get(key);
      }
    },
    async write(key, value) {
      remember(key, value);
      try {
        await call(() => inner.write(key, value));
        pending.delete(key);
        answered();
      } catch (err) {
        keep(key, value);
        failed(err);
      }
    },
    async delete(key) {
      remember(key, undefined);
      try {
        await call(() => inner.delete(key));
        pending.delete(key);
        answered();
      } catch (err) {
        keep(key, DELETED);
        failed(err);
      }
    },
  };
  const strict: StorageAdapter<T> = {
    read: (key) => adapter.read(key),
    write: writeThrough,
    delete: (key) => adapter.delete(key),
  };
  return { adapter, strict, down: () => down, pending: () => pending.size };
}
