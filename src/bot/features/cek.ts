/**
 * /cek <region> [year]: the status of a region. The arguments go through the same
 * understanding as free text (a named region makes it a status question), so aliases,
 * typos and "which one did you mean" work the same way.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

/** What /cek can answer: a region, or a question back about which region. */
const REGION_ANSWERS = new Set(["status", "record", "choose", "confirm", "not_recognised"]);

export function cekFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("cek", async (ctx) => {
    const args = ctx.match.trim();
    if (!args) return respond.text(ctx, ctx.t("bot.cek.usage"));
    const ex = core.ask(args, ctx.lang, { kind: "status" });
    if (!REGION_ANSWERS.has(ex.answer.kind)) return respond.text(ctx, ctx.t("bot.cek.usage"));
    await respond.send(ctx, ex);
  });
  return composer;
}
