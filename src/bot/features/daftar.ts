/**
 * /daftar [year] [province]: the winners of a province in a year (home province and latest
 * year by default). The arguments are understood like free text, as a winners question.
 */
import { Composer } from "grammy";
import type { Core, Exchange } from "../../core.ts";
import type { Lang } from "../../understand/question.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function winnersOf(core: Core, args: string, lang: Lang): Exchange {
  return core.ask(args, lang, { intent: "winners" });
}

export function daftarFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("daftar", async (ctx) => {
    const ex = winnersOf(core, ctx.match.trim(), ctx.lang);
    if (ex.answer.kind === "list" || ex.answer.kind === "choose" || ex.answer.kind === "not_recognised") {
      return respond.send(ctx, ex);
    }
    // "/daftar OKU" names a region, not a province: its status is the useful answer.
    if (ex.answer.kind === "status") return respond.send(ctx, ex);
    await respond.text(ctx, ctx.t("bot.daftar.usage"));
  });
  return composer;
}
