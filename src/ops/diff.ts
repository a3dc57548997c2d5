/**
 * What changed between two datasets, per ceremony year: award rows added, changed (same
 * region and year, different predikat, evidence, sources or note) and removed. This is what
 * the reload log line reports, so the person who added the new round sees it landed.
 */
import type { AwardRecord } from "../dataset/types.ts";

export interface YearChange {
  year: number;
  added: number;
  changed: number;
  removed: number;
}

const key = (r: AwardRecord) => `${r.region}|${r.year}`;
const body = (r: AwardRecord) => JSON.stringify([r.predikat, r.evidence, r.sources, r.note]);

/** Only years with a change, ascending. */
export function diffRecords(before: readonly AwardRecord[], after: readonly AwardRecord[]): YearChange[] {
  const old = new Map(before.map((r) => [key(r), r]));
  const years = new Map<number, YearChange>();
  const bump = (year: number, field: "added" | "changed" | "removed") => {
    const y = years.get(year) ?? { year, added: 0, changed: 0, removed: 0 };
    y[field]++;
    years.set(year, y);
  };
  for (const r of after) {
    const was = old.get(key(r));
    old.delete(key(r));
    if (!was) bump(r.year, "added");
    else if (body(was) !== body(r)) bump(r.year, "changed");
  }
  for (const r of old.values()) bump(r.year, "removed");
  return [...years.values()].sort((a, b) => a.year - b.year);
}
