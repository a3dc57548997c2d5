/**
 * /tren [region|province]: the year-by-year trend (a chart when the renderer is present).
 * No argument: the home province. An argument is understood like free text with the trend
 * intent, so a region, a province, "which one?" buttons (that then open a trend) and names
 * that match nothing all answer as they do in a question.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function trenFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("tren", (ctx) => respond.send(ctx, core.ask(ctx.match.trim(), ctx.lang, { kind: "trend" })));
  return composer;
}
