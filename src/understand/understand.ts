/**
 * Text → Request | Clarification, in small pure stages, each returning a small record:
 *   1. read      — tokens, the year asked about (`tokens.ts`, `years.ts`)
 *   2. mentions  — every place-like phrase (`mentions.ts`), then the places asked about (`places.ts`)
 *   3. kind      — which kind of question, a command's hint applied once (`kind.ts`)
 *   4. scope     — the Request, or what to ask the user instead (here)
 * Indexes are built once, in createUnderstand; a message costs lookups, not index builds.
 */
import type { Dataset } from "../dataset/dataset.ts";
import { type Hint, isNegated, type Kind, kindOf } from "./kind.ts";
import {
  ASK_WORDS,
  DIRECTION_SHORT,
  ENGLISH_DIRECTIONS,
  EXCLUDE_WORDS,
  isIntentWord,
  LIST_WORDS,
  PROVINCIAL_WORDS,
  phraseValue,
  RECORD_WORDS,
  TREND_WORDS,
  WIN_VERBS,
  WIN_WORDS,
} from "./lexicon.ts";
import { findMentions } from "./mentions.ts";
import { tokenize } from "./normalize.ts";
import { isFunctionWord, prepareOrdinaryWords } from "./ordinary.ts";
import { createPlaceIndex } from "./place-index.ts";
import { type Places, placesOf } from "./places.ts";
import type { RegionAsk, RegionRef, Understood } from "./request.ts";
import { MAX_QUERY_KEPT } from "./tuning.ts";
import { type YearBounds, yearIn, yearsIn } from "./years.ts";

export type { Hint };

export interface UnderstandOptions {
  /** Province code used for lists and trends when the message names none. */
  homeProvince: string;
  /** The clock, for "tahun ini" / "this year". Injected so tests fix the date. */
  now?: () => Date;
}

export interface Reading {
  /** The message as typed (trimmed, bounded in length). */
  query: string;
  understood: Understood;
}

export type Understand = (text: string, hint?: Hint) => Reading;

export function createUnderstand(dataset: Dataset, options: UnderstandOptions): Understand {
  const index = createPlaceIndex(dataset);
  const firstRound = Math.min(...dataset.rounds.keys());
  const now = options.now ?? (() => new Date());
  prepareOrdinaryWords(); // the word lists and their index now, not on the first message
  const ref = (code: string): RegionRef => {
    const region = dataset.regions.get(code);
    if (!region) throw new Error(`unknown region ${code}`);
    const provinceName = dataset.provinces.get(region.province)?.name ?? region.province;
    return { code: region.code, name: region.name, province: region.province, provinceName };
  };

  return (text, hint) => {
    const whole = text.trim();
    const query = whole.slice(0, MAX_QUERY_KEPT);
    // 1. read
    const tokens = tokenize(whole, (t) => index.exact(t) !== undefined);
    const year = yearIn(tokens, now().getFullYear(), whole);
    const bounds: YearBounds = { first: firstRound, last: now().getFullYear() };
    // 2. mentions → places
    const mentions = findMentions(tokens, index, dataset);
    const placeWords = new Set(
      mentions.flatMap((m) => (m.kind === "unknown" || m.kind === "guess" ? [] : m.text.split(" "))),
    );
    const placeSignal =
      year !== null ||
      tokens.some((t) => WIN_WORDS.has(t) || TREND_WORDS.has(t) || LIST_WORDS.has(t) || RECORD_WORDS.has(t));
    const unknownWords = new Set(mentions.flatMap((m) => (m.kind === "unknown" ? m.text.split(" ") : [])));
    const guessWords = new Set(mentions.flatMap((m) => (m.kind === "guess" ? m.text.split(" ") : [])));
    const content = tokens.filter((t) => !placeWords.has(t) && !guessWords.has(t) && !isFiller(t));
    const places = placesOf(mentions, {
      placeSignal,
      // A guess ("sungai") is no sign that an ordinary-word name next to it ("batu") is a place.
      otherWords: tokens.filter((t) => !placeWords.has(t) && !isFiller(t)).length,
      // "buru-buru", "buru buru" (said twice, with a space or a hyphen; "lahat, lahat" is two mentions).
      repeated: new Set([...whole.matchAll(/(\p{L}+)[\s-]+\1(?!\p{L})/giu)].map((m) => (m[1] ?? "").toLowerCase())),
      after: (text) => tokens[tokens.indexOf(text.split(" ").at(-1) ?? "") + 1] ?? "",
    });
    // "selain Palembang, siapa lagi yang menang": the place named is left out, not asked about.
    const asked = tokens.some((t) => EXCLUDE_WORDS.has(t))
      ? { ...places, regions: [], guess: null, ambiguous: null, unknown: null }
      : places;
    // 3. kind (Jambi: a province that is also a city means the city, unless a scope is asked for)
    const cityOfProvince = provinceAsCity(asked, tokens, hint);
    // A place named with nothing else to say, or with a word about the award, asks about it;
    // "cuaca besok palembang" names a place and asks something else. A word that matched nothing
    // counts as a place asked about only when it is all the message says ("Plembangg").
    const placeQuestion = placeSignal || content.length === 0;
    const unknownQuestion = placeSignal || (content.length === 1 && unknownWords.has(content[0] ?? ""));
    const kind = kindOf({
      tokens,
      places: cityOfProvince,
      year,
      wordless: query !== "",
      hint,
      placeQuestion,
      unknownQuestion,
      content: content.filter((t) => !unknownWords.has(t)).length,
      contentAll: content.length,
      years: Math.max(yearsIn(tokens, bounds).length, year === null ? 0 : 1),
    });
    // 4. scope
    return {
      query,
      understood: scope(kind, cityOfProvince, year, { whole, tokens, bounds, ref, home: options.homeProvince }),
    };
  };
}

interface ScopeContext {
  whole: string;
  tokens: readonly string[];
  bounds: YearBounds;
  ref: (code: string) => RegionRef;
  home: string;
}

/** Stage 4: the Request for a kind of question and the places named, or what to ask instead. */
function scope(kind: Kind, places: Places, year: number | null, ctx: ScopeContext): Understood {
  const { ref } = ctx;
  const regions = places.regions.map(ref);
  const province = places.province?.code ?? null;
  switch (kind.kind) {
    case "status":
    case "record":
    case "trend": {
      const ask: RegionAsk =
        kind.kind === "status"
          ? { kind: "status", year, with: regions }
          : kind.kind === "record"
            ? { kind: "record", focus: kind.focus }
            : { kind: "trend" };
      const open = openPlace(places, ask, ctx);
      if (open && (regions.length === 0 || kind.kind === "status")) return open;
      const first = regions[0];
      if (kind.kind === "trend") return { kind: "trend", scope: first?.code ?? province ?? ctx.home };
      if (!first) return { kind: "not_understood" };
      if (kind.kind === "record") return { kind: "record", region: first, focus: kind.focus };
      const years = yearsIn(ctx.tokens, ctx.bounds);
      return years.length > 0 ? { kind: "status", regions, year, years } : { kind: "status", regions, year };
    }
    case "list": {
      const open = openPlace(places, { kind: "status", year, with: regions }, ctx);
      if (regions.length > 0) return { kind: "status", regions, year };
      // "cara daftar cpns": a word that is no place and not near one makes it another question.
      if (open?.kind === "not_recognised" && !places.unknown?.near && !places.unknown?.typed && !province) {
        return { kind: "not_understood" };
      }
      if (open && !province) return open;
      return { kind: "list", mode: kind.mode, province: province ?? ctx.home, year };
    }
    case "provincial":
      return { kind: "provincial", province: province ?? regions[0]?.province ?? ctx.home, year, office: kind.office };
    case "none":
      return { kind: "not_understood" };
    default:
      // Every other kind is already its whole Request (kind.ts).
      return kind;
  }
}

/** What is still open about the place: which one, did you mean, or not recognised. */
function openPlace(places: Places, ask: RegionAsk, ctx: ScopeContext): Understood | null {
  if (places.ambiguous) {
    return {
      kind: "choose",
      text: asTyped(ctx.whole, places.ambiguous.text),
      candidates: places.ambiguous.codes.map(ctx.ref),
      ask,
    };
  }
  if (places.guess) {
    return {
      kind: "confirm",
      text: asTyped(ctx.whole, places.guess.text),
      guess: ctx.ref(places.guess.code),
      ask,
      town: places.guess.town,
    };
  }
  if (places.unknown && places.regions.length === 0) {
    return {
      kind: "not_recognised",
      text: asTyped(ctx.whole, places.unknown.text),
      suggestions: places.unknown.suggestions.map(ctx.ref),
      ask,
    };
  }
  return null;
}

/**
 * "Jambi 2023", "Gorontalo": a name that is a province and a kab/kota means the kab/kota,
 * unless the message asks for a list or a trend ("siapa yang menang di Jambi").
 */
function provinceAsCity(places: Places, tokens: readonly string[], hint: Hint | undefined): Places {
  const also = places.province?.alsoRegions ?? [];
  if (also.length === 0 || places.regions.length > 0 || places.ambiguous || places.guess) return places;
  if (hint?.kind === "list" || hint?.kind === "trend") return places;
  if (tokens.some((t) => LIST_WORDS.has(t) || ASK_WORDS.has(t) || TREND_WORDS.has(t)) || isNegated(tokens))
    return places;
  // "Bengkulu province", "provinsi Jambi": the province itself.
  if (tokens.includes("provinsi") || tokens.includes("province") || tokens.includes("prov")) return places;
  // "gubernur bengkulu": an office of the province; "yang menang di bengkulu": its winners.
  if (phraseValue(tokens, PROVINCIAL_WORDS)) return places;
  if (tokens.some((t, i) => t === "yang" && WIN_VERBS.has(tokens[i + 1] ?? ""))) return places;
  const text = places.province?.text ?? "";
  return also.length === 1
    ? { ...places, province: null, regions: [also[0] ?? ""] }
    : { ...places, province: null, ambiguous: { text, codes: also } };
}

/** The words of a mention as the user typed them ("Musi" rather than "musi"), when they can be found. */
function asTyped(query: string, folded: string): string {
  const words = folded.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const found = new RegExp(words.join("[^\\p{L}\\p{N}]+"), "iu").exec(query);
  return found ? found[0] : folded;
}

/** Words that carry no content of their own around a name ("di", "ya", "OKU Sel"). */
function isFiller(token: string): boolean {
  if (CONTENT_WORDS.has(token)) return false;
  return (
    isFunctionWord(token) ||
    isIntentWord(token) ||
    DIRECTION_SHORT.has(token) ||
    // "North Jakarta": the English direction word is part of the name (mentions.ts moves it).
    ENGLISH_DIRECTIONS.has(token) ||
    /^\d+$/.test(token) ||
    token.length < 2
  );
}

/** Words of the lexicon that ask about something other than the award ("siapa bupati OKU"). */
const CONTENT_WORDS = new Set([
  ...["bupati", "walikota", "wali", "gubernur", "camat", "presiden", "menteri", "penduduk"],
  // "tanah datar semua di sini": a place word with "here" describes where one is.
  ...["sini", "situ", "sana", "here"],
]);
