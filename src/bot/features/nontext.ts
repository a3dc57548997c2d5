/**
 * Stickers, photos, voice notes and the like in a private chat: a one-line hint that the bot
 * reads text. (In groups relevance.ts has already dropped them.)
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function nontextFeature({ respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").on("message", async (ctx, next) => {
    if (ctx.message.text !== undefined) return next();
    await respond.text(ctx, ctx.t("bot.nontext.hint"));
  });
  return composer;
}
