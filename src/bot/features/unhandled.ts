/**
 * Last in line. An unknown /command in a private chat gets pointed at /help; everything else
 * that reached here (service messages, member updates, an unknown command in a group) is
 * ignored on purpose.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function unhandledFeature({ respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").on("message:text", (ctx) => respond.text(ctx, ctx.t("bot.unknown_command")));
  composer.use((ctx) => {
    ctx.logger.debug("update ignored");
  });
  return composer;
}
