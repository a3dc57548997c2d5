/**
 * A per-user limit (RATE_LIMIT per RATE_WINDOW_SECONDS) so one user cannot flood the bot
 * into Telegram's own send limits. Over the limit: a button tap still gets its callback
 * answered (with the polite text, as a toast), and a
 * message gets the polite reply once per window, not once per message.
 *
 * Inline queries are not counted: Telegram sends one per keystroke while the user types
 * "@bot ogan komering ulu t…", answering them sends no message, and Telegram itself throttles
 * them; counting them would lock a user out of the chat after one search.
 */
import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";
import { replyOptions } from "../send.ts";

export function rateLimit(opts: { limit: number; windowMs: number }): MiddlewareFn<BotContext> {
  const warned = new Map<string, number>();
  return limit<BotContext, never>({
    timeFrame: opts.windowMs,
    limit: opts.limit,
    alwaysReply: true,
    keyGenerator: (ctx) => (ctx.inlineQuery ? undefined : ctx.from?.id.toString()),
    onLimitExceeded: async (ctx) => {
      ctx.logger.debug("rate limited");
      const text = ctx.t("bot.rate_limited");
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery({ text });
        return;
      }
      const key = ctx.from?.id.toString();
      if (!ctx.message || !key) return;
      const now = Date.now();
      if (now - (warned.get(key) ?? 0) < opts.windowMs) return;
      if (warned.size > 10_000) warned.clear();
      warned.set(key, now);
      await ctx.reply(text, replyOptions(ctx));
    },
  }) as MiddlewareFn<BotContext>;
}
