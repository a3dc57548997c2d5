/**
 * Inline mode (`@bot OKU` in any chat): one article per matching region, each carrying that
 * region's full answer as the message to send. Names autocomplete as they are typed: every
 * region whose name or alias begins (at a word) with the query is offered, best first, at
 * most 50 (understand/completions.ts). A query that is a whole question ("OKU 2023", "pemenang 2024")
 * puts its own answer first; a misspelt name with no prefix match gets understanding's
 * guesses. An empty query offers the home province's latest-year winners. Answers are per user (their language) and cached only briefly,
 * because the data can be corrected. Inline results carry no buttons: they would be tapped
 * by people who never talked to the bot.
 */
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Exchange } from "../../core.ts";
import { type ButtonRequest, buttonOf, encodeButton } from "../../render/callback-data.ts";
import { complete, type RegionAsk, type RegionRef } from "../../understand/request.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";
import { chunkHtml, stripHtml } from "../html.ts";
import { regionOf } from "../send.ts";
import { winnersOf } from "./daftar.ts";

/** Telegram shows at most 50 inline results per answer. */
const MAX_INLINE_RESULTS = 50;

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

/** The regions an answer names or offers, each with the request a tap on it would make. */
function offered(ex: Exchange): { region: RegionRef; ask: RegionAsk }[] {
  const { answer } = ex;
  switch (answer.kind) {
    case "choose":
      return answer.candidates.map((region) => ({ region, ask: answer.ask }));
    case "confirm":
      return [{ region: answer.guess, ask: answer.ask }];
    case "not_recognised":
      return answer.suggestions.map((region) => ({ region, ask: answer.ask }));
    case "status":
      return answer.regions.length > 1
        ? answer.regions.map((r) => ({ region: r.region, ask: { kind: "status", year: answer.year, with: [] } }))
        : [];
    default:
      return [];
  }
}

/** Answers that stand on their own as one inline result. */
const WHOLE = new Set(["status", "record", "list", "trend", "programme", "ceremony", "national", "provincial"]);

export function inlineFeature({ core }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const perRegion = (ctx: BotContext, choices: { region: RegionRef; ask: RegionAsk }[]) =>
    choices.flatMap(({ region, ask }) => {
      const button = buttonOf(complete(ask, region));
      const ex = button ? core.act(button, ctx.lang) : null;
      return button && ex ? [article(encodeButton(button), region.name, ex)] : [];
    });

  /** The regions whose names begin with the query, as status answers (all years). */
  const prefixed = (ctx: BotContext, codes: string[], skip: Set<string>) =>
    codes.flatMap((code) => {
      if (skip.has(code)) return [];
      const button: ButtonRequest = { kind: "status", codes: [code], year: null };
      const ex = core.act(button, ctx.lang);
      const region = ex && regionOf(ex.answer);
      return ex && region ? [article(encodeButton(button), region.name, ex)] : [];
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
      const matches = core.complete(query, MAX_INLINE_RESULTS);
      const matched = new Set(matches);
      const first: InlineQueryResultArticle[] = [];
      const skip = new Set<string>();
      const region = regionOf(ex.answer);
      // A whole answer leads, unless it is about a region the typed prefix has already left
      // behind ("Ogan Komering Ulu T" is no longer Ogan Komering Ulu).
      if (WHOLE.has(ex.answer.kind) && (!region || matched.size === 0 || matched.has(region.code))) {
        if (region) skip.add(region.code);
        const title = region?.name ?? stripHtml(ex.reply.html).split("\n")[0] ?? query;
        first.push(article(`q:${ex.answer.kind}:${ex.query}`, title, ex));
      }
      const completions = prefixed(ctx, matches, skip);
      // Understanding's guesses (a misspelt name, "which Musi?") only when no name begins so.
      const guesses = completions.length === 0 ? perRegion(ctx, offered(ex)) : [];
      results = [...first, ...completions, ...guesses].slice(0, MAX_INLINE_RESULTS);
    }
    await ctx.answerInlineQuery(results, {
      cache_time: 10,
      is_personal: true,
      ...(results.length === 0 ? { button: { text: ctx.t("bot.inline.open_bot"), start_parameter: "inline" } } : {}),
    });
  });
  return composer;
}
