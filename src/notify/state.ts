/**
 * Opens the follows and the outbox in the session store's backend: the SQLite file of
 * STATE_DIR (its own connection, its own tables), or Redis with REDIS_URL (a connection of
 * its own, keys under `kkpham:<bot id>:`, so two bots on one Redis stay apart). Each backend
 * is imported only when chosen. The follows forget the chat's outbox rows when it follows
 * nothing any more (privacy.ts).
 */
import type { Logger } from "../logger.ts";
import type { FollowStore } from "../state/follows.ts";
import { sqliteFile } from "../state/index.ts";
import type { Outbox } from "../state/outbox.ts";
import { forgettingFollows } from "./privacy.ts";

export interface NotifyState {
  kind: "sqlite" | "redis";
  follows: FollowStore;
  outbox: Outbox;
  close(): Promise<void>;
}

export async function openNotifyState(
  opts: { stateDir: string; redisUrl: string | null },
  scope: string,
  logger?: Logger,
): Promise<NotifyState> {
  if (opts.redisUrl) {
    const { connectRedis } = await import("../state/redis.ts");
    const { redisFollows } = await import("../state/follows-redis.ts");
    const { redisOutbox } = await import("../state/outbox-redis.ts");
    const redis = await connectRedis(opts.redisUrl, logger);
    const prefix = `kkpham:${scope}:`;
    const outbox = redisOutbox(redis, prefix);
    return {
      kind: "redis",
      follows: forgettingFollows(redisFollows(redis, prefix), outbox),
      outbox,
      async close() {
        if (redis.status !== "end") await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  return openSqliteNotifyState(sqliteFile(opts.stateDir));
}

/** `file` may be ":memory:" (tests). */
export async function openSqliteNotifyState(file: string): Promise<NotifyState> {
  const { mkdirSync } = await import("node:fs");
  const { dirname } = await import("node:path");
  const { default: Database } = await import("better-sqlite3");
  const { sqliteFollows } = await import("../state/follows-sqlite.ts");
  const { sqliteOutbox } = await import("../state/outbox-sqlite.ts");
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // Unlike a language choice, a lost "sent" mark means a message sent twice: full sync.
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  const outbox = sqliteOutbox(db);
  return {
    kind: "sqlite",
    follows: forgettingFollows(sqliteFollows(db), outbox),
    outbox,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
