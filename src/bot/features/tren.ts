/**
 * /tren [region|province]: the year-by-year trend (a chart when the renderer is present).
 * No argument: the home province. An argument is understood like free text; the first
 * region, else a named province, is the scope. A name that needs a choice gets the
 * candidates as buttons.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function trenFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("tren", async (ctx) => {
    const args = ctx.match.trim();
    if (!args) {
      const ex = core.trend(core.homeProvince, ctx.lang);
      if (ex) return respond.send(ctx, ex);
      return respond.text(ctx, ctx.t("bot.tren.usage"));
    }
    const asked = core.ask(args, ctx.lang);
    const q = asked.question;
    const scope = q.regions[0]?.code ?? (q.provinceNamed ? q.province : null);
    const ex = scope ? core.trend(scope, ctx.lang) : null;
    if (ex) return respond.send(ctx, ex);
    if (asked.answer.kind === "choose" || asked.answer.kind === "not_recognised") return respond.send(ctx, asked);
    await respond.text(ctx, ctx.t("bot.tren.usage"));
  });
  return composer;
}
