/** The shapes of the curated dataset, as loaded and validated from data/. */

export const PREDIKATS = [
  "peduli",
  "cukup_peduli",
  "mulai_peduli",
  "kurang_peduli",
  "belum_peduli",
  "not_awarded",
] as const;
/** `peduli` is the award; every other value means the region did not win that year. */
export type Predikat = (typeof PREDIKATS)[number];

export const EVIDENCE = ["reported", "inferred"] as const;
/** `reported`: a source states it. `inferred`: worked out from what sources state. */
export type Evidence = (typeof EVIDENCE)[number];

export type RegionType = "kabupaten" | "kota";

export interface Province {
  /** BPS/Kemendagri code, two digits: "16". */
  code: string;
  /** Proper-case official name: "Sumatera Selatan". */
  name: string;
}

export interface Region {
  /** "16.01" */
  code: string;
  province: string;
  type: RegionType;
  /** Official name with its type: "Kabupaten Ogan Komering Ulu". */
  name: string;
  /** The name without "Kabupaten"/"Kota"/"Administrasi": "Ogan Komering Ulu". */
  baseName: string;
}

export interface AwardRecord {
  /** The December ceremony year (the certificate names the year before). */
  year: number;
  region: string;
  predikat: Predikat;
  evidence: Evidence;
  sources: string[];
  note: string;
}

export interface Round {
  year: number;
  held: boolean;
  /** ISO date or null when unknown. */
  ceremonyDate: string | null;
  place: string;
  nationalWinners: number | null;
  source: string;
  note: string;
}

/** A count of winners in one province-year as the news reported it. */
export interface ProvinceCount {
  year: number;
  province: string;
  won: number;
  outOf: number | null;
  source: string;
  note: string;
}

export interface Alias {
  /** As written in data/aliases.csv. */
  alias: string;
  /** Region codes ("16.01") or province codes ("16"). */
  codes: string[];
  ambiguous: boolean;
}
