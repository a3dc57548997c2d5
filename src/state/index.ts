/**
 * Picks the session store from the config: Redis when REDIS_URL is set, else SQLite in
 * STATE_DIR. Each backend is imported only when chosen, so a SQLite bot never loads the
 * Redis client and the other way round.
 */
import { join } from "node:path";
import type { StorageAdapter } from "grammy";
import type { Logger } from "../logger.ts";
import { countingErrors } from "./counting-errors.ts";
import { resilientStorage } from "./resilient.ts";
import { skipUnchanged } from "./skip-unchanged.ts";

export interface SessionStore<T> {
  kind: "sqlite" | "redis";
  /** Where the sessions live, for the start-up log line (never the Redis password). */
  where: string;
  /** For the session middleware: answers through an outage (resilient.ts). */
  adapter: StorageAdapter<T>;
  /** Writes through and throws when the write fails: a language switch persists here first. */
  persist: StorageAdapter<T>;
  /** Resolves when the store answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function sqliteFile(stateDir: string): string {
  return join(stateDir, "state.sqlite");
}

export async function openStore<T>(
  opts: { stateDir: string; redisUrl: string | null },
  logger?: Logger,
  onError?: (operation: string) => void,
): Promise<SessionStore<T>> {
  const wrap = (a: StorageAdapter<T>, where: string) => {
    const r = resilientStorage(onError ? countingErrors(a, onError) : a, { where, ...(logger ? { logger } : {}) });
    return { adapter: skipUnchanged(r.adapter), persist: r.strict };
  };
  if (opts.redisUrl) {
    const { openRedisStorage, redisWhere } = await import("./redis.ts");
    const r = await openRedisStorage<T>(opts.redisUrl, logger);
    return {
      kind: "redis",
      where: redisWhere(opts.redisUrl),
      ...wrap(r.adapter, redisWhere(opts.redisUrl)),
      ping: async () => {
        await r.redis.ping();
      },
      close: r.close,
    };
  }
  const { openSqlite } = await import("./sqlite.ts");
  const db = openSqlite<T>(sqliteFile(opts.stateDir));
  return {
    kind: "sqlite",
    where: db.file,
    ...wrap(db, db.file),
    ping: async () => {
      db.count();
    },
    close: async () => db.close(),
  };
}
