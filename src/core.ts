/**
 * The one entry point every transport uses: understand → answer → render, with the indexes
 * built once. Telegram, the terminal chat and `--ask` all go through here, so they give
 * the same replies.
 */
import type { i18n } from "i18next";
import type { Answer, YearResult } from "./answer/answer.ts";
import { createRespond } from "./answer/respond.ts";
import type { Dataset } from "./dataset/dataset.ts";
import type { Action } from "./render/callback-data.ts";
import type { TFunction } from "./render/i18n.ts";
import type { Reply } from "./render/reply.ts";
import { createRender } from "./render/text.ts";
import { type Lang, type Question, questionOf } from "./understand/question.ts";
import { createUnderstand, type Hint } from "./understand/understand.ts";

/** One answer in the public JSON contract (README, "JSON answers"). */
export interface JsonAnswer {
  query: string;
  lang: Lang;
  intent: Question["intent"];
  year: number | null;
  province: string | null;
  regions: { code: string; name: string; province: string }[];
  ambiguous: { code: string; name: string }[];
  results: {
    code: string;
    year: number;
    won: boolean | null;
    predikat: string | null;
    evidence: string | null;
    sources: string[];
  }[];
  trend: { scope: string; year: number; won: number; total: number; complete: boolean }[];
  text: string;
}

export interface Exchange {
  question: Question;
  answer: Answer;
  reply: Reply;
}

export interface Core {
  readonly dataset: Dataset;
  readonly homeProvince: string;
  /** Understand, answer and render one message; `hint.intent` when a command already says what is asked. */
  ask(text: string, lang: Lang, hint?: Hint): Exchange;
  /** Answer a button action. Null when the action names something that does not exist. */
  act(action: Action, lang: Lang): Exchange | null;
  /** The trend of a scope ("16" or "16.05") rendered, or null when no such scope exists. */
  trend(scope: string, lang: Lang): Exchange | null;
  /** The public JSON contract for an exchange. */
  json(exchange: Exchange, lang: Lang): JsonAnswer;
  /** i18next translation function for one language (for bot-level texts). */
  t(lang: Lang): TFunction;
  readonly i18n: i18n;
}

export interface CoreOptions {
  dataset: Dataset;
  i18n: i18n;
  /** Province code for lists and trends when a question names none ("16"). */
  homeProvince: string;
}

export function createCore({ dataset, i18n, homeProvince }: CoreOptions): Core {
  if (!dataset.provinces.has(homeProvince)) throw new Error(`HOME_PROVINCE ${homeProvince} is not a province code`);
  const understand = createUnderstand(dataset, { homeProvince });
  const respond = createRespond(dataset);
  const render = createRender(i18n, dataset);
  const exchange = (question: Question, lang: Lang): Exchange => {
    const answer = respond(question);
    return { question, answer, reply: render(answer, lang) };
  };
  const regionRef = (code: string) => {
    const r = dataset.regions.get(code);
    return r ? { code: r.code, name: r.name, province: r.province } : null;
  };

  const trend = (scope: string, lang: Lang): Exchange | null => {
    const region = regionRef(scope);
    if (region)
      return exchange(questionOf(scope, { intent: "trend", province: region.province, regions: [region] }), lang);
    if (dataset.provinces.has(scope))
      return exchange(questionOf(scope, { intent: "trend", province: scope, provinceNamed: true }), lang);
    return null;
  };

  return {
    dataset,
    homeProvince,
    i18n,
    ask: (text, lang, hint) => exchange(understand(text, hint), lang),
    act: (action, lang) => {
      switch (action.type) {
        case "pick": {
          const region = regionRef(action.code);
          if (!region) return null;
          const intent = action.intent === "trend" ? "trend" : "status";
          const province = intent === "trend" ? region.province : null;
          return exchange(questionOf(region.name, { intent, year: action.year, province, regions: [region] }), lang);
        }
        case "trend":
          return trend(action.scope, lang);
        case "lang":
          return exchange(questionOf(action.lang, { intent: "language", language: action.lang }), action.lang);
      }
    },
    trend,
    json: (ex, lang) => toJson(ex, lang),
    t: (lang) => i18n.getFixedT(lang),
  };
}

function toJson({ question, answer, reply }: Exchange, lang: Lang): JsonAnswer {
  const results: JsonAnswer["results"] = [];
  const trendRows: JsonAnswer["trend"] = [];
  const row = (code: string, r: YearResult) => ({
    code,
    year: r.year,
    won: r.won,
    predikat: r.predikat,
    evidence: r.evidence,
    sources: r.sources,
  });
  if (answer.kind === "status") {
    for (const region of answer.regions) for (const r of region.results) results.push(row(region.region.code, r));
  } else if (answer.kind === "list") {
    for (const { region, result } of answer.rows) results.push(row(region.code, result));
  } else if (answer.kind === "trend") {
    const scope = answer.scope.type === "province" ? answer.scope.province.code : answer.scope.region.code;
    for (const p of answer.points) {
      trendRows.push({ scope, year: p.year, won: p.won, total: p.total, complete: p.complete });
    }
  }
  return {
    query: question.query,
    lang,
    intent: question.intent,
    year: answer.kind === "list" ? answer.year : question.year,
    // A status question's scope is the province of the region asked about.
    province: question.province ?? question.regions[0]?.province ?? null,
    regions: question.regions.map((r) => ({ code: r.code, name: r.name, province: r.province })),
    ambiguous: (answer.kind === "choose" ? answer.candidates : question.ambiguous).map((c) => ({
      code: c.code,
      name: c.name,
    })),
    results,
    trend: trendRows,
    text: reply.html,
  };
}
