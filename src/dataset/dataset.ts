/** The loaded dataset and the pure query API over it (no grammY, no i18next). */
import type {
  Alias,
  AwardRecord,
  NationalCount,
  ProgrammeFact,
  ProgrammeTopic,
  Province,
  ProvinceAward,
  ProvinceCount,
  Region,
  Round,
  Town,
} from "./types.ts";

/** A province's tally for one ceremony year. */
export interface YearCount {
  year: number;
  /** A ceremony was held that year. */
  held: boolean;
  /** Regions with predikat peduli. */
  won: number;
  /** Regions of the province with a record that year. */
  known: number;
  /** Regions of the province. */
  total: number;
  /** Every region of the province has a record that year. */
  complete: boolean;
  /** Records that year whose result is inferred rather than stated by a source. */
  inferred: number;
  /** Winners as the news reported them for the province-year, when known. */
  reported: number | null;
}

/** A region's record over all rounds: what "how many times / first / last win" is built from. */
export interface RegionRecord {
  region: string;
  /** Its records, oldest first (the same array as recordsOf). */
  records: AwardRecord[];
  /** Years with predikat peduli, ascending. */
  yearsWon: number[];
  /** Years with a record that is not peduli (a lower predikat or not awarded), ascending. */
  yearsNotWon: number[];
  /**
   * Rounds whose results were found (Round.resultsFound) for which this region has no record:
   * "no data", not "did not win". Rounds not held, and 2025 whose results were never found,
   * are not listed.
   */
  yearsUnknown: number[];
  /** Years whose record is inferred rather than stated, ascending. */
  inferredYears: number[];
  /** The first and last year won, or null when no win is recorded. */
  firstWin: number | null;
  lastWin: number | null;
}

export interface Dataset {
  readonly provinces: ReadonlyMap<string, Province>;
  readonly regions: ReadonlyMap<string, Region>;
  readonly records: readonly AwardRecord[];
  readonly rounds: ReadonlyMap<number, Round>;
  readonly aliases: readonly Alias[];
  /** Towns people name for a region they are not (its seat): asked about, never taken as it. */
  readonly towns: readonly Town[];
  /** A short hash of the data files, for caches keyed on the data's version. */
  readonly version: string;
  /** Regions of a province, by code. */
  regionsOf(province: string): Region[];
  /** A region's records, oldest first. */
  recordsOf(region: string): AwardRecord[];
  record(region: string, year: number): AwardRecord | undefined;
  /** Ceremony years that have at least one record, ascending. */
  dataYears(): number[];
  /** The round of a year, if the year is in data/rounds.csv. */
  round(year: number): Round | undefined;
  /** Each region of a province with its record that year (undefined where there is none). */
  statusInYear(province: string, year: number): { region: Region; record: AwardRecord | undefined }[];
  /** Per round year from the first data year to the last: won, known, total, complete. */
  yearlyCounts(province: string): YearCount[];
  /** The latest year with any record for a province, or null. */
  latestYear(province: string): number | null;
  /** Every (province, year) with at least one record. */
  coverage(): { province: Province; count: YearCount }[];
  provinceCount(province: string, year: number): ProvinceCount | undefined;
  /** A region's win/no-win years, first and last win, and the rounds without data. */
  regionRecord(region: string): RegionRecord;
  /**
   * Every national figure of a round, conflicting ones included: grouped by measure (in the
   * order of NATIONAL_MEASURES), the primary figure of each measure first. Empty when none.
   */
  nationalCounts(year: number): NationalCount[];
  /**
   * A province's provincial, leadership and Kanwil awards (and stated non-awards), oldest
   * first; only that year's when `year` is given.
   */
  provinceAwards(province: string, year?: number): ProvinceAward[];
  /** Every programme fact, in file order. */
  readonly programme: readonly ProgrammeFact[];
  /** The programme facts of one topic, in file order. */
  programmeFacts(topic: ProgrammeTopic): ProgrammeFact[];
}
