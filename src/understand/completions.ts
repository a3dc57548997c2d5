/**
 * Completions of a half-typed place name (`@bot prabu` in inline mode): Telegram sends an inline
 * query on every keystroke, so a name being typed must already find its regions, narrowing as
 * the user types. Part of understanding (it resolves names); built once with the dataset (region names, names without "Kabupaten"/"Kota",
 * and the region aliases of data/aliases.csv), never per query.
 *
 * Every word start of every name is a key ("ogan komering ulu timur", "komering ulu timur",
 * "ulu timur", "timur"); keys are sorted, so the matches of a query are one binary search and
 * a scan. Ranking, best first: the whole name typed, then a name beginning with the query,
 * then a later word beginning with it; among equals the home province first, then the
 * shorter name (the one closest to complete), then alphabetical.
 */
import type { Dataset } from "../dataset/dataset.ts";
import { fold } from "../dataset/fold.ts";

const EXACT = 0;
const PREFIX = 1;
const WORD = 2;

interface Key {
  key: string;
  code: string;
  /** PREFIX for a whole name's start, WORD for a later word's start. */
  rank: number;
  /** The folded name the key comes from (for the exact-match rank). */
  full: string;
}

/** Region codes whose names or aliases begin (at a word) with the query, best first, at most `max`. */
export type Complete = (query: string, max: number) => string[];

export function createCompletions(dataset: Dataset, homeProvince: string): Complete {
  const keys: Key[] = [];
  const add = (name: string, code: string) => {
    const full = fold(name);
    if (!full) return;
    const words = full.split(" ");
    words.forEach((_, i) => {
      keys.push({ key: words.slice(i).join(" "), code, rank: i === 0 ? PREFIX : WORD, full });
    });
  };
  for (const r of dataset.regions.values()) {
    add(r.name, r.code);
    add(r.baseName, r.code);
  }
  for (const a of dataset.aliases) {
    for (const code of a.codes) if (dataset.regions.has(code)) add(a.alias, code);
  }
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const lowerBound = (q: string) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] as Key).key < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const nameOf = (code: string) => dataset.regions.get(code)?.name ?? code;
  const home = (code: string) => (dataset.regions.get(code)?.province === homeProvince ? 0 : 1);

  return (query, max) => {
    const q = fold(query);
    if (!q) return [];
    const best = new Map<string, number>();
    for (let i = lowerBound(q); i < keys.length; i++) {
      const k = keys[i] as Key;
      if (!k.key.startsWith(q)) break;
      const rank = k.full === q ? EXACT : k.rank;
      best.set(k.code, Math.min(rank, best.get(k.code) ?? rank));
    }
    return [...best]
      .map(([code, rank]) => ({ code, rank }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          home(a.code) - home(b.code) ||
          nameOf(a.code).length - nameOf(b.code).length ||
          nameOf(a.code).localeCompare(nameOf(b.code)),
      )
      .slice(0, max)
      .map(({ code }) => code);
  };
}
