/**
 * The shared facts of answers: a region's result in a year, its results over the years, the
 * rounds. Built once per dataset (and clock); every answer kind uses the same ones.
 */
import type { Dataset } from "../dataset/dataset.ts";
import type { AwardRecord, Province } from "../dataset/types.ts";
import type { RegionRef } from "../understand/request.ts";
import type { RegionResult, RoundFacts, TrendPoint, YearResult } from "./answer.ts";

export interface Results {
  readonly dataset: Dataset;
  readonly rounds: RoundFacts;
  yearResult(code: string, year: number): YearResult;
  /** The region's results in `year`, or (null) in every year with award data. */
  regionResult(region: RegionRef, year: number | null): RegionResult;
  /** The region's results over its province's span of years (for histories and records). */
  history(region: RegionRef): RegionResult;
  province(code: string): Province;
  ref(code: string): RegionRef;
  /** A province's count in a year, also where it has no record at all. */
  count(province: string, year: number): TrendPoint;
  /** The current year, from the injected clock. */
  thisYear(): number;
  /** True when `year`'s ceremony (10 December) is still ahead. */
  ahead(year: number): boolean;
  /** Called once per answer: drops the day's cached results when the date has changed. */
  startAnswer(): void;
}

export function createResults(dataset: Dataset, now: () => Date): Results {
  const years = [...dataset.rounds.keys()];
  const firstRound = Math.min(...years);
  const lastRound = Math.max(...years);
  const rounds: RoundFacts = {
    firstRound,
    cancelled: years.filter((y) => dataset.round(y)?.held === false).sort((a, b) => a - b),
  };
  const ahead = (year: number) => {
    const today = now();
    return year > today.getFullYear() || (year === today.getFullYear() && today < new Date(Date.UTC(year, 11, 10)));
  };

  // Results are the same all day (the dataset is immutable; only "is the ceremony still ahead"
  // moves with the clock): kept per day, so a list of 38 regions costs 38 lookups.
  const cache = new Map<string, YearResult>();
  let cacheDay = "";
  const startAnswer = () => {
    const day = now().toISOString().slice(0, 10);
    if (day !== cacheDay) {
      cache.clear();
      cacheDay = day;
    }
  };
  const yearResult = (code: string, year: number): YearResult => {
    const key = `${code}|${year}`;
    let result = cache.get(key);
    if (!result) {
      result = computeYearResult(code, year);
      cache.set(key, result);
    }
    return result;
  };
  const computeYearResult = (code: string, year: number): YearResult => {
    const record = dataset.record(code, year);
    if (record) return fromRecord(record);
    const round = dataset.round(year);
    const none = { year, won: null, predikat: null, evidence: null, note: round?.note ?? "", disputed: false };
    if (round && !round.held) return { ...none, outcome: "no_round", sources: [round.source] };
    if (year < firstRound) return { ...none, outcome: "no_round", sources: [] };
    if (year > now().getFullYear()) return { ...none, outcome: "future", sources: [] };
    if ((!round && year > lastRound) || ahead(year)) return { ...none, outcome: "pending", sources: [] };
    if (round && !round.resultsFound) return { ...none, outcome: "unpublished", sources: round.sources };
    return { ...none, outcome: "no_data", sources: [] };
  };

  const ref = (code: string): RegionRef => {
    const r = dataset.regions.get(code);
    if (!r) throw new Error(`unknown region ${code}`);
    return { code: r.code, name: r.name, province: r.province, provinceName: province(r.province).name };
  };
  const province = (code: string): Province => {
    const p = dataset.provinces.get(code);
    if (!p) throw new Error(`unknown province ${code}`);
    return p;
  };

  return {
    dataset,
    rounds,
    yearResult,
    regionResult: (region, year) => {
      const covered = dataset.recordsOf(region.code).length > 0;
      // Without a year: the rounds of its province's span, as its history and record count them.
      const list = year === null ? provinceYears(dataset, region.province) : [year];
      return { region, covered, results: list.map((y) => yearResult(region.code, y)) };
    },
    history: (region) => ({
      region,
      covered: dataset.recordsOf(region.code).length > 0,
      results: provinceYears(dataset, region.province).map((y) => yearResult(region.code, y)),
    }),
    province,
    ref,
    count: (code, year) => {
      const found = dataset.yearlyCounts(code).find((c) => c.year === year);
      if (found) return { ...found, reported: found.complete ? null : found.reported };
      return {
        year,
        held: dataset.round(year)?.held ?? false,
        won: 0,
        known: 0,
        total: dataset.regionsOf(code).length,
        complete: false,
        inferred: 0,
        reported: dataset.provinceCount(code, year)?.won ?? null,
      };
    },
    thisYear: () => now().getFullYear(),
    ahead,
    startAnswer,
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
    // The data marks a conflict between sources with "CONFLICT:" in the note (data/README.md).
    disputed: record.note.includes("CONFLICT"),
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
