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

/** One award year (data/rounds.csv): the national ceremony and what is known about it. */
export interface Round {
  /** The ceremony year. */
  year: number;
  /** A KKPHAM round took place that year (false only for 2021, cancelled because of COVID-19). */
  held: boolean;
  /** ISO date of the national ceremony, or null when unknown. */
  ceremonyDate: string | null;
  /** Where the national ceremony took place; "" when unknown. */
  place: string;
  /** Which Hari HAM the ceremony marked (72 for "Hari HAM ke-72"), or null when unknown. */
  hariHam: number | null;
  /** The theme of that year's Hari HAM as reported; "" when none was found. */
  theme: string;
  /** Who handed the awards over at the national ceremony; "" when no source says. */
  handedBy: string;
  /** The ministerial decree (Kepmen) that set the results; "" when not found. */
  decree: string;
  /** The year label printed on the certificates ("Tahun 2023" in the Dec 2024 round); "" when unknown. */
  certificateLabel: string;
  /**
   * A list of kab/kota results for this round has been found in published sources. False for
   * 2021 (no round) and for 2025, whose ceremony was held but whose results were never found.
   */
  resultsFound: boolean;
  /** The primary national number of "Peduli" kab/kota (see nationalCounts for every figure). */
  nationalWinners: number | null;
  /** The first of `sources`, kept for callers that cite one URL. */
  source: string;
  /** Every URL the row rests on, at least one. */
  sources: string[];
  /** Ceremony details, conflicts and what was searched without result. */
  note: string;
}

export const NATIONAL_MEASURES = [
  "peduli",
  "cukup_peduli",
  "certificates",
  "participants",
  "peduli_percent",
  "provinces_with_winners",
  "provinces_awarded",
  "kanwil_awarded",
] as const;
/**
 * What a national figure counts: kab/kota rated `peduli` or `cukup_peduli`; `certificates`,
 * the two together or a mixed count whose content the source leaves unclear; `participants`,
 * kab/kota that took part; `peduli_percent`, peduli as a share of all kab/kota;
 * `provinces_with_winners`, provinces with at least one peduli kab/kota; `provinces_awarded`
 * and `kanwil_awarded`, provinces and regional offices given the provincial/leadership award.
 */
export type NationalMeasure = (typeof NATIONAL_MEASURES)[number];

/** One national figure for one round as one group of sources gives it (data/national_counts.csv). */
export interface NationalCount {
  year: number;
  measure: NationalMeasure;
  /** The figure as reported (a decimal for peduli_percent). */
  value: number;
  /**
   * The figure this dataset takes as the best supported one for (year, measure); at most one
   * per pair, and none when every figure is doubtful. The others are competing figures.
   */
  primary: boolean;
  sources: string[];
  /** Context, and `CONFLICT:` with the figure it competes with. */
  note: string;
}

export const PROVINCE_AWARD_CATEGORIES = ["provincial", "leadership", "kanwil"] as const;
/**
 * `provincial`: the provincial government (received by its governor) as "pembina" of its
 * kab/kota, also called Provinsi Peduli HAM. `leadership`: the 2024 "kategori pimpinan" for a
 * governor who brought at least 60% of the kab/kota to peduli. `kanwil`: the ministry's regional
 * office or its head (Kakanwil), as pembina or, in 2024, in the leadership category.
 */
export type ProvinceAwardCategory = (typeof PROVINCE_AWARD_CATEGORIES)[number];

export const AWARD_RULES = ["over_50_percent", "at_least_50_percent", "at_least_60_percent"] as const;
/** The share of a province's kab/kota that must be peduli, as a source states it for that year. */
export type AwardRule = (typeof AWARD_RULES)[number];

/** A province-level award, or its stated absence, in one round (data/province_awards.csv). */
export interface ProvinceAward {
  year: number;
  /** Province code: "16". */
  province: string;
  category: ProvinceAwardCategory;
  /** Who received it, as the source names them: "Gubernur Sumatera Selatan (Herman Deru)". */
  recipient: string;
  /** False where a source shows the province or office was not among the awarded. */
  awarded: boolean;
  evidence: Evidence;
  /** The qualifying share a source states for that year, or null when none does. */
  rule: AwardRule | null;
  /** Kab/kota of the province rated peduli, as the award's source gives it, or null. */
  regionsWon: number | null;
  /** Kab/kota in the province, as the award's source gives it, or null. */
  regionsTotal: number | null;
  sources: string[];
  note: string;
}

export const PROGRAMME_TOPICS = [
  "name",
  "history",
  "legal_basis",
  "criteria",
  "predikat",
  "process",
  "provincial_award",
  "ministry",
  "related",
] as const;
/** The groups of programme facts in data/programme.csv. */
export type ProgrammeTopic = (typeof PROGRAMME_TOPICS)[number];

/** One sourced fact about the programme itself (data/programme.csv); users' wording is in locales/. */
export interface ProgrammeFact {
  topic: ProgrammeTopic;
  /** A stable machine key, unique within its topic: "permenkumham_22_2021". */
  key: string;
  /** The fact in plain English, for curators and as the reference the locale text is held to. */
  value: string;
  sources: string[];
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

/**
 * A town people name for a region it is not (its seat, or a well-known town in it): "Indralaya"
 * for Kabupaten Ogan Ilir. Never taken as the region: the bot asks "did you mean …?".
 */
export interface Town {
  town: string;
  /** Region codes; several when the town's name is the seat of more than one region. */
  codes: string[];
  relation: "capital" | "town";
  sources: string[];
  note: string;
}

export interface Alias {
  /** As written in data/aliases.csv. */
  alias: string;
  /** Region codes ("16.01") or province codes ("16"). */
  codes: string[];
  ambiguous: boolean;
}
