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
import {
  DIRECTION_NAMES,
  DIRECTION_SHORT,
  ENGLISH_DIRECTIONS,
  isIntentWord,
  NUMBER_WORDS,
  TYPE_WORDS,
} from "./lexicon.ts";
import { isOrdinaryWord, nearOrdinaryWord } from "./ordinary.ts";
import { editBudget, type FuzzyHit, type PlaceIndex } from "./place-index.ts";
import {
  CONFIDENT_GAP,
  CONFIDENT_MIN_LETTERS,
  MAX_CHOICES,
  MAX_EXTENSION_WORDS,
  MAX_FUZZY_LOOKUPS,
  MAX_PREFIX_WORDS,
  MAX_SPAN_WORDS,
  MAX_SUGGESTION_WORDS,
  MAX_SUGGESTIONS,
  NEAR_RATIO,
  SUGGEST_RATIO,
} from "./tuning.ts";

type TypeFilter = "kabupaten" | "kota" | null;

export type Mention =
  /** `typed` when a type word said which kind of region ("Kota Batu", "Bandung Regency"). */
  /** `origin` when it follows "dari"/"from" ("saya wartawan dari Palembang"): where the asker is from. */
  | { kind: "region"; code: string; text: string; typed: boolean; exact: boolean; origin?: boolean }
  /** A close match without a clear margin, or a town in a region: the bot asks "did you mean …?". */
  | { kind: "guess"; code: string; text: string; town?: boolean; origin?: boolean }
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
  /** Where the last exact mention ended (a token index). */
  private lastEnd = -1;
  /** The type word as typed right before the current run ("kota" in "kota pempekk"). */
  private typeToken: string | null = null;
  private lookups = 0;
  private readonly memo = new Map<string, FuzzyHit[]>();
  private suggested = false;

  private readonly tokens: string[];

  constructor(
    tokens: string[],
    private readonly index: PlaceIndex,
    private readonly dataset: Dataset,
  ) {
    this.tokens = expandDirections(tokens, index);
  }

  run(): Mention[] {
    const { tokens } = this;
    let run: string[] = [];
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i] ?? "";
      const matched = this.exactAt(i);
      const joined = matched > 0 && run.length > 0 ? this.joinBefore(run, i, matched) : null;
      if (joined) {
        this.resolveRun(run.slice(0, run.length - joined.before));
        run = [];
        this.mentions.push(joined.mention);
        this.typeFilter = null;
        i += joined.length;
        continue;
      }
      if (matched > 0) {
        this.resolveRun(run);
        run = [];
        // "OKU Utara", "OKI Timur", "OKU Raya": a name and a direction word that together name
        // nothing is not the name alone; it is reported, with the names it may have meant.
        const doubt = this.directionDoubt(i, matched);
        if (doubt) {
          this.mentions.push(doubt);
          this.typeFilter = null;
          i += matched + 1;
          continue;
        }
        const longer = this.extendExact(i, matched);
        let length = longer ? longer.length : matched;
        // "Bandung Regency", "Malang City": a type word right after a shared name says which.
        const after = TYPE_WORDS.get(tokens[i + length] ?? "");
        if (!longer && after && !this.typeFilter && this.sharedByType(tokens.slice(i, i + matched).join(" "))) {
          this.typeFilter = after;
          length++;
        }
        const mention = longer ? longer.mention : this.exactMention(tokens.slice(i, i + matched).join(" "));
        if (mention) this.pushRegionAt(mention, i, i + length, longer !== null);
        this.typeFilter = null;
        i += length;
        continue;
      }
      const type = TYPE_WORDS.get(token);
      // "Lima Puluh Kta", "alima puluh kota": a misspelt name that ends with a type word.
      const ending = type && run.length > 0 ? this.endingWithType(run, token) : null;
      if (ending) {
        this.resolveRun(run.slice(0, run.length - ending.before));
        run = [];
        this.mentions.push(ending.mention);
        this.typeFilter = null;
        i++;
        continue;
      }
      if (type) {
        this.resolveRun(run);
        run = [];
        // "kabupaten/kota" names no type at all; "Regency of Bandung", "the City of Malang".
        const next = TYPE_WORDS.get(tokens[i + 1] ?? "");
        this.typeFilter = next && next !== type ? null : type;
        this.typeToken = next ? null : token;
        i += next && next !== type ? 2 : 1;
        if (tokens[i] === "of") i++;
        continue;
      }
      // A digit for a number word may begin a name ("4 Lawang"); name words that are also everyday
      // words join a run already started ("gununy mas").
      const digitName = /^[1-9]$/.test(token) && isLoose(tokens[i + 1] ?? "");
      if (isLoose(token) || digitName || (run.length > 0 && this.index.nameWord(token) && !TYPE_WORDS.has(token))) {
        run.push(token);
      } else {
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

  /**
   * "Ogan Komering Ulu (OKU) Selatn": a misspelt longer name right after the name it goes on from
   * is that longer name, not both ("OKU, OKUT, OKUS", all exact, stay three).
   */
  private pushRegionAt(mention: Mention, start: number, end: number, extended: boolean): void {
    const previous = this.mentions.at(-1);
    if ((mention.kind === "region" || mention.kind === "guess") && isOrigin(this.tokens, start)) mention.origin = true;
    if (
      extended &&
      mention.kind === "region" &&
      previous?.kind === "region" &&
      this.lastEnd === start &&
      previous.code !== mention.code
    ) {
      const before = this.dataset.regions.get(previous.code)?.baseName ?? "";
      const after = this.dataset.regions.get(mention.code)?.baseName ?? "";
      if (before && after.startsWith(`${before} `)) {
        this.mentions.pop();
        this.mentions.push({ ...mention, text: `${previous.text} ${mention.text}` });
        this.lastEnd = end;
        return;
      }
    }
    this.mentions.push(mention);
    this.lastEnd = end;
  }

  /** An exact name followed by a direction word with which it names nothing, as an unknown mention. */
  private directionDoubt(start: number, length: number): Mention | null {
    const { tokens } = this;
    const direction = tokens[start + length] ?? "";
    if (!DIRECTION_WORDS.has(direction)) return null;
    const name = tokens.slice(start, start + length).join(" ");
    const entry = this.index.exact(name);
    if (!entry || entry.provinces.length > 0 || this.index.exact(`${name} ${direction}`)) return null;
    const text = `${name} ${direction}`;
    const near = this.fuzzy(text, 1).filter((h) => h.code.includes(".") && h.distance <= editBudget(h.length) + 1);
    const suggestions = [...new Set([...near.map((h) => h.code), ...this.index.extensions(name), ...entry.regions])];
    return { kind: "unknown", text, suggestions: suggestions.slice(0, MAX_SUGGESTIONS), near: true, typed: false };
  }

  /** A name that is both a kabupaten and a kota ("bandung"), so a type word decides. */
  private sharedByType(text: string): boolean {
    const entry = this.index.exact(text) ?? this.index.exact(squash(text));
    if (!entry) return false;
    const types = new Set(entry.regions.map((c) => this.dataset.regions.get(c)?.type));
    return types.size > 1;
  }

  private region(code: string, text: string, exact: boolean): Mention {
    return { kind: "region", code, text, typed: this.typeFilter !== null, exact };
  }

  private exactMention(text: string): Mention | null {
    const entry = this.index.exact(text) ?? this.index.exact(squash(text));
    if (!entry) return null;
    // "Indralaya" is Ogan Ilir's seat, not a region: ask, never answer for it.
    if (entry.town) {
      return entry.regions.length === 1
        ? { kind: "guess", code: entry.regions[0] ?? "", text, town: true }
        : { kind: "ambiguous", codes: entry.regions.slice(0, MAX_CHOICES), text };
    }
    const regions = this.ofType(entry.regions);
    const province = entry.provinces[0];
    if (province) {
      // "Jambi" is a province and a city; which one is meant depends on the question.
      if (this.typeFilter && regions.length === 1) return this.region(regions[0] ?? "", text, true);
      return { kind: "province", code: province, text, alsoRegions: regions };
    }
    if (regions.length === 1) return this.region(regions[0] ?? "", text, true);
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
      if (mention?.kind === "region" || mention?.kind === "guess") return { mention, length: length + n };
    }
    return null;
  }

  /**
   * "Lebuhan Batu Utara": a misspelt first word before a name that is itself exact ("Batu") is
   * part of a longer name. Tried with the word after too, longest first; only a match that is
   * another region than the exact name alone is taken.
   */
  private joinBefore(
    run: string[],
    start: number,
    matched: number,
  ): { mention: Mention; before: number; length: number } | null {
    const { tokens } = this;
    const exact = this.index.exact(tokens.slice(start, start + matched).join(" "));
    const next = tokens[start + matched] ?? "";
    const tails = isLoose(next) && this.exactAt(start + matched) === 0 ? [1, 0] : [0];
    for (let before = Math.min(3, run.length); before >= 1; before--) {
      for (const tail of tails) {
        const words = [...run.slice(run.length - before), ...tokens.slice(start, start + matched + tail)];
        const mention = this.decide(words.join(" "));
        if (mention?.kind !== "region" && mention?.kind !== "guess") continue;
        // "pdaang sidimpuan": the misspelt word was part of the very name that matched exactly.
        if (exact?.regions.includes(mention.code)) {
          if (tail > 0) continue;
          return { mention: this.region(mention.code, words.join(" "), true), before, length: matched };
        }
        return { mention, before, length: matched + tail };
      }
    }
    return null;
  }

  /**
   * "Kota Pempekk": a misspelt name that begins with its type word (an alias such as "Kota
   * Pempek") is looked up with the type word. Returns how many words of the run it took.
   */
  private typedName(run: string[]): number {
    const type = this.typeToken;
    if (!type || run.length === 0) return 0;
    for (let n = Math.min(2, run.length); n >= 1; n--) {
      const filter = this.typeFilter;
      this.typeFilter = null;
      const mention = this.decide([type, ...run.slice(0, n)].join(" "));
      this.typeFilter = filter;
      if (mention?.kind === "region" || mention?.kind === "guess") {
        this.mentions.push(mention);
        return n;
      }
    }
    return 0;
  }

  /** The last one or two words of a run with the type word after them, as one misspelt name. */
  private endingWithType(run: string[], typeWord: string): { mention: Mention; before: number } | null {
    for (let before = Math.min(2, run.length); before >= 1; before--) {
      const words = [...run.slice(run.length - before), typeWord];
      const named = words.slice(0, -1).some((w) => this.index.nameWord(w));
      if (!named && !(before === 1 && (words[0] ?? "").length >= 6)) continue;
      const mention = this.decide(words.join(" "));
      if (mention?.kind === "region" || mention?.kind === "guess") return { mention, before };
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

  /**
   * A typo match. Taken as the place only with a margin: within the edit budget, long enough,
   * a clear gap to the runner-up, and no ordinary word as close. A close match without that
   * margin becomes a guess ("did you mean …?"); a tie between several names asks which one.
   */
  private decide(text: string): Mention | null {
    let hits = this.fuzzy(text).filter((h) => h.distance <= editBudget(h.length));
    const { typeFilter, dataset } = this;
    if (typeFilter) {
      const typed = hits.filter((h) => !h.code.includes(".") || dataset.regions.get(h.code)?.type === typeFilter);
      if (typed.some((h) => h.code.includes("."))) hits = typed;
    }
    const top = hits[0];
    if (!top) return null;
    const best = hits.filter((h) => h.distance === top.distance);
    if (best.length === 1) {
      if (!top.code.includes(".")) return { kind: "province", code: top.code, text, alsoRegions: [] };
      return this.hasMargin(text, top, hits)
        ? this.region(top.code, text, false)
        : { kind: "guess", code: top.code, text };
    }
    const regions = best.filter((h) => h.code.includes(".")).map((h) => h.code);
    if (regions.length === 0) return null;
    return regions.length === 1
      ? { kind: "guess", code: regions[0] ?? "", text }
      : { kind: "ambiguous", codes: regions.slice(0, MAX_CHOICES), text };
  }

  /** Exact-but-squashed matches always; typos only with room to spare. */
  private hasMargin(text: string, top: FuzzyHit, hits: FuzzyHit[]): boolean {
    if (top.distance === 0) return true;
    if (squash(text).length < CONFIDENT_MIN_LETTERS) return false;
    const runnerUp = hits.find((h) => h.code !== top.code);
    if (runnerUp && runnerUp.distance - top.distance < CONFIDENT_GAP) return false;
    // One word that is itself an ordinary word ("makan") was not meant as a place.
    if (!text.includes(" ") && isOrdinaryWord(text)) return false;
    return !nearOrdinaryWord(squash(text), top.distance);
  }

  /** "Musi", "Ogan Komering": the first word(s) of several names (ask), or of one (take it). */
  private prefixMention(words: string[]): Mention | null {
    if (words.length > MAX_PREFIX_WORDS || NUMBER_WORDS.has(words[0] ?? "")) return null;
    const text = words.join(" ");
    const codes = this.ofType(this.index.prefixed(text));
    if (codes.length === 0) return null;
    if (codes.length > 1) return { kind: "ambiguous", codes: codes.slice(0, MAX_CHOICES), text };
    // "sungai" (river) begins only Sungai Penuh: an everyday word is at most a guess.
    return isOrdinaryWord(text)
      ? { kind: "guess", code: codes[0] ?? "", text }
      : this.region(codes[0] ?? "", text, false);
  }

  /**
   * "Lawang", "Komering Ilir": the last words of a name, without its first. A guess when they end
   * one name, a choice among a few; never a direction or an everyday word ("utara", "jaya").
   */
  private tailMention(words: string[]): Mention | null {
    const text = words.join(" ");
    const last = words.at(-1) ?? "";
    if ((words.length === 1 && last.length < 4) || DIRECTION_TAILS.has(last)) return null;
    if (words.some((w) => isOrdinaryWord(w))) return null;
    const codes = this.ofType(this.index.tailed(text));
    if (codes.length === 0 || codes.length > MAX_SUGGESTIONS) return null;
    return codes.length === 1 ? { kind: "guess", code: codes[0] ?? "", text } : { kind: "ambiguous", codes, text };
  }

  /** Only the first unrecognised words get suggestions: they are the ones a reply would name. */
  private unknownMention(all: string[]): Mention | null {
    // Ordinary words and chat ("wkwk", "makan") are never reported as an unknown place.
    const words = all.filter((w) => !isOrdinaryWord(w));
    if (words.length === 0) return null;
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
    let start = this.typedName(run);
    this.typeToken = null;
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
        found = this.prefixMention(words) ?? this.tailMention(words);
        // Several words are looked up together only when one of them is a word of some name
        // ("Musi Bnyuasn", "Ampat Lawang"), not for any two unknown words in a row.
        // Ordinary words alone cost no lookup: a long chat keeps the budget for the question.
        const worth = n === 1 ? !isOrdinaryWord(words[0] ?? "") : words.some((w) => this.index.nameWord(w));
        if (!found && worth) found = this.decide(words.join(" "));
        took = n;
      }
      if (!found) {
        leftover.push(run[start] ?? "");
        start++;
        continue;
      }
      this.pushUnknown(leftover);
      leftover = [];
      this.mentions.push(found);
      this.typeFilter = null;
      start += took;
    }
    this.pushUnknown(leftover);
  }

  private pushUnknown(words: string[]): void {
    if (words.length === 0) return;
    const mention = this.unknownMention(words);
    if (mention) this.mentions.push(mention);
  }
}

/** A word that may be (part of) a place name: not a known word, not a number, not a lone letter. */
function isLoose(token: string): boolean {
  return token.length > 1 && !isIntentWord(token) && !/^\d+$/.test(token);
}

/**
 * "OKU Sel" → "oku selatan", "Aceh Tgr" → "aceh tenggara": a shortened direction word right after
 * a word that some name goes on from with the full word. A short form that could be two words
 * ("tng": tengah or tenggara) is expanded only when the names allow just one.
 */
function expandDirections(tokens: string[], index: PlaceIndex): string[] {
  let out: string[] | null = null;
  // "North Musi Rawas", "East OKU": an English direction before the name goes after it.
  for (let i = 0; i < tokens.length - 1; i++) {
    const full = ENGLISH_DIRECTIONS.get((out ?? tokens)[i] ?? "");
    if (!full) continue;
    const current: string[] = out ?? tokens;
    const length = index.exactAt(current, i + 1);
    // "Central Jakarta" is itself an alias (Jakarta Pusat): names as written come first.
    if (length === 0 || index.exactAt(current, i) > length) continue;
    out = [...current.slice(0, i), ...current.slice(i + 1, i + 1 + length), full, ...current.slice(i + 1 + length)];
    i += length;
  }
  tokens = out ?? tokens;
  out = null;
  for (let i = 1; i < tokens.length; i++) {
    const full = DIRECTION_SHORT.get(tokens[i] ?? "");
    if (!full) continue;
    const previous = tokens[i - 1] ?? "";
    const fits = full.filter((word) => index.continues(previous, word.split(" ")[0] ?? word));
    if (fits.length !== 1) continue;
    out ??= [...tokens];
    out.splice(i, 1, ...(fits[0] ?? "").split(" "));
  }
  return out ?? tokens;
}

/** Words after a name that would make a longer one; "raya" (the greater area) is read the same way. */
const DIRECTION_WORDS: ReadonlySet<string> = new Set([...DIRECTION_NAMES.filter((d) => !d.includes(" ")), "raya"]);

/** Last words of many names that say nothing about which one. */
const DIRECTION_TAILS: ReadonlySet<string> = new Set([
  ...DIRECTION_WORDS,
  ...["daya", "laut", "kepulauan", "jaya", "baru", "kota", "pusat", "induk", "besar"],
]);

/** Words before a place that say where the asker is from, not what is asked about. */
const ORIGIN_WORDS: ReadonlySet<string> = new Set(["dari", "from", "asal", "orang", "warga", "hometown"]);
/** "tinggal di Lahat", "I live in Baturaja": where the asker lives. */
const LIVING_WORDS: ReadonlySet<string> = new Set(["tinggal", "domisili", "live", "lives", "living", "based"]);

/** The place at `start` is where the asker is from or lives ("saya dari Palembang", "my hometown is Lahat"). */
function isOrigin(tokens: readonly string[], start: number): boolean {
  const before = tokens[start - 1] ?? "";
  if (ORIGIN_WORDS.has(before)) return true;
  if ((before === "di" || before === "in" || before === "is") && LIVING_WORDS.has(tokens[start - 2] ?? "")) return true;
  return before === "is" && tokens[start - 2] === "hometown";
}
