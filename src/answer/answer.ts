/** What the bot knows in reply to a Question: language-free facts, before any wording. */
import type { YearCount } from "../dataset/dataset.ts";
import type { Evidence, Predikat, Province, Round } from "../dataset/types.ts";
import type { Lang, Question, RegionRef } from "../understand/question.ts";

/**
 * The cases a reply must tell apart for one region and year.
 * - won: predikat peduli
 * - lower: a lower predikat (cukup/mulai/kurang/belum peduli)
 * - not_awarded: assessed or listed, and not awarded
 * - no_data: a round was held but our sources say nothing for this region
 * - no_round: no ceremony that year (2021, or before the programme began)
 */
export type Outcome = "won" | "lower" | "not_awarded" | "no_data" | "no_round";

export interface YearResult {
  year: number;
  outcome: Outcome;
  /** true for peduli, false for a lower predikat or not awarded, null without data. */
  won: boolean | null;
  predikat: Predikat | null;
  evidence: Evidence | null;
  sources: string[];
  note: string;
}

export interface RegionResult {
  region: RegionRef;
  /** False when the dataset has no record at all for this region ("known but not covered"). */
  covered: boolean;
  results: YearResult[];
}

/**
 * One year of a trend: winners out of regions for a province (the dataset's YearCount, with
 * `reported` only where the list is partial), or 1/0 out of 1 for one region.
 */
export type TrendPoint = YearCount;

export type TrendScope = { type: "province"; province: Province } | { type: "region"; region: RegionRef };

export interface ListRow {
  region: RegionRef;
  result: YearResult;
}

export type Answer =
  | { kind: "status"; question: Question; regions: RegionResult[] }
  | {
      kind: "list";
      question: Question;
      mode: "winners" | "non_winners";
      year: number;
      province: Province;
      round: Round | null;
      /** Every region of the province with its result that year. */
      rows: ListRow[];
      point: TrendPoint;
    }
  | {
      kind: "trend";
      question: Question;
      scope: TrendScope;
      points: TrendPoint[];
      /** For a region trend: its year-by-year results. */
      history: RegionResult | null;
    }
  | { kind: "choose"; question: Question; candidates: RegionRef[] }
  | { kind: "not_recognised"; question: Question; text: string; suggestions: RegionRef[] }
  | { kind: "help"; question: Question }
  | { kind: "language"; question: Question; language: Lang | null }
  | { kind: "unknown"; question: Question };
