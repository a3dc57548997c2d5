/**
 * /daftar [year] [province]: the winners of a province in a year (home province and latest
 * year by default). The arguments are understood like free text, as a winners question.
 */
import { Composer } from "grammy";
import type { Core, Exchange } from "../../core.ts";
import type { Lang } from "../../understand/request.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function winnersOf(core: Core, args: string, lang: Lang): Exchange {
  return core.ask(args, lang, { kind: "list" });
}

export function daftarFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("daftar", async (ctx) => {
    // The winners hint makes every argument a list question; "/daftar OKU" names a region and
    // gets its status (understand decides), names that match nothing are said to.
    await respond.send(ctx, winnersOf(core, ctx.match.trim(), ctx.lang));
  });
  return composer;
}
