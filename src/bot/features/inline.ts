/**
 * Inline mode (`@bot OKU` in any chat): one article per matching region, each carrying that
 * region's full answer as the message to send. An empty query offers the home province's
 * latest-year winners. Answers are per user (their language) and cached only briefly,
 * because the data can be corrected. Inline results carry no buttons: they would be tapped
 * by people who never talked to the bot.
 */
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Exchange } from "../../core.ts";
import type { Intent, RegionRef } from "../../understand/question.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";
import { chunkHtml, stripHtml } from "../html.ts";
import { winnersOf } from "./daftar.ts";

const MAX_RESULTS = 10;

function article(id: string, title: string, ex: Exchange): InlineQueryResultArticle {
  const plain = stripHtml(ex.reply.html).replace(/\s+/g, " ").trim();
  return {
    type: "article",
    id: id.slice(0, 64),
    title,
    description: plain.slice(0, 120),
    input_message_content: {
      // Whole lines only: cutting the HTML mid-tag would make Telegram refuse the message.
      message_text: chunkHtml(ex.reply.html)[0] ?? "",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

export function inlineFeature({ core }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const perRegion = (ctx: BotContext, regions: RegionRef[], intent: Intent, year: number | null) =>
    regions.slice(0, MAX_RESULTS).flatMap((r) => {
      const ex = core.act(
        { type: "pick", intent: intent === "trend" ? "trend" : "status", code: r.code, year },
        ctx.lang,
      );
      return ex ? [article(`${r.code}:${year ?? "-"}:${intent}`, r.name, ex)] : [];
    });

  composer.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    let results: InlineQueryResultArticle[];
    if (!query) {
      const ex = winnersOf(core, "", ctx.lang);
      const title = stripHtml(ex.reply.html).split("\n")[0] ?? "";
      results = [article("home", title, ex)];
    } else {
      const ex = core.ask(query, ctx.lang);
      const { answer, question } = ex;
      if (answer.kind === "choose") results = perRegion(ctx, answer.candidates, question.intent, question.year);
      else if (answer.kind === "not_recognised") results = perRegion(ctx, answer.suggestions, "status", question.year);
      else if (answer.kind === "status" && answer.regions.length > 1) {
        results = perRegion(ctx, question.regions, question.intent, question.year);
      } else if (answer.kind === "status" || answer.kind === "list" || answer.kind === "trend") {
        const first = question.regions[0];
        const title = first?.name ?? stripHtml(ex.reply.html).split("\n")[0] ?? query;
        results = [article(`q:${first?.code ?? answer.kind}:${question.year ?? "-"}`, title, ex)];
      } else results = [];
    }
    await ctx.answerInlineQuery(results, {
      cache_time: 10,
      is_personal: true,
      ...(results.length === 0 ? { button: { text: ctx.t("bot.inline.open_bot"), start_parameter: "inline" } } : {}),
    });
  });
  return composer;
}
