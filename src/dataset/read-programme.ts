/**
 * Readers for the files about the award itself rather than about one kab/kota: national
 * counts, province-level awards and programme facts. Each validates its rows and the links to
 * rounds and provinces, collecting every problem as a DataIssue, like the rest of build.ts.
 */
import { readCsv } from "./csv.ts";
import type { DataIssue } from "./errors.ts";
import { nationalCountRow, programmeRow, provinceAwardRow } from "./schemas.ts";
import type { NationalCount, ProgrammeFact, Province, ProvinceAward } from "./types.ts";

/** Says what is wrong with a year for a fact about a round, or null when nothing is. */
export type RoundProblem = (year: number) => string | null;

export function readNationalCounts(
  file: string,
  text: string,
  roundProblem: RoundProblem,
  issues: DataIssue[],
): NationalCount[] {
  const counts: NationalCount[] = [];
  const seen = new Set<string>();
  const primaryLine = new Map<string, number>();
  for (const { line, value } of readCsv(
    file,
    text,
    ["year", "measure", "value", "primary", "sources", "note"],
    nationalCountRow,
    issues,
  )) {
    const problem = roundProblem(value.year);
    if (problem) {
      issues.push({ file, line, field: "year", message: problem });
      continue;
    }
    const pair = `${value.year} ${value.measure}`;
    const key = `${pair} ${value.value}`;
    if (seen.has(key)) {
      issues.push({ file, line, field: "value", message: `duplicate figure ${value.value} for ${pair}` });
      continue;
    }
    seen.add(key);
    const primary = value.primary === "yes";
    if (primary) {
      const earlier = primaryLine.get(pair);
      if (earlier !== undefined)
        issues.push({
          file,
          line,
          field: "primary",
          message: `${pair} already has a primary figure on line ${earlier}; mark one of them primary=no`,
        });
      else primaryLine.set(pair, line);
    }
    counts.push({ year: value.year, measure: value.measure, value: value.value, primary, ...rest(value) });
  }
  return counts;
}

export function readProvinceAwards(
  file: string,
  text: string,
  roundProblem: RoundProblem,
  provinces: ReadonlyMap<string, Province>,
  issues: DataIssue[],
): ProvinceAward[] {
  const awards: ProvinceAward[] = [];
  const seen = new Set<string>();
  for (const { line, value } of readCsv(
    file,
    text,
    [
      "year",
      "province_code",
      "category",
      "recipient",
      "awarded",
      "evidence",
      "rule",
      "regions_won",
      "regions_total",
      "sources",
      "note",
    ],
    provinceAwardRow,
    issues,
  )) {
    const problem = roundProblem(value.year);
    if (problem) {
      issues.push({ file, line, field: "year", message: problem });
      continue;
    }
    if (!provinces.has(value.province_code)) {
      issues.push({ file, line, field: "province_code", message: `unknown province ${value.province_code}` });
      continue;
    }
    const key = `${value.year} ${value.province_code} ${value.category}`;
    if (seen.has(key)) {
      issues.push({ file, line, field: "category", message: `duplicate award for ${key}` });
      continue;
    }
    seen.add(key);
    if (value.regions_won !== null && value.regions_total !== null && value.regions_won > value.regions_total)
      issues.push({
        file,
        line,
        field: "regions_won",
        message: `${value.regions_won} won is more than the ${value.regions_total} regions`,
      });
    awards.push({
      year: value.year,
      province: value.province_code,
      category: value.category,
      recipient: value.recipient,
      awarded: value.awarded === "yes",
      evidence: value.evidence,
      rule: value.rule || null,
      regionsWon: value.regions_won,
      regionsTotal: value.regions_total,
      ...rest(value),
    });
  }
  return awards;
}

export function readProgramme(file: string, text: string, issues: DataIssue[]): ProgrammeFact[] {
  const facts: ProgrammeFact[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of readCsv(
    file,
    text,
    ["topic", "key", "value", "sources", "note"],
    programmeRow,
    issues,
  )) {
    const key = `${value.topic}.${value.key}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ file, line, field: "key", message: `${key} is already listed on line ${earlier}` });
      continue;
    }
    seen.set(key, line);
    facts.push({ topic: value.topic, key: value.key, value: value.value, ...rest(value) });
  }
  if (facts.length === 0 && !issues.some((i) => i.file === file))
    issues.push({ file, line: 2, field: "(file)", message: "no rows; the file must not be empty" });
  return facts;
}

function rest(value: { sources: string[]; note: string }): { sources: string[]; note: string } {
  return { sources: value.sources, note: value.note };
}
