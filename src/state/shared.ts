/**
 * What several instances of the bot must share besides sessions: the per-user rate limit,
 * the duplicate-update filter and a channel to announce new data. With REDIS_URL all three
 * live in Redis (rate-limiter-flexible's RateLimiterRedis, SET NX with a TTL, pub/sub), so a
 * user gets the same limit from N instances as from one and a reload on one reaches all.
 * Without it they live in this process, for the one instance there is.
 *
 * Redis here uses connections of its own, without the session client's key prefix: one
 * for commands, one subscribed to the reload channel (a subscribed connection can do
 * nothing else).
 */
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { Logger } from "../logger.ts";
import { connectRedis, redisWhere } from "./redis.ts";

export const SHARED_PREFIX = "kkpham:";
export const RELOAD_CHANNEL = `${SHARED_PREFIX}reload`;

/** Remembers update ids: true the first time an id is seen (by any instance). */
export interface UpdateFilter {
  firstSeen(updateId: number): Promise<boolean>;
}

export interface Bus {
  publish(message: string): Promise<void>;
  /** Calls back on every message from any instance (this one's too). */
  subscribe(onMessage: (message: string) => void): Promise<void>;
}

export interface SharedState {
  kind: "memory" | "redis";
  /** A limiter of `points` per `seconds`, keys under `name`, shared when the state is. */
  limiter(name: string, points: number, seconds: number): RateLimiterAbstract;
  updates: UpdateFilter;
  bus: Bus;
  close(): Promise<void>;
}

/** An update id is remembered this long: Telegram re-sends within minutes, not hours. */
const SEEN_TTL_SECONDS = 3_600;

export function memoryUpdateFilter(capacity = 2_000): UpdateFilter {
  const seen = new Set<number>();
  return {
    async firstSeen(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      // A Set iterates in insertion order, so the first key is the oldest.
      if (seen.size > capacity) seen.delete(seen.values().next().value as number);
      return true;
    },
  };
}

/**
 * The shared filter, and this process's memory while it fails: repeats reaching this
 * instance are still skipped, and the outage is one warning, not one per update.
 */
export function withFallback(shared: UpdateFilter, logger?: Logger): UpdateFilter {
  const local = memoryUpdateFilter();
  let down = false;
  return {
    async firstSeen(id) {
      const here = await local.firstSeen(id);
      try {
        const first = await shared.firstSeen(id);
        if (down) logger?.info("duplicate filter back in Redis");
        down = false;
        return first && here;
      } catch (err) {
        if (!down) logger?.warn({ err }, "duplicate filter unavailable in Redis; filtering in this process");
        down = true;
        return here;
      }
    },
  };
}

export function memoryState(): SharedState {
  const listeners: ((m: string) => void)[] = [];
  return {
    kind: "memory",
    limiter: (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }),
    updates: memoryUpdateFilter(),
    bus: {
      async publish(message) {
        for (const l of listeners) l(message);
      },
      async subscribe(onMessage) {
        listeners.push(onMessage);
      },
    },
    close: async () => {},
  };
}

/** `scope` (the bot's id) keeps two bots on one Redis apart: update ids and limits are per bot. */
export async function openRedisState(url: string, scope: string, logger?: Logger): Promise<SharedState> {
  const redis = await connectRedis(url, logger);
  let subscriber: Awaited<ReturnType<typeof connectRedis>> | null = null;
  return {
    kind: "redis",
    // While Redis is unreachable: counted in this process (the insurance limiter), not refused.
    limiter: (name, points, duration) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${SHARED_PREFIX}${scope}:${name}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      }),
    updates: withFallback(
      {
        async firstSeen(id) {
          const set = await redis.set(`${SHARED_PREFIX}update:${scope}:${id}`, "1", "EX", SEEN_TTL_SECONDS, "NX");
          return set === "OK";
        },
      },
      logger,
    ),
    bus: {
      async publish(message) {
        await redis.publish(RELOAD_CHANNEL, message);
      },
      async subscribe(onMessage) {
        subscriber ??= await connectRedis(url, logger);
        subscriber.on("message", (channel: string, message: string) => {
          if (channel === RELOAD_CHANNEL) onMessage(message);
        });
        await subscriber.subscribe(RELOAD_CHANNEL);
        logger?.info({ redis: redisWhere(url), channel: RELOAD_CHANNEL }, "listening for data reloads");
      },
    },
    async close() {
      for (const c of [subscriber, redis]) {
        if (c && c.status !== "end") await c.quit().catch(() => c.disconnect());
      }
    },
  };
}
