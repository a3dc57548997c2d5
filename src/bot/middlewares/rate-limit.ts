/**
 * A per-user limit so one user cannot flood the bot into Telegram's own send limits:
 * RATE_LIMIT messages, RATE_LIMIT_INLINE inline queries and RATE_LIMIT_CALLBACKS button taps
 * per RATE_WINDOW_SECONDS, each kind its own budget. Counted by rate-limiter-flexible: in
 * Redis when REDIS_URL is set (atomic across instances: the same limit from N instances as
 * from one), else in memory. The key is the user, or the group for an anonymous admin.
 *
 * Inline queries never use up the messages: Telegram sends one per keystroke while the user
 * types "@bot ogan komering ulu t…", and sharing one budget locked a user out of the chat
 * after one search. Their own budget is generous (a few a second over a minute) and only
 * stops a flood; past it an inline query gets an empty answer.
 *
 * Over the limit: a button tap still gets its callback answered (with the polite text, as a
 * toast), and a message gets the polite reply once per window, not once per message: a
 * second one-point limiter decides who was already told, so that too holds across instances.
 *
 * If the limiter's store fails, the update goes through (logged and counted): an outage of
 * Redis must not silence the bot.
 */
import type { MiddlewareFn } from "grammy";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { memoryState, type SharedState } from "../../state/shared.ts";
import type { BotContext } from "../context.ts";
import { replyOptions } from "../send.ts";
import { userKey } from "./user-key.ts";

export interface RateLimitOptions {
  /** Messages per window. */
  limit: number;
  windowMs: number;
  /** Inline queries per window (one per keystroke while typing); default: `limit`. */
  inline?: number;
  /** Button taps per window; default: `limit`. */
  callbacks?: number;
  /** Where counts live (memory or Redis); default: this process. */
  state?: Pick<SharedState, "limiter">;
  onLimited?: () => void;
  onStoreError?: (operation: string) => void;
}

/** Resolves true when a point was granted, false when the key is over its limit. */
async function take(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (res) {
    if (res instanceof RateLimiterRes) return false;
    throw res;
  }
}

export function rateLimit(opts: RateLimitOptions): MiddlewareFn<BotContext> {
  const state = opts.state ?? memoryState();
  const seconds = Math.max(1, Math.round(opts.windowMs / 1000));
  // One budget per kind of update: inline queries and taps must not use up the messages.
  const messages = state.limiter("rl:", opts.limit, seconds);
  const inline = state.limiter("rl-inline:", opts.inline ?? opts.limit, seconds);
  const callbacks = state.limiter("rl-callback:", opts.callbacks ?? opts.limit, seconds);
  const warned = state.limiter("rl-warned:", 1, seconds);

  return async (ctx, next) => {
    const key = userKey(ctx);
    if (!key) return next();
    const counts = ctx.inlineQuery ? inline : ctx.callbackQuery ? callbacks : messages;
    let allowed: boolean;
    try {
      allowed = await take(counts, key);
    } catch (err) {
      opts.onStoreError?.("rate_limit");
      ctx.logger.warn({ err }, "rate limit store unavailable; letting the update through");
      return next();
    }
    if (allowed) return next();

    opts.onLimited?.();
    ctx.logger.debug("rate limited");
    const text = ctx.t("bot.rate_limited");
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text });
      return;
    }
    if (ctx.inlineQuery) {
      await ctx.answerInlineQuery([], { cache_time: 5, is_personal: true });
      return;
    }
    if (!ctx.message) return;
    const tell = await take(warned, key).catch(() => false);
    if (tell) await ctx.reply(text, replyOptions(ctx));
  };
}
