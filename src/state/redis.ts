/**
 * Redis session storage for several bot instances sharing state (REDIS_URL). The adapter is
 * grammY's own; keys are prefixed so the bot can share a Redis with other programs.
 *
 * Start-up connects at once, so a wrong REDIS_URL stops the bot with a clear error instead
 * of failing on the first message. Once running, a lost connection is retried (every ≤1 s);
 * meanwhile commands fail at once (no offline queue) or after `COMMAND_TIMEOUT_MS`, never
 * the ~4 s of queued retries that made every message wait, so the callers fall back (memory
 * sessions, an in-process limit) and answer. One warning when the connection is lost, one
 * info line when it is back, through our logger, not ioredis's console fallback.
 */
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { StorageAdapter } from "grammy";
import { Redis } from "ioredis";
import type { Logger } from "../logger.ts";

export const REDIS_PREFIX = "kkpham:session:";
/** A command that gets no answer in this time fails; a healthy Redis answers in < 1 ms. */
export const COMMAND_TIMEOUT_MS = 500;

export interface RedisStorage<T> {
  adapter: StorageAdapter<T>;
  redis: Redis;
  close(): Promise<void>;
}

/** host:port only: a REDIS_URL may carry a password. */
export function redisWhere(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/** A connected client; a wrong URL or an unreachable server is an error naming host:port. */
export async function connectRedis(url: string, logger?: Logger, keyPrefix?: string): Promise<Redis> {
  const redis = new Redis(url, {
    ...(keyPrefix ? { keyPrefix } : {}),
    lazyConnect: true,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  let lastError: Error | undefined;
  let lost = false;
  redis.on("error", (err: Error) => {
    lastError = err;
    if (lost) return;
    lost = true;
    logger?.warn({ err, redis: redisWhere(url) }, "redis connection lost; reconnecting");
  });
  redis.on("ready", () => {
    if (!lost) return;
    lost = false;
    logger?.info({ redis: redisWhere(url) }, "redis connection back");
  });
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    const reason = (lastError ?? (err as Error)).message;
    throw new Error(`REDIS_URL: cannot connect to ${redisWhere(url)} (${reason})`);
  }
  return redis;
}

export async function openRedisStorage<T>(url: string, logger?: Logger): Promise<RedisStorage<T>> {
  const redis = await connectRedis(url, logger, REDIS_PREFIX);
  return {
    adapter: new RedisAdapter<T>({ instance: redis }),
    redis,
    async close() {
      if (redis.status === "end") return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
