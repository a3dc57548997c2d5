/** /help: what the bot knows, the commands, and how to ask. */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function helpFeature({ respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", (ctx) => respond.text(ctx, ctx.t("bot.help.text")));
  return composer;
}
