/**
 * The error boundary's handler (bot.errorBoundary works under both polling and webhooks,
 * unlike bot.catch). Logs the error with the update id, then tries to leave the user with
 * something: a short apology in private chats, and an answered callback so the button stops
 * spinning. Failures while apologising are swallowed: the original error is what matters.
 */
import type { BotError } from "grammy";
import type { Logger } from "../../logger.ts";
import type { BotContext } from "../context.ts";

export function errorHandler(fallback: Logger) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    const log = ctx.logger ?? fallback;
    log.error({ err: err.error, update_id: ctx.update.update_id }, "update failed");
    if (!ctx.t) return;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("bot.error") });
      else if (ctx.message && ctx.chat?.type === "private") await ctx.reply(ctx.t("bot.error"));
    } catch (e) {
      log.debug({ err: e }, "could not tell the user about the error");
    }
  };
}
