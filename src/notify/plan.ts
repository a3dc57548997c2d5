/**
 * What new data means for followers. The ledger (in the outbox's backend) holds the result
 * last announced for each (year, region); a result in the data that differs from it, or is
 * not in it, is a change. For each change:
 *  - every chat following the region gets that region's result, keyed
 *    `${chat}|${year}|${region}|${predikat}`;
 *  - every chat following its province gets one summary per (province, year), keyed by a
 *    hash of that province-year's changed results; a chat following the province gets no
 *    separate message for each of its regions.
 * The keys make the plan idempotent: the same data planned twice (a second reload, a second
 * instance, a restart) yields the same ids, which the outbox records once.
 *
 * A result is the predikat: a new source or note for the same result announces nothing.
 * The very first plan (an empty ledger) only fills the ledger: the data the bot started with
 * is not news.
 */
import { createHash } from "node:crypto";
import type { Dataset } from "../dataset/dataset.ts";
import type { FollowStore } from "../state/follows.ts";
import type { Ledger, OutboxItem } from "../state/outbox.ts";

export interface ResultChange {
  year: number;
  region: string;
  province: string;
  result: string;
}

export interface Plan {
  /** True when the ledger was empty: it is filled, nobody is notified. */
  baseline: boolean;
  changes: ResultChange[];
  /** The ledger entries to store with the items. */
  entries: Map<string, string>;
  items: Omit<OutboxItem, "attempts">[];
}

export const ledgerKey = (year: number, region: string) => `${year}|${region}`;

export function resultsOf(dataset: Dataset): Map<string, string> {
  return new Map(dataset.records.map((r) => [ledgerKey(r.year, r.region), r.predikat]));
}

const digest = (parts: string[]) => createHash("sha256").update(parts.join(",")).digest("hex").slice(0, 12);

export async function planNotifications(dataset: Dataset, ledger: Ledger, follows: FollowStore): Promise<Plan> {
  const current = resultsOf(dataset);
  if (ledger.size === 0) return { baseline: true, changes: [], entries: current, items: [] };
  const changes: ResultChange[] = [];
  for (const r of dataset.records) {
    if (ledger.get(ledgerKey(r.year, r.region)) === r.predikat) continue;
    const province = dataset.regions.get(r.region)?.province;
    if (province) changes.push({ year: r.year, region: r.region, province, result: r.predikat });
  }
  changes.sort((a, b) => a.year - b.year || a.region.localeCompare(b.region));
  const entries = new Map(changes.map((c) => [ledgerKey(c.year, c.region), c.result]));

  const groups = new Map<string, ResultChange[]>();
  for (const c of changes) {
    const key = `${c.province}|${c.year}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const scopes = [...new Set(changes.flatMap((c) => [c.region, c.province]))];
  const followers = await follows.followersOf(scopes);
  const byScope = new Map<string, typeof followers>();
  for (const f of followers) byScope.set(f.scope, [...(byScope.get(f.scope) ?? []), f]);

  const items: Omit<OutboxItem, "attempts">[] = [];
  for (const group of groups.values()) {
    const { province, year } = group[0] as ResultChange;
    const provinceFollowers = byScope.get(province) ?? [];
    const covered = new Set(provinceFollowers.map((f) => f.chat));
    const hash = digest(group.map((c) => `${c.region}:${c.result}`));
    for (const f of provinceFollowers) {
      items.push({ id: `${f.chat}|${year}|${province}|${hash}`, chat: f.chat, scope: province, year, lang: f.lang });
    }
    for (const c of group) {
      for (const f of byScope.get(c.region) ?? []) {
        if (covered.has(f.chat)) continue;
        items.push({
          id: `${f.chat}|${year}|${c.region}|${c.result}`,
          chat: f.chat,
          scope: c.region,
          year,
          lang: f.lang,
        });
      }
    }
  }
  return { baseline: false, changes, entries, items };
}

/** For the operator (dry run, /status): how many chats, for which years and regions. */
export interface PlanSummary {
  baseline: boolean;
  chats: number;
  messages: number;
  years: { year: number; regions: string[] }[];
}

export function summarize(plan: Plan): PlanSummary {
  const years = new Map<number, string[]>();
  for (const c of plan.changes) years.set(c.year, [...(years.get(c.year) ?? []), c.region]);
  return {
    baseline: plan.baseline,
    chats: new Set(plan.items.map((i) => i.chat)).size,
    messages: plan.items.length,
    years: [...years].map(([year, regions]) => ({ year, regions })),
  };
}
