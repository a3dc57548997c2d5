/**
 * Every way a place can be written, indexed once at start-up: exact lookups for official
 * names, short forms and curated aliases, and fuse.js for typos. Fuzzy search is split into
 * one small index per first letter, because a typo rarely hits the first letter and a small
 * index answers in microseconds instead of milliseconds.
 */
import Fuse, { type IFuseOptions } from "fuse.js";
import type { Dataset } from "../dataset/dataset.ts";
import { fold, squash } from "../dataset/fold.ts";
import type { Region } from "../dataset/types.ts";

/** What an exact key names: regions (one, or several when the name is shared) and provinces. */
export interface PlaceEntry {
  regions: string[];
  provinces: string[];
  /** Several regions on purpose (a shared base name, or an alias marked ambiguous). */
  ambiguous: boolean;
}

interface FuzzyItem {
  key: string;
  codes: string[];
}

export interface FuzzyHit {
  code: string;
  score: number;
}

export interface PlaceIndex {
  /** Exact lookup by folded text (spaced or squashed). */
  exact(folded: string): PlaceEntry | undefined;
  /** Regions whose base name starts with these words ("bandung" → Bandung Barat). */
  extensions(folded: string): string[];
  /** Fuzzy hits for a folded phrase, best first, one per region. */
  fuzzy(folded: string, limit?: number): FuzzyHit[];
  /** The longest exact key in words, so scanning knows how far to look ahead. */
  readonly maxWords: number;
}

const FUSE_OPTIONS: IFuseOptions<FuzzyItem> = {
  keys: ["key"],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  shouldSort: true,
};

/** A first-letter hit this close means the whole index need not be searched. */
const FIRST_LETTER_ENOUGH = 0.3;

export function createPlaceIndex(dataset: Dataset): PlaceIndex {
  const exactMap = new Map<string, PlaceEntry>();
  let maxWords = 1;

  const add = (key: string, kind: "region" | "province", code: string, ambiguous = false) => {
    if (key === "") return;
    for (const k of new Set([key, squash(key)])) {
      const entry = exactMap.get(k) ?? { regions: [], provinces: [], ambiguous: false };
      const list = kind === "region" ? entry.regions : entry.provinces;
      if (!list.includes(code)) list.push(code);
      if (ambiguous || entry.regions.length > 1) entry.ambiguous = true;
      exactMap.set(k, entry);
    }
    maxWords = Math.max(maxWords, key.split(" ").length);
  };

  for (const region of dataset.regions.values()) {
    add(fold(region.name), "region", region.code);
    add(fold(region.baseName), "region", region.code);
    // "Kota Administrasi Jakarta Selatan" is also written "Kota Jakarta Selatan".
    add(fold(`${region.type} ${region.baseName}`), "region", region.code);
  }
  for (const province of dataset.provinces.values()) {
    add(fold(province.name), "province", province.code);
    add(fold(`provinsi ${province.name}`), "province", province.code);
  }
  for (const alias of dataset.aliases) {
    for (const code of alias.codes) {
      add(fold(alias.alias), code.includes(".") ? "region" : "province", code, alias.ambiguous);
    }
  }

  // Base names as word lists, for "bandung" → "bandung barat".
  const byFirstWord = new Map<string, Region[]>();
  for (const region of dataset.regions.values()) {
    const first = fold(region.baseName).split(" ")[0] ?? "";
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), region]);
  }

  // Fuzzy items: base names and region aliases, spaced and squashed, bucketed by first letter.
  const items = new Map<string, Set<string>>();
  const addItem = (key: string, code: string) => {
    for (const k of new Set([key, squash(key)])) {
      if (k.length < 3) continue;
      const codes = items.get(k) ?? new Set<string>();
      codes.add(code);
      items.set(k, codes);
    }
  };
  for (const region of dataset.regions.values()) addItem(fold(region.baseName), region.code);
  for (const alias of dataset.aliases) {
    for (const code of alias.codes) if (code.includes(".")) addItem(fold(alias.alias), code);
  }
  const buckets = new Map<string, FuzzyItem[]>();
  for (const [key, codes] of items) {
    const letter = key[0] ?? "";
    buckets.set(letter, [...(buckets.get(letter) ?? []), { key, codes: [...codes] }]);
  }
  const fuses = new Map<string, Fuse<FuzzyItem>>();
  for (const [letter, list] of buckets) fuses.set(letter, new Fuse(list, FUSE_OPTIONS));
  const everything = new Fuse([...buckets.values()].flat(), FUSE_OPTIONS);

  const search = (fuse: Fuse<FuzzyItem> | undefined, query: string, best: Map<string, number>) => {
    if (!fuse) return;
    for (const hit of fuse.search(query, { limit: 12 })) {
      const score = hit.score ?? 1;
      for (const code of hit.item.codes) {
        const prev = best.get(code);
        if (prev === undefined || score < prev) best.set(code, score);
      }
    }
  };

  return {
    maxWords,
    exact: (folded) => exactMap.get(folded),
    extensions: (folded) => {
      const first = folded.split(" ")[0] ?? "";
      return (byFirstWord.get(first) ?? []).filter((r) => fold(r.baseName).startsWith(`${folded} `)).map((r) => r.code);
    },
    fuzzy: (folded, limit = 5) => {
      // Fuse patterns over 32 characters are split and slow; no place name is that long.
      const query = folded.slice(0, 32);
      const best = new Map<string, number>();
      search(fuses.get(query[0] ?? ""), query, best);
      // Nothing close under the same first letter: a typo in the first letter, or no place
      // at all. Only then pay for the whole index.
      if (![...best.values()].some((s) => s <= FIRST_LETTER_ENOUGH)) search(everything, query, best);
      return [...best.entries()]
        .map(([code, score]) => ({ code, score }))
        .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code))
        .slice(0, limit);
    },
  };
}
