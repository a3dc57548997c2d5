/**
 * Builds the Dataset from the texts of the data/ files, validating each file and the links
 * between them. Every problem is collected with its file, line and field; if there is any,
 * a DataError stops start-up.
 */
import { createHash } from "node:crypto";
import { readCsv } from "./csv.ts";
import type { Dataset, RegionRecord, YearCount } from "./dataset.ts";
import { DataError, type DataIssue } from "./errors.ts";
import { fold } from "./fold.ts";
import { readNationalCounts, readProgramme, readProvinceAwards } from "./read-programme.ts";
import { aliasRow, awardRow, provinceCountRow, provinceRow, regionRow, roundRow, townRow } from "./schemas.ts";
import {
  type Alias,
  type AwardRecord,
  NATIONAL_MEASURES,
  type NationalCount,
  PROVINCE_AWARD_CATEGORIES,
  type ProgrammeFact,
  type Province,
  type ProvinceAward,
  type ProvinceCount,
  type Region,
  type Round,
  type Town,
} from "./types.ts";

export const DATA_FILES = {
  provinces: "provinces.csv",
  regions: "regions.csv",
  awards: "awards.csv",
  rounds: "rounds.csv",
  provinceCounts: "province_counts.csv",
  nationalCounts: "national_counts.csv",
  provinceAwards: "province_awards.csv",
  programme: "programme.csv",
  aliases: "aliases.csv",
  towns: "towns.csv",
} as const;

export type DataTexts = Record<keyof typeof DATA_FILES, string>;

const TYPE_PREFIX = /^(kabupaten|kota)\s+(administrasi\s+)?/i;

export function buildDataset(texts: DataTexts, dirLabel = "data"): Dataset {
  const issues: DataIssue[] = [];
  const path = (k: keyof typeof DATA_FILES) => `${dirLabel}/${DATA_FILES[k]}`;

  const provinces = new Map<string, Province>();
  for (const { line, value } of readCsv(path("provinces"), texts.provinces, ["code", "name"], provinceRow, issues)) {
    if (provinces.has(value.code))
      issues.push({ file: path("provinces"), line, field: "code", message: `duplicate province ${value.code}` });
    provinces.set(value.code, { code: value.code, name: value.name });
  }

  const regions = new Map<string, Region>();
  for (const { line, value } of readCsv(
    path("regions"),
    texts.regions,
    ["code", "province_code", "type", "name"],
    regionRow,
    issues,
  )) {
    const file = path("regions");
    if (regions.has(value.code)) issues.push({ file, line, field: "code", message: `duplicate region ${value.code}` });
    if (!provinces.has(value.province_code))
      issues.push({ file, line, field: "province_code", message: `unknown province ${value.province_code}` });
    if (!value.code.startsWith(`${value.province_code}.`))
      issues.push({ file, line, field: "code", message: `${value.code} is not in province ${value.province_code}` });
    regions.set(value.code, {
      code: value.code,
      province: value.province_code,
      type: value.type,
      name: value.name,
      baseName: value.name.replace(TYPE_PREFIX, ""),
    });
  }

  const rounds = new Map<number, Round>();
  for (const { line, value } of readCsv(
    path("rounds"),
    texts.rounds,
    [
      "year",
      "held",
      "ceremony_date",
      "place",
      "hari_ham",
      "theme",
      "handed_by",
      "decree",
      "certificate_label",
      "results_found",
      "national_winners",
      "sources",
      "note",
    ],
    roundRow,
    issues,
  )) {
    const file = path("rounds");
    if (rounds.has(value.year)) issues.push({ file, line, field: "year", message: `duplicate round ${value.year}` });
    if (value.held === "no" && value.results_found === "yes")
      issues.push({ file, line, field: "results_found", message: "a round that was not held cannot have results" });
    rounds.set(value.year, {
      year: value.year,
      held: value.held === "yes",
      ceremonyDate: value.ceremony_date || null,
      place: value.place,
      hariHam: value.hari_ham,
      theme: value.theme,
      handedBy: value.handed_by,
      decree: value.decree,
      certificateLabel: value.certificate_label,
      resultsFound: value.results_found === "yes",
      nationalWinners: value.national_winners,
      source: value.sources[0] ?? "",
      sources: value.sources,
      note: value.note,
    });
  }
  // Without rounds nothing else can be checked; report what is wrong so far.
  if (rounds.size === 0) {
    if (issues.length === 0) issues.push({ file: path("rounds"), line: 1, field: "year", message: "no rounds listed" });
    throw new DataError(issues);
  }
  const roundYears = [...rounds.keys()];
  const firstYear = Math.min(...roundYears);
  const lastYear = Math.max(...roundYears);
  /** The problem with a year for a fact about a round's results, or null when there is none. */
  const roundProblem = (year: number): string | null => {
    const round = rounds.get(year);
    if (!round) return `year ${year} out of range (${firstYear}–${lastYear})`;
    if (!round.held) return `no round was held in ${year}`;
    return null;
  };

  const records: AwardRecord[] = [];
  const byKey = new Map<string, AwardRecord>();
  for (const { line, value } of readCsv(
    path("awards"),
    texts.awards,
    ["year", "region_code", "predikat", "evidence", "sources", "note"],
    awardRow,
    issues,
  )) {
    const file = path("awards");
    const round = rounds.get(value.year);
    if (!round) {
      issues.push({ file, line, field: "year", message: `year ${value.year} out of range (${firstYear}–${lastYear})` });
      continue;
    }
    if (!round.held) {
      issues.push({ file, line, field: "year", message: `no round was held in ${value.year}` });
      continue;
    }
    if (!regions.has(value.region_code)) {
      issues.push({ file, line, field: "region_code", message: `${value.region_code} is not in the gazetteer` });
      continue;
    }
    const key = `${value.year}|${value.region_code}`;
    if (byKey.has(key)) {
      issues.push({
        file,
        line,
        field: "region_code",
        message: `duplicate record for ${value.region_code} in ${value.year}`,
      });
      continue;
    }
    const record: AwardRecord = {
      year: value.year,
      region: value.region_code,
      predikat: value.predikat,
      evidence: value.evidence,
      sources: value.sources,
      note: value.note,
    };
    byKey.set(key, record);
    records.push(record);
  }

  // A file emptied by accident would make every region look "not covered": refuse it instead.
  for (const [key, size] of [
    ["provinces", provinces.size],
    ["regions", regions.size],
    ["awards", records.length],
  ] as const) {
    if (size === 0 && !issues.some((i) => i.file === path(key))) {
      issues.push({ file: path(key), line: 2, field: "(file)", message: "no rows; the file must not be empty" });
    }
  }

  const counts = new Map<string, ProvinceCount>();
  for (const { line, value } of readCsv(
    path("provinceCounts"),
    texts.provinceCounts,
    ["year", "province_code", "won", "out_of", "source", "note"],
    provinceCountRow,
    issues,
  )) {
    const file = path("provinceCounts");
    if (!provinces.has(value.province_code))
      issues.push({ file, line, field: "province_code", message: `unknown province ${value.province_code}` });
    if (!rounds.has(value.year))
      issues.push({ file, line, field: "year", message: `year ${value.year} out of range (${firstYear}–${lastYear})` });
    const key = `${value.year}|${value.province_code}`;
    if (counts.has(key)) issues.push({ file, line, field: "province_code", message: `duplicate count for ${key}` });
    counts.set(key, {
      year: value.year,
      province: value.province_code,
      won: value.won,
      outOf: value.out_of,
      source: value.source,
      note: value.note,
    });
  }

  const nationalCounts = readNationalCounts(path("nationalCounts"), texts.nationalCounts, roundProblem, issues);
  const provinceAwards = readProvinceAwards(
    path("provinceAwards"),
    texts.provinceAwards,
    roundProblem,
    provinces,
    issues,
  );
  const programme = readProgramme(path("programme"), texts.programme, issues);

  const aliases: Alias[] = [];
  const aliasSeen = new Map<string, number>();
  for (const { line, value } of readCsv(
    path("aliases"),
    texts.aliases,
    ["alias", "codes", "ambiguous", "note"],
    aliasRow,
    issues,
  )) {
    const file = path("aliases");
    const unknown = value.codes.filter((c) => !(c.includes(".") ? regions.has(c) : provinces.has(c)));
    if (unknown.length > 0)
      issues.push({ file, line, field: "codes", message: `unknown code(s) ${unknown.join(" ")}` });
    const ambiguous = value.ambiguous === "yes";
    if (value.codes.length > 1 && !ambiguous)
      issues.push({
        file,
        line,
        field: "ambiguous",
        message: `"${value.alias}" points at ${value.codes.join(" and ")}; mark it ambiguous=yes if that is meant`,
      });
    const key = fold(value.alias);
    const earlier = aliasSeen.get(key);
    if (earlier !== undefined)
      issues.push({
        file,
        line,
        field: "alias",
        message: `"${value.alias}" is already listed on line ${earlier}; one alias cannot point at two places`,
      });
    aliasSeen.set(key, line);
    aliases.push({ alias: value.alias, codes: value.codes, ambiguous });
  }

  const towns: Town[] = [];
  const names = new Set([...regions.values()].flatMap((r) => [fold(r.name), fold(r.baseName)]));
  for (const { line, value } of readCsv(
    path("towns"),
    texts.towns,
    ["town", "codes", "relation", "sources", "note"],
    townRow,
    issues,
  )) {
    const file = path("towns");
    const unknown = value.codes.filter((c) => !regions.has(c));
    if (unknown.length > 0)
      issues.push({ file, line, field: "codes", message: `unknown region(s) ${unknown.join(" ")}` });
    const key = fold(value.town);
    // A town named like a region or an alias would shadow it: the region's own name wins.
    if (names.has(key) || aliasSeen.has(key))
      issues.push({ file, line, field: "town", message: `"${value.town}" is already a region name or an alias` });
    towns.push({ ...value });
  }

  if (issues.length > 0) throw new DataError(issues);

  const version = createHash("sha256").update(Object.values(texts).join("\u0000")).digest("hex").slice(0, 12);
  return createQueries({
    provinces,
    regions,
    records,
    rounds,
    counts,
    nationalCounts,
    provinceAwards,
    programme,
    aliases,
    towns,
    version,
  });
}

interface Tables {
  provinces: Map<string, Province>;
  regions: Map<string, Region>;
  records: AwardRecord[];
  rounds: Map<number, Round>;
  counts: Map<string, ProvinceCount>;
  nationalCounts: NationalCount[];
  provinceAwards: ProvinceAward[];
  programme: ProgrammeFact[];
  aliases: Alias[];
  towns: Town[];
  version: string;
}

/** The query API over validated tables; every index is built here, once. */
function createQueries(t: Tables): Dataset {
  sortRecords(t.records);
  const byRegion = new Map<string, AwardRecord[]>();
  const byKey = new Map<string, AwardRecord>();
  for (const r of t.records) {
    const list = byRegion.get(r.region) ?? [];
    list.push(r);
    byRegion.set(r.region, list);
    byKey.set(`${r.year}|${r.region}`, r);
  }
  const byProvince = new Map<string, Region[]>();
  for (const region of t.regions.values()) {
    const list = byProvince.get(region.province) ?? [];
    list.push(region);
    byProvince.set(region.province, list);
  }
  const dataYears = [...new Set(t.records.map((r) => r.year))].sort((a, b) => a - b);
  const nationalByYear = groupBy(
    [...t.nationalCounts].sort(
      (a, b) =>
        NATIONAL_MEASURES.indexOf(a.measure) - NATIONAL_MEASURES.indexOf(b.measure) ||
        Number(b.primary) - Number(a.primary),
    ),
    (c) => c.year,
  );
  const awardsByProvince = groupBy(
    [...t.provinceAwards].sort(
      (a, b) =>
        a.year - b.year ||
        PROVINCE_AWARD_CATEGORIES.indexOf(a.category) - PROVINCE_AWARD_CATEGORIES.indexOf(b.category),
    ),
    (a) => a.province,
  );
  const programmeByTopic = groupBy(t.programme, (f) => f.topic);
  // Rounds whose results were published: a year among them without a record is "no data".
  const resultYears = [...t.rounds.values()].filter((r) => r.resultsFound).map((r) => r.year);

  const regionsOf = (province: string) => byProvince.get(province) ?? [];
  const record = (region: string, year: number) => byKey.get(`${year}|${region}`);
  const yearCount = (province: string, year: number): YearCount => {
    const regions = regionsOf(province);
    let won = 0;
    let known = 0;
    let inferred = 0;
    for (const region of regions) {
      const rec = record(region.code, year);
      if (!rec) continue;
      known++;
      if (rec.predikat === "peduli") won++;
      if (rec.evidence === "inferred") inferred++;
    }
    return {
      year,
      held: t.rounds.get(year)?.held ?? false,
      won,
      known,
      total: regions.length,
      complete: regions.length > 0 && known === regions.length,
      inferred,
      reported: t.counts.get(`${year}|${province}`)?.won ?? null,
    };
  };

  const regionRecord = (region: string): RegionRecord => {
    const records = byRegion.get(region) ?? [];
    const yearsWon = records.filter((r) => r.predikat === "peduli").map((r) => r.year);
    return {
      region,
      records,
      yearsWon,
      yearsNotWon: records.filter((r) => r.predikat !== "peduli").map((r) => r.year),
      yearsUnknown: resultYears.filter((y) => !byKey.has(`${y}|${region}`)).sort((a, b) => a - b),
      inferredYears: records.filter((r) => r.evidence === "inferred").map((r) => r.year),
      firstWin: yearsWon[0] ?? null,
      lastWin: yearsWon.at(-1) ?? null,
    };
  };

  const countsCache = new Map<string, YearCount[]>();
  const yearlyCounts = (province: string): YearCount[] => {
    const cached = countsCache.get(province);
    if (cached) return cached;
    const years = dataYears.filter((y) => regionsOf(province).some((r) => record(r.code, y)));
    let result: YearCount[] = [];
    const first = years[0];
    const last = years.at(-1);
    if (first !== undefined && last !== undefined) {
      result = [...t.rounds.keys()]
        .filter((y) => y >= first && y <= last)
        .sort((a, b) => a - b)
        .map((y) => yearCount(province, y));
    }
    countsCache.set(province, result);
    return result;
  };

  return {
    provinces: t.provinces,
    regions: t.regions,
    records: t.records,
    rounds: t.rounds,
    aliases: t.aliases,
    towns: t.towns,
    version: t.version,
    regionsOf,
    recordsOf: (region) => byRegion.get(region) ?? [],
    record,
    dataYears: () => dataYears,
    round: (year) => t.rounds.get(year),
    statusInYear: (province, year) =>
      regionsOf(province).map((region) => ({ region, record: record(region.code, year) })),
    yearlyCounts,
    latestYear: (province) => yearlyCounts(province).findLast((c) => c.known > 0)?.year ?? null,
    coverage: () =>
      [...t.provinces.values()].flatMap((province) =>
        yearlyCounts(province.code)
          .filter((c) => c.known > 0)
          .map((count) => ({ province, count })),
      ),
    provinceCount: (province, year) => t.counts.get(`${year}|${province}`),
    regionRecord,
    nationalCounts: (year) => nationalByYear.get(year) ?? [],
    provinceAwards: (province, year) => {
      const all = awardsByProvince.get(province) ?? [];
      return year === undefined ? all : all.filter((a) => a.year === year);
    },
    programme: t.programme,
    programmeFacts: (topic) => programmeByTopic.get(topic) ?? [],
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function sortRecords(records: AwardRecord[]): void {
  records.sort((a, b) => a.year - b.year || a.region.localeCompare(b.region));
}
