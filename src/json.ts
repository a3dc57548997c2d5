/**
 * The public JSON contract of an answer (README, "JSON answers"): what `--ask --json` prints
 * and what clients act on. The fields of earlier versions keep their meaning; `kind` and
 * `suggestions` tell a client what to do with a clarification.
 */
import type { Answer, YearResult } from "./answer/answer.ts";
import type { Exchange } from "./core.ts";
import type { Lang, RegionAsk, Understood } from "./understand/request.ts";

export interface JsonAnswer {
  query: string;
  lang: Lang;
  intent: string;
  /** The answer kind: status, record, list, trend, choose, confirm, not_recognised, not_understood, … */
  kind: Answer["kind"];
  year: number | null;
  province: string | null;
  regions: { code: string; name: string; province: string }[];
  ambiguous: { code: string; name: string }[];
  /** The guess of a "did you mean" (confirm), or up to three near names of a "not recognised". */
  suggestions: { code: string; name: string }[];
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

/**
 * The intent of a question, as earlier versions named it: the request's kind, a list's mode,
 * for a clarification what it will ask about, "unknown" for a message not understood.
 */
function intentOf(u: Understood): string {
  if (u.kind === "list") return u.mode;
  if (u.kind === "not_understood") return "unknown";
  return "ask" in u ? u.ask.kind : u.kind;
}

export function toJson({ query, understood, answer, reply }: Exchange, lang: Lang): JsonAnswer {
  const intent = intentOf(understood);
  const pair = (r: { code: string; name: string }) => ({ code: r.code, name: r.name });
  const row = (code: string, r: YearResult) => ({
    code,
    year: r.year,
    won: r.won,
    predikat: r.predikat,
    evidence: r.evidence,
    sources: r.sources,
  });
  const out: JsonAnswer = {
    query,
    lang,
    intent,
    kind: answer.kind,
    year: null,
    province: null,
    regions: [],
    ambiguous: [],
    suggestions: [],
    results: [],
    trend: [],
    text: reply.html,
  };
  const ask = (a: RegionAsk) => {
    if (a.kind === "status") out.year = a.year;
  };
  switch (answer.kind) {
    case "status":
      out.year = answer.year;
      out.regions = answer.regions.map((r) => ({
        code: r.region.code,
        name: r.region.name,
        province: r.region.province,
      }));
      out.province = answer.regions[0]?.region.province ?? null;
      out.results = answer.regions.flatMap((r) => r.results.map((y) => row(r.region.code, y)));
      break;
    case "record":
      out.regions = [
        { code: answer.region.region.code, name: answer.region.region.name, province: answer.region.region.province },
      ];
      out.province = answer.region.region.province;
      out.results = answer.region.results.map((y) => row(answer.region.region.code, y));
      break;
    case "list":
      out.year = answer.year;
      out.province = answer.province.code;
      out.results = answer.rows.map((r) => row(r.region.code, r.result));
      break;
    case "trend": {
      const scope = answer.scope.type === "province" ? answer.scope.province.code : answer.scope.region.code;
      if (answer.scope.type === "region") {
        const r = answer.scope.region;
        out.regions = [{ code: r.code, name: r.name, province: r.province }];
      }
      out.province = answer.scope.type === "province" ? scope : answer.scope.region.province;
      out.trend = answer.points.map((p) => ({ scope, year: p.year, won: p.won, total: p.total, complete: p.complete }));
      break;
    }
    case "choose":
    case "confirm":
    case "not_recognised":
      // The choices a client offers back: the candidates of "which one?", the guess of "did you
      // mean?", the near names of "not recognised".
      if (answer.kind === "choose") out.ambiguous = answer.candidates.map(pair);
      else out.suggestions = (answer.kind === "confirm" ? [answer.guess] : answer.suggestions).map(pair);
      ask(answer.ask);
      break;
    case "ceremony":
    case "national":
      out.year = answer.year;
      break;
    case "provincial":
      out.year = answer.year;
      out.province = answer.province.code;
      break;
    default:
      break;
  }
  return out;
}
