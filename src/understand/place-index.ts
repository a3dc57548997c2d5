/**
 * Every way a place can be written, indexed once at start-up: exact lookups for official
 * names, short forms and curated aliases, and an edit-distance search for typos.
 *
 * Fuzzy search is split into small shelves per first letter and name length, because a typo
 * rarely hits the first letter or changes the length by more than two. A lookup visits only
 * the shelves its length can reach and checks each name there cheaply (letters present, letter
 * counts, then an edit distance that gives up early): a message costs a handful of comparisons,
 * not 600. A typo in the first letter ("alembang", "Falembang") is looked up on shelves keyed by
 * the second letter, never in the whole index. The decision is the edit distance against
 * `editBudget`, not Fuse's score, which does not tell "Ogan Komering Ulu" from "Ogan Komering
 * Ulu Timur" for "ogan komring ulu". Each shelf keeps a Fuse index that orders the suggestions
 * for a name that matched nothing. (Fuse used to filter the strict matches too: the corpus
 * showed it removed none that the distance kept, and it was half the cost of a typo.)
 */

import damerauLevenshtein from "damerau-levenshtein";
import Fuse, { type IFuseOptions } from "fuse.js";
import leven from "leven";
import type { Dataset } from "../dataset/dataset.ts";
import { fold, squash } from "../dataset/fold.ts";
import { DIRECTION_NAMES } from "./lexicon.ts";
import { editBudget, MIN_FUZZY_LENGTH } from "./tuning.ts";

export { editBudget };

/** What an exact key names: regions (one, or several when the name is shared) and provinces. */
export interface PlaceEntry {
  regions: string[];
  provinces: string[];
  /** Several regions on purpose (a shared base name, or an alias marked ambiguous). */
  ambiguous: boolean;
  /** A town named for a region it is not (data/towns.csv): asked about, never taken as it. */
  town: boolean;
}

interface FuzzyItem {
  /** Folded and squashed: "lubuklinggau". */
  key: string;
  /** Region codes ("16.73") or province codes ("16"). */
  codes: string[];
  bag: Uint8Array;
  /** The letters it has, one bit each: a first, cheaper check than the bag. */
  mask: number;
}

export interface FuzzyHit {
  /** A region code ("16.73") or a province code ("16"). */
  code: string;
  /** Edits (insert, delete, substitute) between the query and the name. */
  distance: number;
  /** The longer of the query and the name, in letters without spaces. */
  length: number;
  /** Fuse's score for suggestion lookups (0 = exact, 1 = no match); 1 for strict lookups. */
  score: number;
}

export interface PlaceIndex {
  /** Exact lookup by folded text (spaced or squashed). */
  exact(folded: string): PlaceEntry | undefined;
  /** Words in the longest exact key at `start` ("prabu mulih" counts as "prabumulih"), or 0. */
  exactAt(tokens: readonly string[], start: number): number;
  /** A word of some place name ("lawang", "rawas"). */
  nameWord(token: string): boolean;
  /** Regions whose base name starts with these words ("bandung" → Bandung Barat). */
  extensions(folded: string): string[];
  /** Regions whose base name starts with these words and goes on ("musi" → the three Musi regions). */
  prefixed(folded: string): string[];
  /** Regions whose base name ends with these words after others ("lawang" → Empat Lawang). */
  tailed(folded: string): string[];
  /** Fuzzy hits for a folded phrase, nearest first, one per code: names within the edit budget. */
  fuzzy(folded: string): FuzzyHit[];
  /** Like `fuzzy`, one edit past the budget: for suggestions when nothing matched. */
  near(folded: string): FuzzyHit[];
  /** The longest exact key in words, so scanning knows how far to look ahead. */
  readonly maxWords: number;
  /** Some name goes on from `previous` with `word` ("oku" → "selatan", "mura" → "utara"). */
  continues(previous: string, word: string): boolean;
}

/**
 * Fuse orders suggestions; the edit distance decides. Fuse's threshold is errors per letter of the
 * query: 0.35 reaches two edits in a seven-letter word ("Plembng").
 */
const FUSE_OPTIONS: IFuseOptions<FuzzyItem> = {
  keys: ["key"],
  ignoreLocation: true,
  isCaseSensitive: true,
  shouldSort: false,
  threshold: 0.35,
};

/** Fuse patterns over 32 characters are split and slow; no place name is that long. */
const MAX_FUZZY_LENGTH = 32;

/** The names of one first (or second) letter and one length, with their Fuse index. */
interface Shelf {
  items: FuzzyItem[];
  fuse: Fuse<FuzzyItem>;
}

export function createPlaceIndex(dataset: Dataset): PlaceIndex {
  const exactMap = new Map<string, PlaceEntry>();
  let maxWords = 1;

  const add = (key: string, kind: "region" | "province", code: string, ambiguous = false) => {
    if (key === "") return;
    for (const k of new Set([key, squash(key)])) {
      const entry = exactMap.get(k) ?? { regions: [], provinces: [], ambiguous: false, town: false };
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

  for (const town of dataset.towns) {
    for (const code of town.codes) add(fold(town.town), "region", code, town.codes.length > 1);
    const entry = exactMap.get(fold(town.town));
    if (entry) entry.town = true;
    const squashed = exactMap.get(squash(fold(town.town)));
    if (squashed) squashed.town = true;
  }

  // "Mura Utara", "Bolmong Selatan": an alias of one region followed by a direction word names the
  // region whose base name is that region's base name and the direction word.
  const baseIndex = new Map([...dataset.regions.values()].map((r) => [fold(r.baseName), r.code]));
  for (const alias of dataset.aliases) {
    const region = alias.codes.length === 1 ? dataset.regions.get(alias.codes[0] ?? "") : undefined;
    if (!region) continue;
    for (const direction of DIRECTION_NAMES) {
      const code = baseIndex.get(`${fold(region.baseName)} ${direction}`);
      if (code && !exactMap.has(`${fold(alias.alias)} ${direction}`))
        add(`${fold(alias.alias)} ${direction}`, "region", code);
    }
  }
  const bigrams = new Set<string>();
  for (const key of exactMap.keys()) {
    const words = key.split(" ");
    for (let i = 1; i < words.length; i++) bigrams.add(`${words[i - 1]} ${words[i]}`);
  }

  // Every beginning of every key, spaced and squashed, so that scanning stops as soon as no key
  // goes on the way the message does ("ya tolong" begins nothing): one Set lookup per word.
  const beginnings = new Set<string>();
  for (const key of exactMap.keys()) for (let i = 1; i <= key.length; i++) beginnings.add(key.slice(0, i));
  const nameWords = new Set([...exactMap.keys()].flatMap((k) => k.split(" ")));
  const exactAt = (tokens: readonly string[], start: number): number => {
    let spaced = "";
    let squashed = "";
    let spacedGoesOn = true;
    let squashedGoesOn = true;
    let longest = 0;
    for (let n = 1; n <= maxWords && start + n <= tokens.length; n++) {
      const token = tokens[start + n - 1] ?? "";
      spaced = n === 1 ? token : `${spaced} ${token}`;
      squashed += token;
      if ((spacedGoesOn && exactMap.has(spaced)) || (squashedGoesOn && exactMap.has(squashed))) longest = n;
      spacedGoesOn = spacedGoesOn && beginnings.has(`${spaced} `);
      squashedGoesOn = squashedGoesOn && beginnings.has(squashed);
      if (!spacedGoesOn && !squashedGoesOn) break;
    }
    return longest;
  };

  // Base names as word lists, for "bandung" → "bandung barat" and "musi" → "musi rawas", ...
  const baseNames = [...dataset.regions.values()].map((r) => ({ code: r.code, base: fold(r.baseName) }));
  const startingWith = (folded: string) => baseNames.filter((r) => r.base.startsWith(`${folded} `)).map((r) => r.code);
  const prefixes = new Map<string, string[]>();
  for (const { base } of baseNames) {
    const parts = base.split(" ");
    for (let n = 1; n < parts.length; n++) {
      const prefix = parts.slice(0, n).join(" ");
      if (!prefixes.has(prefix)) prefixes.set(prefix, startingWith(prefix));
    }
  }

  // The last word(s) of base names ("lawang", "komering ilir"), never a key of their own.
  const tails = new Map<string, string[]>();
  for (const { code, base } of baseNames) {
    const parts = base.split(" ");
    for (let n = 1; n < parts.length; n++) {
      const tail = parts.slice(parts.length - n).join(" ");
      if (exactMap.has(tail)) continue;
      tails.set(tail, [...(tails.get(tail) ?? []), code]);
    }
  }

  // Fuzzy items: base names, aliases and province names, squashed, one item per key.
  const items = new Map<string, Set<string>>();
  const addItem = (folded: string, code: string) => {
    const key = squash(folded);
    if (key.length < MIN_FUZZY_LENGTH || key.length > MAX_FUZZY_LENGTH) return;
    const codes = items.get(key) ?? new Set<string>();
    codes.add(code);
    items.set(key, codes);
  };
  for (const region of dataset.regions.values()) addItem(fold(region.baseName), region.code);
  for (const province of dataset.provinces.values()) addItem(fold(province.name), province.code);
  for (const alias of dataset.aliases) for (const code of alias.codes) addItem(fold(alias.alias), code);

  // Shelves by first letter and length, and by second letter and length for first-letter typos.
  const lists = new Map<string, FuzzyItem[]>();
  const put = (shelf: string, item: FuzzyItem) => lists.set(shelf, [...(lists.get(shelf) ?? []), item]);
  for (const [key, codes] of items) {
    const item = { key, codes: [...codes], bag: bagOf(key), mask: maskOf(key) };
    put(shelfKey(1, key[0] ?? "", key.length), item);
    put(shelfKey(2, key[1] ?? "", key.length), item);
  }
  const shelves = new Map<string, Shelf>();
  for (const [key, list] of lists) {
    shelves.set(key, { items: list, fuse: new Fuse(list, FUSE_OPTIONS) });
  }

  return {
    maxWords,
    continues: (previous, word) => bigrams.has(`${previous} ${word}`),
    exact: (folded) => exactMap.get(folded),
    exactAt,
    nameWord: (token) => nameWords.has(token),
    extensions: startingWith,
    prefixed: (folded) => prefixes.get(folded) ?? [],
    tailed: (folded) => tails.get(folded) ?? [],
    fuzzy: (folded) => new Lookup(shelves, squash(folded), 0).run(),
    near: (folded) => new Lookup(shelves, squash(folded), 1).run(),
  };
}

/**
 * One fuzzy lookup over the shelves a query can reach. Strict lookups (slack 0) take Fuse's hits
 * within the edit budget; suggestion lookups (slack 1) allow one more edit and skip Fuse: they
 * run only for words already known to match nothing.
 */
class Lookup {
  private readonly hits: FuzzyHit[] = [];
  private readonly bag: Uint8Array;
  private readonly mask: number;

  constructor(
    private readonly shelves: ReadonlyMap<string, Shelf>,
    private readonly query: string,
    private readonly slack: 0 | 1,
  ) {
    this.bag = bagOf(query);
    this.mask = maskOf(query);
  }

  run(): FuzzyHit[] {
    const { query } = this;
    const n = query.length;
    if (n < MIN_FUZZY_LENGTH || n > MAX_FUZZY_LENGTH) return [];
    const first = query[0] ?? "";
    const second = query[1] ?? "";
    const widest = editBudget(n + 3) + this.slack;
    this.search(1, first, n - widest, n + widest);
    if (!this.hits.some((h) => h.distance <= editBudget(h.length))) {
      // A typo in the first letter: dropped ("alembang"), replaced ("falembang"), swapped
      // ("aplembang") or an extra letter in front: a few more small shelves, never the whole index.
      this.search(2, first, n, n + widest);
      this.search(2, second, n - widest + 1, n + widest - 1);
      this.search(1, second, n - widest, n - 1);
    }
    const best = new Map<string, FuzzyHit>();
    for (const hit of this.hits) {
      const prev = best.get(hit.code);
      if (!prev || hit.distance < prev.distance) best.set(hit.code, hit);
    }
    return [...best.values()].sort(
      (a, b) =>
        a.distance - b.distance ||
        a.distance / a.length - b.distance / b.length ||
        a.score - b.score ||
        a.code.localeCompare(b.code),
    );
  }

  /** The shelves of names `from`..`to` letters long under one letter, each within its budget. */
  private search(position: 1 | 2, letter: string, from: number, to: number): void {
    const n = this.query.length;
    for (let len = from; len <= to; len++) {
      const max = editBudget(Math.max(n, len)) + this.slack;
      if (max < 1 || Math.abs(len - n) > max) continue;
      const shelf = this.shelves.get(shelfKey(position, letter, len));
      if (shelf) this.searchShelf(shelf, max);
    }
  }

  /**
   * Names on the shelf within `max` edits. The letter checks and the (early-stopping) edit
   * distance make sure Fuse only searches a shelf that holds such a name; for suggestions the
   * edit distance alone decides.
   */
  private searchShelf(shelf: Shelf, max: number): void {
    const { query, bag, mask } = this;
    const within = new Map<FuzzyItem, number>();
    for (const item of shelf.items) {
      if (bitCount(mask & ~item.mask) > max || bitCount(item.mask & ~mask) > max) continue;
      if (bagDistance(bag, item.bag) > max) continue;
      const distance = editDistance(query, item.key, max);
      if (distance <= max) within.set(item, distance);
    }
    if (within.size === 0) return;
    // The edit distance decides. For suggestions (a word that matched nothing) Fuse's score
    // orders names at the same distance: it weighs where the letters differ, which the
    // distance does not ("Paly" → Pali before Palu).
    const scores = this.slack === 1 ? new Map(shelf.fuse.search(query).map((h) => [h.item, h.score ?? 1])) : null;
    for (const [item, distance] of within) {
      const length = Math.max(query.length, item.key.length);
      const score = scores?.get(item) ?? 1;
      for (const code of item.codes) this.hits.push({ code, distance, length, score });
    }
  }
}

function shelfKey(position: 1 | 2, letter: string, length: number): string {
  return `${position}${letter}${length}`;
}

/** Letter counts: a-z, 0-9 and one slot for anything else. */
function bagOf(text: string): Uint8Array {
  const bag = new Uint8Array(37);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const slot = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
    bag[slot] = (bag[slot] ?? 0) + 1;
  }
  return bag;
}

/** Letters a-z as bits 0-25, digits and anything else as bit 26. */
function maskOf(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26);
  }
  return mask;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Never more than the edit distance: letters one side has and the other lacks. */
function bagDistance(a: Uint8Array, b: Uint8Array): number {
  let more = 0;
  let less = 0;
  for (let i = 0; i < 37; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d > 0) more += d;
    else less -= d;
  }
  return Math.max(more, less);
}

/**
 * Levenshtein distance, giving up at `max` (leven's maxDistance stops as soon as every path
 * costs more): the result is `max + 1` for anything farther.
 */
export function editDistance(a: string, b: string, max = MAX_FUZZY_LENGTH): number {
  const d = leven(a, b, { maxDistance: max + 1 });
  if (d <= max) return d;
  // Two letters swapped ("samoisr", "ouk timur") are one slip of the thumb, not two edits.
  if (d === max + 1 && max >= 1) {
    const swapped = damerauLevenshtein(a, b).steps;
    if (swapped <= max) return swapped;
  }
  return max + 1;
}
