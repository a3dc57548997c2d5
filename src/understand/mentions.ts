/**
 * Finds the places a message names. Exact names and aliases first, longest match wins (so
 * "OKU Timur" is not "OKU", and an official name beats any alias or typo match: Pati is Pati);
 * an exact name followed by the misspelt rest of a longer one is that one ("OKU Timr"). Then the
 * words that are left, up to four at a time: the first word(s) of several names ask which one
 * ("Musi", "Ogan Komering"), otherwise a typo match within an edit budget that grows with the
 * length of the name ("Plembng"). What still matches nothing is reported with suggestions.
 */
import type { Dataset } from "../dataset/dataset.ts";
import { squash } from "../dataset/fold.ts";
import { isIntentWord, NUMBER_WORDS, TYPE_WORDS } from "./lexicon.ts";
import { editBudget, type FuzzyHit, type PlaceIndex } from "./place-index.ts";

/** Words looked up fuzzily together at most ("penukal abab lematang ilr"). */
const MAX_SPAN_WORDS = 4;
/** Words after an exact name that may finish a longer one with a typo ("OKU Selatn"). */
const MAX_EXTENSION_WORDS = 2;
/** Fuzzy lookups per message at most: a long rambling message costs no more than a short one. */
export const MAX_FUZZY_LOOKUPS = 12;
/** A suggestion for an unrecognised name is at most one edit past the budget and this share of its letters. */
export const SUGGEST_RATIO = 0.34;
/**
 * An unrecognised word this close to a name (edits per letter) was surely meant as a place
 * ("Paly"): the question is about a place even with no other word saying so.
 */
export const NEAR_RATIO = 0.25;
/** Words of an unrecognised phrase looked up one by one for suggestions. */
const MAX_SUGGESTION_WORDS = 3;
/** Words of a name's beginning that ask which name is meant ("ogan komering"). */
const MAX_PREFIX_WORDS = 2;
const MAX_CHOICES = 6;
const MAX_SUGGESTIONS = 3;

type TypeFilter = "kabupaten" | "kota" | null;

export type Mention =
  | { kind: "region"; code: string; text: string }
  /** A province; `alsoRegions` when the same name is also a kab/kota ("Jambi", "Gorontalo"). */
  | { kind: "province"; code: string; text: string; alsoRegions: string[] }
  | { kind: "ambiguous"; codes: string[]; text: string }
  /** Words that looked like a name and matched none; `near` when a suggestion is within NEAR_RATIO. */
  /** `typed` when a type word came right before it ("Kabupaten Zzyzx"): surely meant as a place. */
  | { kind: "unknown"; text: string; suggestions: string[]; near: boolean; typed: boolean };

export function findMentions(tokens: string[], index: PlaceIndex, dataset: Dataset): Mention[] {
  return new Scan(tokens, index, dataset).run();
}

/** One message's scan. A class, so that no closures are made per message. */
class Scan {
  private readonly mentions: Mention[] = [];
  private typeFilter: TypeFilter = null;
  private lookups = 0;
  private readonly memo = new Map<string, FuzzyHit[]>();
  private suggested = false;

  constructor(
    private readonly tokens: string[],
    private readonly index: PlaceIndex,
    private readonly dataset: Dataset,
  ) {}

  run(): Mention[] {
    const { tokens } = this;
    let run: string[] = [];
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i] ?? "";
      const matched = this.exactAt(i);
      if (matched > 0) {
        this.resolveRun(run);
        run = [];
        const longer = this.extendExact(i, matched);
        const mention = longer ? longer.mention : this.exactMention(tokens.slice(i, i + matched).join(" "));
        if (mention) this.mentions.push(mention);
        this.typeFilter = null;
        i += longer ? longer.length : matched;
        continue;
      }
      const type = TYPE_WORDS.get(token);
      if (type) {
        this.resolveRun(run);
        run = [];
        // "kabupaten/kota" names no type at all.
        const next = TYPE_WORDS.get(tokens[i + 1] ?? "");
        this.typeFilter = next && next !== type ? null : type;
        i += next && next !== type ? 2 : 1;
        continue;
      }
      if (isLoose(token)) run.push(token);
      else {
        this.resolveRun(run);
        run = [];
        // A type word says what the words right after it are: "kabupaten yang menang" has none.
        this.typeFilter = null;
      }
      i++;
    }
    this.resolveRun(run);
    return this.mentions;
  }

  /** Words in the longest exact name starting at `start`, or 0. */
  private exactAt(start: number): number {
    const length = this.index.exactAt(this.tokens, start);
    // A single everyday word ("ham", "kota") is never a place on its own.
    return length === 1 && isIntentWord(this.tokens[start] ?? "") ? 0 : length;
  }

  private ofType(codes: string[]): string[] {
    const { typeFilter, dataset } = this;
    if (!typeFilter) return codes;
    const filtered = codes.filter((c) => dataset.regions.get(c)?.type === typeFilter);
    return filtered.length > 0 ? filtered : codes;
  }

  private exactMention(text: string): Mention | null {
    const entry = this.index.exact(text) ?? this.index.exact(squash(text));
    if (!entry) return null;
    const regions = this.ofType(entry.regions);
    const province = entry.provinces[0];
    if (province) {
      // "Jambi" is a province and a city; which one is meant depends on the question.
      if (this.typeFilter && regions.length === 1) return { kind: "region", code: regions[0] ?? "", text };
      return { kind: "province", code: province, text, alsoRegions: regions };
    }
    if (regions.length === 1) return { kind: "region", code: regions[0] ?? "", text };
    if (regions.length === 0) return null;
    // A shared name ("Bandung"): offer each, and the regions whose name extends it.
    const codes = this.typeFilter ? regions : [...new Set([...regions, ...this.index.extensions(text)])];
    return { kind: "ambiguous", codes: codes.slice(0, MAX_CHOICES), text };
  }

  /** "Ogan Komering Ulu Timr", "Musi Rawas Utra": an exact name followed by the rest of a longer one. */
  private extendExact(start: number, length: number): { mention: Mention; length: number } | null {
    const { tokens } = this;
    const extra: string[] = [];
    for (let k = start + length; k < tokens.length && extra.length < MAX_EXTENSION_WORDS; k++) {
      const token = tokens[k] ?? "";
      if (!isLoose(token) || this.exactAt(k) > 0) break;
      extra.push(token);
    }
    for (let n = extra.length; n >= 1; n--) {
      const text = [...tokens.slice(start, start + length), ...extra.slice(0, n)].join(" ");
      const mention = this.decide(text);
      if (mention?.kind === "region") return { mention, length: length + n };
    }
    return null;
  }

  /** Fuzzy hits within the edit budget (slack 0), or one edit past it for suggestions (slack 1). */
  private fuzzy(text: string, slack: 0 | 1 = 0): FuzzyHit[] {
    if (this.lookups >= MAX_FUZZY_LOOKUPS) return [];
    this.lookups++;
    const key = `${slack}${squash(text)}`;
    const known = this.memo.get(key);
    if (known) return known;
    const hits = slack === 0 ? this.index.fuzzy(text) : this.index.near(text);
    this.memo.set(key, hits);
    return hits;
  }

  /** A confident match: one name within the edit budget, or a tie between several (ask). */
  private decide(text: string): Mention | null {
    let hits = this.fuzzy(text).filter((h) => h.distance <= editBudget(h.length));
    const { typeFilter, dataset } = this;
    if (typeFilter) {
      const typed = hits.filter((h) => dataset.regions.get(h.code)?.type === typeFilter);
      if (typed.length > 0) hits = typed;
    }
    const top = hits[0];
    if (!top) return null;
    const best = hits.filter((h) => h.distance === top.distance);
    if (best.length === 1) {
      if (top.code.includes(".")) return { kind: "region", code: top.code, text };
      return { kind: "province", code: top.code, text, alsoRegions: [] };
    }
    const regions = best.filter((h) => h.code.includes(".")).map((h) => h.code);
    if (regions.length === 0) return null;
    return regions.length === 1
      ? { kind: "region", code: regions[0] ?? "", text }
      : { kind: "ambiguous", codes: regions.slice(0, MAX_CHOICES), text };
  }

  /** "Musi", "Ogan Komering": the first word(s) of several names (ask), or of one (take it). */
  private prefixMention(words: string[]): Mention | null {
    if (words.length > MAX_PREFIX_WORDS || NUMBER_WORDS.has(words[0] ?? "")) return null;
    const text = words.join(" ");
    const codes = this.ofType(this.index.prefixed(text));
    if (codes.length === 0) return null;
    return codes.length === 1
      ? { kind: "region", code: codes[0] ?? "", text }
      : { kind: "ambiguous", codes: codes.slice(0, MAX_CHOICES), text };
  }

  /** Only the first unrecognised words get suggestions: they are the ones a reply would name. */
  private unknownMention(words: string[]): Mention {
    const text = words.slice(0, MAX_SPAN_WORDS).join(" ");
    const looked = this.suggested ? [] : [...new Set(words.slice(0, MAX_SUGGESTION_WORDS))];
    this.suggested = true;
    const near = looked
      .flatMap((t) => this.fuzzy(t, 1))
      .filter((h) => h.code.includes(".") && h.distance <= editBudget(h.length) + 1)
      .filter((h) => h.distance / h.length <= SUGGEST_RATIO)
      .sort((a, b) => a.distance / a.length - b.distance / b.length);
    const suggestions = [...new Set(near.map((h) => h.code))].slice(0, MAX_SUGGESTIONS);
    const top = near[0];
    return {
      kind: "unknown",
      text,
      suggestions,
      near: top !== undefined && top.distance / top.length <= NEAR_RATIO,
      typed: this.typeFilter !== null,
    };
  }

  /** Words that matched nothing exactly: typos, first words of longer names, or not places at all. */
  private resolveRun(run: string[]): void {
    let start = 0;
    let leftover: string[] = [];
    while (start < run.length) {
      if (this.lookups >= MAX_FUZZY_LOOKUPS) {
        // A long rambling message: what is left is not looked at.
        leftover.push(...run.slice(start));
        break;
      }
      let found: Mention | null = null;
      let took = 0;
      for (let n = Math.min(MAX_SPAN_WORDS, run.length - start); n >= 1 && !found; n--) {
        const words = run.slice(start, start + n);
        // The first words of several names ("Musi", "Ogan Komering") ask which one, before any
        // typo match could read them as the one name they are closest to.
        found = this.prefixMention(words);
        // Several words are looked up together only when one of them is a word of some name
        // ("Musi Bnyuasn", "Ampat Lawang"), not for any two unknown words in a row.
        if (!found && (n === 1 || words.some((w) => this.index.nameWord(w)))) found = this.decide(words.join(" "));
        took = n;
      }
      if (!found) {
        leftover.push(run[start] ?? "");
        start++;
        continue;
      }
      if (leftover.length > 0) this.mentions.push(this.unknownMention(leftover));
      leftover = [];
      this.mentions.push(found);
      this.typeFilter = null;
      start += took;
    }
    if (leftover.length > 0) this.mentions.push(this.unknownMention(leftover));
  }
}

/** A word that may be (part of) a place name: not a known word, not a number, not a lone letter. */
function isLoose(token: string): boolean {
  return token.length > 1 && !isIntentWord(token) && !/^\d+$/.test(token);
}
