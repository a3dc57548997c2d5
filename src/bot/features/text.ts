/**
 * Free text: in private chats every message, in groups only what relevance.ts let through
 * (mentions of the bot and replies to it; the mention itself is removed before
 * understanding). Goes through Core like everything else. A request to switch language
 * ("english please") is persisted here, because only the bot layer owns the session.
 * A thank-you in a group gets a 🙏 reaction on the message instead of one more message in
 * the thread (a chat that does not allow that reaction gets the one-line reply).
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";
import { MAX_TEXT } from "../html.ts";
import { isGroup } from "../middlewares/relevance.ts";
import { languageChosenText, languageKeyboard } from "./language.ts";

function withoutMention(text: string, username: string): string {
  return text.replace(new RegExp(`@${username}\\b`, "gi"), " ").trim();
}

export function textFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:text", async (ctx, next) => {
    const first = ctx.message.entities?.[0];
    if (first?.type === "bot_command" && first.offset === 0) return next(); // an unknown command
    const raw = ctx.message.text;
    if (raw.length > MAX_TEXT) return respond.text(ctx, ctx.t("bot.text.too_long", { max: MAX_TEXT }));
    const text = isGroup(ctx) ? withoutMention(raw, ctx.me.username) : raw.trim();
    if (!text) return respond.text(ctx, ctx.t("bot.text.empty"));

    const ex = core.ask(text, ctx.lang);
    if (ex.answer.kind === "language") {
      if (ex.answer.language) {
        // Persist first, confirm after: a confirmation must be true.
        if (!(await ctx.setLang(ex.answer.language))) return respond.text(ctx, ctx.t("bot.language.save_failed"));
        return respond.text(ctx, languageChosenText(ctx), languageKeyboard(ctx));
      }
      return respond.text(ctx, ctx.t("bot.language.prompt"), languageKeyboard(ctx));
    }
    if (ex.answer.kind === "smalltalk" && ex.answer.say === "thanks" && isGroup(ctx)) {
      try {
        return await ctx.react("🙏");
      } catch (err) {
        ctx.logger.debug({ err }, "reaction refused; replying instead");
      }
    }
    await respond.send(ctx, ex);
  });
  return composer;
}
