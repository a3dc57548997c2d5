/**
 * Every button tap. The data is decoded with decodeAction, which accepts only the shapes
 * our own buttons carry; anything else (forged, from an old version, or naming a region that
 * no longer exists) gets a polite toast. Every callback query is answered exactly once and
 * before the slower edit, so the button never spins until Telegram's ~10 s timeout.
 */
import { Composer } from "grammy";
import { decodeButton } from "../../render/callback-data.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";
import { languageChosen } from "./language.ts";

export function callbacksFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", async (ctx) => {
    let answered = false;
    const answer = async (text?: string) => {
      answered = true;
      await ctx.answerCallbackQuery(text ? { text } : {});
    };
    try {
      // Our buttons sit on a message (or an inline message): without either there is
      // nothing to edit, so the tap is forged. Answered once, quietly.
      if (!ctx.callbackQuery.message && !ctx.callbackQuery.inline_message_id) {
        ctx.logger.debug("callback without a message");
        return await answer();
      }
      const request = decodeButton(ctx.callbackQuery.data);
      if (request?.kind === "language") {
        answered = true; // languageChosen answers with the confirmation in the new language
        return await languageChosen(ctx, request.language);
      }
      const ex = request === null ? null : core.act(request, ctx.lang);
      if (!ex) {
        ctx.logger.debug("stale or forged callback data");
        return await answer(ctx.t("bot.callback.stale"));
      }
      await answer();
      await respond.edit(ctx, ex);
    } finally {
      if (!answered) await ctx.answerCallbackQuery().catch(() => {});
    }
  });
  return composer;
}
