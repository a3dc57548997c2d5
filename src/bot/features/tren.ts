/**
 * /tren [region|province]: the year-by-year trend (a chart when the renderer is present).
 * No argument: the home province. An argument is understood like free text with the trend
 * intent, so a region, a province, "which one?" buttons (that then open a trend) and names
 * that match nothing all work as they do in a question.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function trenFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("tren", async (ctx) => {
    const ex = core.ask(ctx.match.trim(), ctx.lang, { intent: "trend" });
    const kind = ex.answer.kind;
    if (kind === "trend" || kind === "choose" || kind === "not_recognised") return respond.send(ctx, ex);
    await respond.text(ctx, ctx.t("bot.tren.usage"));
  });
  return composer;
}
