/**
 * The error boundary's handler (bot.errorBoundary works under both polling and webhooks,
 * unlike bot.catch). Logs the error with the update id, then tries to leave the user with
 * something: a short apology in private chats, and an answered callback so the button stops
 * spinning. The apology is worded with the user's translator when it works, else in their
 * Telegram client's language: the failure may have been in the session or language set-up. A failure while
 * apologising is logged as a warning; the original error is what matters.
 */
import type { BotError } from "grammy";
import type { TFunction } from "i18next";
import type { Logger } from "../../logger.ts";
import type { Lang } from "../../understand/request.ts";
import type { BotContext } from "../context.ts";
import { langFromTelegram } from "./language.ts";

function apology(ctx: BotContext, tFor: (lang: Lang) => TFunction): string {
  try {
    if (ctx.t) return ctx.t("bot.error");
  } catch {
    // The user's translator is what failed; the fallback below is the answer to that.
  }
  // The session (and so ctx.t) may be what failed: the Telegram client's language then.
  return tFor(langFromTelegram(ctx.from?.language_code))("bot.error");
}

export function errorHandler(fallback: Logger, tFor: (lang: Lang) => TFunction, onError: () => void = () => {}) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    onError();
    const log = ctx.logger ?? fallback;
    log.error({ err: err.error, update_id: ctx.update.update_id }, "update failed");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: apology(ctx, tFor) });
      else if (ctx.message && ctx.chat?.type === "private") await ctx.reply(apology(ctx, tFor));
    } catch (e) {
      log.warn({ err: e }, "could not tell the user about the error");
    }
  };
}
