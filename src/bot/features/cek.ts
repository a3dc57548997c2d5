/**
 * /cek <region> [year]: the status of a region. The arguments go through the same
 * understanding as free text (a named region makes it a status question), so aliases,
 * typos and "which one did you mean" work the same way.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function cekFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("cek", async (ctx) => {
    const args = ctx.match.trim();
    if (!args) return respond.text(ctx, ctx.t("bot.cek.usage"));
    const ex = core.ask(args, ctx.lang);
    if (ex.question.regions.length === 0 && ex.answer.kind !== "choose" && ex.answer.kind !== "not_recognised") {
      return respond.text(ctx, ctx.t("bot.cek.usage"));
    }
    await respond.send(ctx, ex);
  });
  return composer;
}
