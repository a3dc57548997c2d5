/** Picks the session store from the config: Redis when REDIS_URL is set, else SQLite in STATE_DIR. */
import { join } from "node:path";
import type { StorageAdapter } from "grammy";
import type { Logger } from "../logger.ts";
import { openRedisStorage, redisWhere } from "./redis.ts";
import { skipUnchanged } from "./skip-unchanged.ts";
import { SqliteStorage } from "./sqlite.ts";

export interface SessionStore<T> {
  kind: "sqlite" | "redis";
  /** Where the sessions live, for the start-up log line (never the Redis password). */
  where: string;
  adapter: StorageAdapter<T>;
  close(): Promise<void>;
}

export function sqliteFile(stateDir: string): string {
  return join(stateDir, "state.sqlite");
}

export async function openStore<T>(
  opts: { stateDir: string; redisUrl: string | null },
  logger?: Logger,
): Promise<SessionStore<T>> {
  if (opts.redisUrl) {
    const r = await openRedisStorage<T>(opts.redisUrl, logger);
    return { kind: "redis", where: redisWhere(opts.redisUrl), adapter: skipUnchanged(r.adapter), close: r.close };
  }
  const db = new SqliteStorage<T>(sqliteFile(opts.stateDir));
  return { kind: "sqlite", where: db.file, adapter: skipUnchanged(db), close: async () => db.close() };
}
