/** The loaded dataset and the pure query API over it (no grammY, no i18next). */
import type { Alias, AwardRecord, Province, ProvinceCount, Region, Round } from "./types.ts";

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
  /** Winners as the news reported them for the province-year, when known. */
  reported: number | null;
}

export interface Dataset {
  readonly provinces: ReadonlyMap<string, Province>;
  readonly regions: ReadonlyMap<string, Region>;
  readonly records: readonly AwardRecord[];
  readonly rounds: ReadonlyMap<number, Round>;
  readonly aliases: readonly Alias[];
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
}
