/** Question → Answer: the facts from the dataset, before any wording. Pure. */
import type { Dataset, YearCount } from "../dataset/dataset.ts";
import type { AwardRecord, Province } from "../dataset/types.ts";
import type { Question, RegionRef } from "../understand/question.ts";
import type { Answer, ListRow, RegionResult, TrendPoint, YearResult } from "./answer.ts";

export type Respond = (question: Question) => Answer;

export function createRespond(dataset: Dataset): Respond {
  const firstRound = Math.min(...dataset.rounds.keys());
  const yearResult = (code: string, year: number): YearResult => {
    const record = dataset.record(code, year);
    if (record) return fromRecord(record);
    const round = dataset.round(year);
    const noRound = round ? !round.held : year < firstRound;
    return {
      year,
      outcome: noRound ? "no_round" : "no_data",
      won: null,
      predikat: null,
      evidence: null,
      sources: round && !round.held ? [round.source] : [],
      note: round?.note ?? "",
    };
  };

  const regionResult = (region: RegionRef, year: number | null): RegionResult => {
    const covered = dataset.recordsOf(region.code).length > 0;
    const years = year === null ? dataset.dataYears() : [year];
    return { region, covered, results: years.map((y) => yearResult(region.code, y)) };
  };

  const province = (code: string): Province => {
    const p = dataset.provinces.get(code);
    if (!p) throw new Error(`unknown province ${code}`);
    return p;
  };

  const toPoint = (c: YearCount): TrendPoint => ({ ...c, reported: c.complete ? null : c.reported });

  const list = (question: Question, mode: "winners" | "non_winners"): Answer => {
    const scope = province(question.province ?? "");
    const year = question.year ?? dataset.latestYear(scope.code) ?? Math.max(...dataset.dataYears());
    const rows: ListRow[] = dataset.regionsOf(scope.code).map((r) => ({
      region: { code: r.code, name: r.name, province: r.province },
      result: yearResult(r.code, year),
    }));
    const count = dataset.yearlyCounts(scope.code).find((c) => c.year === year) ?? {
      year,
      held: dataset.round(year)?.held ?? false,
      won: 0,
      known: 0,
      total: rows.length,
      complete: false,
      reported: dataset.provinceCount(scope.code, year)?.won ?? null,
    };
    return {
      kind: "list",
      question,
      mode,
      year,
      province: scope,
      round: dataset.round(year) ?? null,
      rows,
      point: toPoint(count),
    };
  };

  const regionTrend = (question: Question, region: RegionRef): Answer => {
    const history = regionResult(region, null);
    const years = provinceYears(dataset, region.province);
    history.results = years.map((y) => yearResult(region.code, y));
    const points = history.results.map((r) => ({
      year: r.year,
      held: r.outcome !== "no_round",
      won: r.won ? 1 : 0,
      known: r.won === null ? 0 : 1,
      total: 1,
      complete: r.won !== null,
      reported: null,
    }));
    return { kind: "trend", question, scope: { type: "region", region }, points, history };
  };

  return (question) => {
    switch (question.intent) {
      case "help":
        return { kind: "help", question };
      case "language":
        return { kind: "language", question, language: question.language };
      case "unknown":
        return { kind: "unknown", question };
      default:
        break;
    }
    if (question.ambiguous.length > 0 && question.regions.length === 0) {
      return { kind: "choose", question, candidates: question.ambiguous };
    }
    if (question.unrecognised && question.regions.length === 0) {
      return {
        kind: "not_recognised",
        question,
        text: question.unrecognised.text,
        suggestions: question.unrecognised.suggestions,
      };
    }
    switch (question.intent) {
      case "winners":
        return list(question, "winners");
      case "non_winners":
        return list(question, "non_winners");
      case "trend": {
        const region = question.regions[0];
        if (region) return regionTrend(question, region);
        const scope = province(question.province ?? "");
        return {
          kind: "trend",
          question,
          scope: { type: "province", province: scope },
          points: dataset.yearlyCounts(scope.code).map(toPoint),
          history: null,
        };
      }
      default:
        return { kind: "status", question, regions: question.regions.map((r) => regionResult(r, question.year)) };
    }
  };
}

function fromRecord(record: AwardRecord): YearResult {
  const won = record.predikat === "peduli";
  return {
    year: record.year,
    outcome: won ? "won" : record.predikat === "not_awarded" ? "not_awarded" : "lower",
    won,
    predikat: record.predikat,
    evidence: record.evidence,
    sources: record.sources,
    note: record.note,
  };
}

/** The round years shown for a region's history: its province's span, or every data year. */
function provinceYears(dataset: Dataset, province: string): number[] {
  const years = dataset.yearlyCounts(province).map((c) => c.year);
  if (years.length > 0) return years;
  const all = dataset.dataYears();
  const first = all[0];
  const last = all.at(-1);
  if (first === undefined || last === undefined) return [];
  return [...dataset.rounds.keys()].filter((y) => y >= first && y <= last).sort((a, b) => a - b);
}
