/**
 * Every button tap. The data is decoded with decodeButton, which accepts only the shapes
 * our own buttons carry; anything else (forged, from an old version, or naming a region that
 * no longer exists) gets a polite toast. Every callback query is answered exactly once and
 * before the slower edit, so the button never spins until Telegram's ~10 s timeout.
 *
 * Two kinds are the bot layer's own: `trend_page` (‹ › under the province trend) edits only
 * the keyboard, laid out by the same code as the first page; `ask` (the example questions of
 * /start and /help) asks the example's text as if typed, as a new message below.
 */
import { Composer } from "grammy";
import { decodeButton, isRequest } from "../../render/callback-data.ts";
import { trendRegionRows } from "../../render/kinds/trend.ts";
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
    const stale = async () => {
      ctx.logger.debug("stale or forged callback data");
      await answer(ctx.t("bot.callback.stale"));
    };
    try {
      // Our buttons sit on a message (or an inline message): without either there is
      // nothing to edit, so the tap is forged. Answered once, quietly.
      if (!ctx.callbackQuery.message && !ctx.callbackQuery.inline_message_id) {
        ctx.logger.debug("callback without a message");
        return await answer();
      }
      const button = decodeButton(ctx.callbackQuery.data);
      if (button === null) return await stale();
      if (button.kind === "language") {
        answered = true; // languageChosen answers with the confirmation in the new language
        return await languageChosen(ctx, button.language);
      }
      if (button.kind === "ask") {
        await answer();
        return await respond.send(ctx, core.ask(ctx.t(`examples.${button.example}`), ctx.lang));
      }
      if (button.kind === "trend_page") {
        const ex = core.act({ kind: "trend", scope: button.scope }, ctx.lang);
        if (ex?.answer.kind !== "trend" || ex.answer.scope.type !== "province") return await stale();
        await answer();
        return await respond.keys(ctx, trendRegionRows(ex.answer, button.page, ctx.t));
      }
      const ex = isRequest(button) ? core.act(button, ctx.lang) : null;
      if (!ex) return await stale();
      await answer();
      await respond.edit(ctx, ex);
    } finally {
      if (!answered) await ctx.answerCallbackQuery().catch(() => {});
    }
  });
  return composer;
}
