/**
 * What the bot knows in reply to a Request or a Clarification: language-free facts, before any
 * wording. Each variant carries everything its renderer needs, so render never reads the
 * dataset.
 */
import type { YearCount } from "../dataset/dataset.ts";
import type {
  Evidence,
  NationalCount,
  Predikat,
  ProgrammeFact,
  Province,
  ProvinceAward,
  Round,
} from "../dataset/types.ts";
import type {
  Lang,
  Office,
  ProgrammeTopic,
  RecordFocus,
  RegionAsk,
  RegionRef,
  SmallTalk,
} from "../understand/request.ts";

/**
 * The cases a reply must tell apart for one region and year.
 * - won: predikat peduli
 * - lower: a lower predikat (cukup/mulai/kurang/belum peduli)
 * - not_awarded: assessed or listed, and not awarded
 * - no_data: a round was held but our sources say nothing for this region
 * - no_round: no ceremony that year (2021, or before the programme began)
 * - pending: the year's ceremony has not been held yet
 * - unpublished: the ceremony was held, but no result list has been found in published sources
 * - future: a year after this one: no round has been held yet
 */
export type Outcome = "won" | "lower" | "not_awarded" | "no_data" | "no_round" | "pending" | "unpublished" | "future";

export interface YearResult {
  year: number;
  outcome: Outcome;
  /** true for peduli, false for a lower predikat or not awarded, null without data. */
  won: boolean | null;
  predikat: Predikat | null;
  evidence: Evidence | null;
  sources: string[];
  note: string;
  /** The sources disagree on this result (the data's note names the conflict). */
  disputed: boolean;
}

export interface RegionResult {
  region: RegionRef;
  /** False when the dataset has no record at all for this region ("known but not covered"). */
  covered: boolean;
  results: YearResult[];
}

/** One year of a trend: the dataset's YearCount (`reported` only where the list is partial). */
export type TrendPoint = YearCount;

export type TrendScope = { type: "province"; province: Province } | { type: "region"; region: RegionRef };

export interface ListRow {
  region: RegionRef;
  result: YearResult;
}

/** Facts about the rounds that the wording of a year needs. */
export interface RoundFacts {
  /** The first round of the programme (2013). */
  firstRound: number;
  /** Why a year had no round, for years without one. */
  cancelled: readonly number[];
}

/** A region's record over every year with data: the one sentence that answers first. */
export interface RecordSummary {
  wins: number[];
  /** Years with a decided result (won or not). */
  decided: number;
  first: number | null;
  last: number | null;
  /** The longest run of consecutive rounds won (a year without a round does not break it). */
  streak: { length: number; from: number; to: number } | null;
  /** The last decided year was lost after a win ("last won 2020, not since"). */
  latestDecided: YearResult | null;
}

export type Answer =
  | {
      kind: "status";
      year: number | null;
      regions: RegionResult[];
      rounds: RoundFacts;
      /** Regions named beyond the number answered in one message. */
      omitted: number;
    }
  | { kind: "record"; focus: RecordFocus; region: RegionResult; summary: RecordSummary; rounds: RoundFacts }
  | {
      kind: "list";
      mode: "winners" | "non_winners";
      year: number;
      province: Province;
      /** False when no round was held that year. */
      held: boolean;
      roundSource: string | null;
      rows: ListRow[];
      point: TrendPoint;
      rounds: RoundFacts;
    }
  | {
      kind: "trend";
      scope: TrendScope;
      points: TrendPoint[];
      /** For a region trend: its year-by-year results. */
      history: RegionResult | null;
      /** For a province trend: its regions, so each can be opened. */
      regions: RegionRef[];
    }
  | { kind: "choose"; text: string; candidates: RegionRef[]; ask: RegionAsk }
  | { kind: "confirm"; text: string; guess: RegionRef; ask: RegionAsk; town: boolean }
  | { kind: "not_recognised"; text: string; suggestions: RegionRef[]; ask: RegionAsk }
  | { kind: "not_understood" }
  | { kind: "help" }
  | { kind: "smalltalk"; say: SmallTalk }
  | { kind: "language"; language: Lang | null }
  /** Programme facts of the topic asked, as the data states them (wording is in locales). */
  | { kind: "programme"; topic: ProgrammeTopic; facts: ProgrammeFact[] }
  /**
   * A ceremony: the round of the year asked (or of this year); `upcoming` when this year's
   * ceremony is still ahead, with the latest one held before it.
   */
  | { kind: "ceremony"; year: number; round: Round | null; upcoming: boolean; latest: Round | null }
  /** National figures of a round, every competing figure included. */
  | { kind: "national"; year: number; round: Round | null; figures: NationalCount[]; upcoming: boolean }
  | {
      kind: "provincial";
      province: Province;
      /** The year asked, or null for every year with a stated award. */
      year: number | null;
      office: Office;
      awards: ProvinceAward[];
      /** The province's own count in each year shown. */
      counts: TrendPoint[];
    };
