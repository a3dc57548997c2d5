/**
 * Telegram's sending limits for broadcasts: about 30 messages per second in total, one per
 * second to one chat, 20 per minute to one group. We keep below them: 25 per second in total
 * (the bot's own replies need the rest), 1 per second per private chat, 1 per 3 seconds per
 * group (= 20 per minute).
 *
 * `memoryGate` is a small token bucket of our own (no throttling package is installed, and
 * none is needed): a slot every 1/rate seconds, no burst, on the injected clock, so the rate
 * is exact and testable. `sharedGate` adds the same limits counted in Redis
 * (rate-limiter-flexible, as the per-user rate limit), so N instances together stay at 25
 * per second and one chat gets one message a second whichever instance sends it.
 */
import type { RateLimiterAbstract } from "rate-limiter-flexible";

export interface Gate {
  /** 0 when this chat may get a message now (the slot is taken); else ms until it may. */
  chat(chat: number, now: number): Promise<number>;
  /** 0 when a message may go now (the slot is taken); else ms to wait. */
  global(now: number): Promise<number>;
}

export interface Limits {
  perSecond: number;
  privateMs: number;
  groupMs: number;
}

export const TELEGRAM_LIMITS: Limits = { perSecond: 25, privateMs: 1_000, groupMs: 3_000 };

/** Negative ids are groups, supergroups and channels. */
export const isGroupChat = (chat: number) => chat < 0;

/** Chats remembered for their next slot; older entries are swept once this many are kept. */
const SWEEP_AT = 50_000;

export function memoryGate(limits: Limits = TELEGRAM_LIMITS): Gate {
  const interval = 1000 / limits.perSecond;
  let next = Number.NEGATIVE_INFINITY;
  const chats = new Map<number, number>();
  return {
    async chat(chat, now) {
      const free = chats.get(chat) ?? Number.NEGATIVE_INFINITY;
      if (free > now) return free - now;
      if (chats.size >= SWEEP_AT) for (const [c, t] of chats) if (t <= now) chats.delete(c);
      chats.set(chat, now + (isGroupChat(chat) ? limits.groupMs : limits.privateMs));
      return 0;
    },
    async global(now) {
      if (next > now) return next - now;
      // A timer that fires a little late (under one slot) keeps the schedule, so the long-run
      // rate stays exact instead of losing the lateness at every message.
      next = (now - next < interval ? next : now) + interval;
      return 0;
    },
  };
}

type Limiter = (name: string, points: number, seconds: number) => RateLimiterAbstract;

/** Waits from a rejected consume; a Redis error is rethrown (the worker retries later). */
async function consume(l: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await l.consume(key, 1);
    return 0;
  } catch (rej) {
    if (rej instanceof Error) throw rej;
    return Math.max(1, (rej as { msBeforeNext: number }).msBeforeNext);
  }
}

/** The in-process pacing first (smooth), then the shared counts (the total over instances); per chat, shared only. */
export function sharedGate(limiter: Limiter, limits: Limits = TELEGRAM_LIMITS): Gate {
  const local = memoryGate(limits);
  const all = limiter("notify:all", limits.perSecond, 1);
  const privateChats = limiter("notify:chat", 1, Math.ceil(limits.privateMs / 1000));
  const groups = limiter("notify:group", Math.round(60_000 / limits.groupMs), 60);
  return {
    async chat(chat) {
      return consume(isGroupChat(chat) ? groups : privateChats, String(chat));
    },
    async global(now) {
      const w = await local.global(now);
      return w > 0 ? w : consume(all, "all");
    },
  };
}
