/**
 * A per-user limit (RATE_LIMIT per RATE_WINDOW_SECONDS) so one user cannot flood the bot
 * into Telegram's own send limits, counted by rate-limiter-flexible: in Redis when REDIS_URL
 * is set (atomic across instances: the same limit from N instances as from one), else in
 * memory. Over the limit: a button tap still gets its callback answered (with the polite
 * text, as a toast), and a message gets the polite reply once per window, not once per
 * message: a second one-point limiter decides who was already told, so that too holds across
 * instances.
 *
 * Inline queries are not counted: Telegram sends one per keystroke while the user types
 * "@bot ogan komering ulu t…", answering them sends no message, and Telegram itself throttles
 * them; counting them would lock a user out of the chat after one search.
 *
 * If the limiter's store fails, the update goes through (logged and counted): an outage of
 * Redis must not silence the bot.
 */
import type { MiddlewareFn } from "grammy";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { memoryState, type SharedState } from "../../state/shared.ts";
import type { BotContext } from "../context.ts";
import { replyOptions } from "../send.ts";

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
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
  const counts = state.limiter("rl:", opts.limit, seconds);
  const warned = state.limiter("rl-warned:", 1, seconds);

  return async (ctx, next) => {
    const key = ctx.from?.id.toString();
    if (!key || ctx.inlineQuery) return next();
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
    if (!ctx.message) return;
    const tell = await take(warned, key).catch(() => false);
    if (tell) await ctx.reply(text, replyOptions(ctx));
  };
}
