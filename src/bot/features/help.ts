/** /help: how to ask and the commands, on one phone screen, then three example questions as buttons. */
import { Composer } from "grammy";
import { exampleRows } from "../../render/parts.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";
import { keyboard } from "../send.ts";

/** The example questions of /start and /help; a tap asks one (callbacks.ts). */
export function examplesKeyboard(ctx: BotContext) {
  return keyboard(exampleRows((key) => ctx.t(key)));
}

export function helpFeature({ respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", (ctx) => respond.text(ctx, ctx.t("bot.help.text"), examplesKeyboard(ctx)));
  return composer;
}
