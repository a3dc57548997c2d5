/**
 * The one entry point every transport uses: understand → answer → render, with the indexes
 * built once. Telegram, the terminal chat and `--ask` all go through here, so they give the
 * same replies. Messages go through `ask`; every button and command that already knows its
 * question goes through `act` with a Request.
 */
import type { i18n } from "i18next";
import type { Answer } from "./answer/answer.ts";
import { createRespond } from "./answer/respond.ts";
import type { Dataset } from "./dataset/dataset.ts";
import { type JsonAnswer, toJson } from "./json.ts";
import type { ButtonRequest } from "./render/callback-data.ts";
import type { TFunction } from "./render/i18n.ts";
import { createRender } from "./render/render.ts";
import type { Reply } from "./render/reply.ts";
import { createCompletions } from "./understand/completions.ts";
import type { Lang, RegionRef, Request, Understood } from "./understand/request.ts";
import { createUnderstand, type Hint } from "./understand/understand.ts";

export type { JsonAnswer };

export interface Exchange {
  /** The message as typed, or a short label of the button's request. */
  query: string;
  understood: Understood;
  answer: Answer;
  reply: Reply;
}

export interface Core {
  readonly dataset: Dataset;
  readonly homeProvince: string;
  /** Understand, answer and render one message; `hint` when a command already says what is asked. */
  ask(text: string, lang: Lang, hint?: Hint): Exchange;
  /** Answer a button's (or a command's) request. Null when it names something that does not exist. */
  act(request: ButtonRequest, lang: Lang): Exchange | null;
  /** Region codes whose names begin with a half-typed query, best first (inline autocomplete). */
  complete(query: string, max: number): string[];
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
  /** The clock ("tahun ini", whether this year's ceremony is still ahead). Tests fix it. */
  now?: () => Date;
}

export function createCore({ dataset, i18n, homeProvince, now = () => new Date() }: CoreOptions): Core {
  if (!dataset.provinces.has(homeProvince)) throw new Error(`HOME_PROVINCE ${homeProvince} is not a province code`);
  const understand = createUnderstand(dataset, { homeProvince, now });
  const respond = createRespond(dataset, now);
  const render = createRender(i18n);
  const complete = createCompletions(dataset, homeProvince);
  const exchange = (query: string, understood: Understood, lang: Lang): Exchange => {
    const answer = respond(understood);
    return { query, understood, answer, reply: render(answer, lang) };
  };

  const ref = (code: string): RegionRef | null => {
    const r = dataset.regions.get(code);
    const p = r && dataset.provinces.get(r.province);
    return r && p ? { code: r.code, name: r.name, province: r.province, provinceName: p.name } : null;
  };

  /** A button's request with its codes checked against the dataset. */
  const requestOf = (b: ButtonRequest): Request | null => {
    switch (b.kind) {
      case "status": {
        const regions = b.codes.map(ref);
        return regions.every((r) => r !== null) ? { kind: "status", regions, year: b.year } : null;
      }
      case "record": {
        const region = ref(b.code);
        return region ? { kind: "record", region, focus: b.focus } : null;
      }
      case "trend":
        return ref(b.scope) || dataset.provinces.has(b.scope) ? { kind: "trend", scope: b.scope } : null;
      case "list":
        return dataset.provinces.has(b.province) ? b : null;
      case "language":
        return b;
      case "programme":
        return b;
    }
  };

  return {
    dataset,
    homeProvince,
    i18n,
    ask: (text, lang, hint) => {
      const { query, understood } = understand(text, hint);
      return exchange(query, understood, lang);
    },
    act: (button, lang) => {
      const request = requestOf(button);
      if (!request) return null;
      // A confirmed switch is worded in the language chosen.
      const replyLang = request.kind === "language" && request.language ? request.language : lang;
      return exchange(labelOf(request), request, replyLang);
    },
    complete,
    json: (ex, lang) => toJson(ex, lang),
    t: (lang) => i18n.getFixedT(lang),
  };
}

/** What a button asked, for logs and JSON: "16.01 2024", "trend 16". */
function labelOf(request: Request): string {
  switch (request.kind) {
    case "status":
      return [...request.regions.map((r) => r.name), request.year ?? ""].join(" ").trim();
    case "record":
      return request.region.name;
    case "trend":
      return `trend ${request.scope}`;
    default:
      return request.kind;
  }
}
