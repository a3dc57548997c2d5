/** Text → Question: intent, year, province scope and regions. Pure; indexes built once. */
import type { Dataset } from "../dataset/dataset.ts";
import { intentOf, languageAsked } from "./intent.ts";
import { ASK_WORDS, LIST_WORDS, TREND_WORDS } from "./lexicon.ts";
import { findMentions, type Mention } from "./mentions.ts";
import { tokenize } from "./normalize.ts";
import { createPlaceIndex } from "./place-index.ts";
import type { Intent, Question, RegionRef } from "./question.ts";

export interface UnderstandOptions {
  /** Province code used for lists and trends when the message names none. */
  homeProvince: string;
}

/**
 * What the message came with besides its words: a command such as /daftar already says which
 * kind of question it is.
 */
export interface Hint {
  intent?: Intent;
}

export type Understand = (text: string, hint?: Hint) => Question;

/** Longest question kept verbatim in a Question (and so in JSON); all of it is understood. */
const MAX_QUERY_KEPT = 500;
const YEAR = /^(19|20)\d{2}$/;

export function createUnderstand(dataset: Dataset, options: UnderstandOptions): Understand {
  const index = createPlaceIndex(dataset);
  const ref = (code: string): RegionRef => {
    const region = dataset.regions.get(code);
    if (!region) throw new Error(`unknown region ${code}`);
    return { code: region.code, name: region.name, province: region.province };
  };

  return (text, hint = {}) => {
    const whole = text.trim();
    const query = whole.slice(0, MAX_QUERY_KEPT);
    const tokens = tokenize(whole, (t) => index.exact(t) !== undefined);
    const year = yearIn(tokens);
    const mentions = findMentions(tokens, index, dataset);

    const regions: RegionRef[] = [];
    let ambiguous: RegionRef[] = [];
    let ambiguousText: string | null = null;
    let unknown: Extract<Mention, { kind: "unknown" }> | null = null;
    let province: string | null = null;
    let provinceAlso: string[] = [];
    let provinceText = "";
    const addRegion = (code: string) => {
      if (!regions.some((r) => r.code === code)) regions.push(ref(code));
    };
    for (const m of mentions) {
      if (m.kind === "region") addRegion(m.code);
      else if (m.kind === "province" && province === null) {
        province = m.code;
        provinceAlso = m.alsoRegions;
        provinceText = m.text;
      } else if (m.kind === "ambiguous" && ambiguous.length === 0) {
        ambiguous = m.codes.map(ref);
        ambiguousText = asTyped(whole, m.text);
      } else if (m.kind === "unknown" && (unknown === null || (!unknown.near && m.near))) unknown = m;
    }
    // "Jambi 2023", "Gorontalo": a name that is a province and a kab/kota means the kab/kota,
    // unless the message asks for a list or a trend ("siapa yang menang di Jambi").
    const scopeHinted = hint.intent === "winners" || hint.intent === "non_winners" || hint.intent === "trend";
    if (
      provinceAlso.length > 0 &&
      regions.length === 0 &&
      ambiguous.length === 0 &&
      !scopeHinted &&
      !asksForScope(tokens)
    ) {
      if (provinceAlso.length === 1) addRegion(provinceAlso[0] ?? "");
      else {
        ambiguous = provinceAlso.map(ref);
        ambiguousText = asTyped(whole, provinceText);
      }
      province = null;
    }

    let intent = intentOf(tokens, {
      places: regions.length + ambiguous.length,
      unrecognised: unknown === null ? "none" : unknown.near ? "near" : "far",
      unrecognisedTyped: unknown?.typed === true,
      province: province !== null,
      year: year !== null,
      wordless: query !== "",
    });
    if (hint.intent) {
      // A list of a region makes no sense: "/daftar OKU" asks about OKU.
      const listOfRegion =
        (hint.intent === "winners" || hint.intent === "non_winners") && province === null && regions.length > 0;
      intent = listOfRegion ? "status" : hint.intent;
    }
    // A place-like word that matched nothing is reported only where a place was asked for.
    const placeAsked =
      regions.length === 0 &&
      ambiguous.length === 0 &&
      (intent === "status" ||
        (intent === "trend" && unknown?.near === true) ||
        // A command's argument is always meant as a place: "/daftar Zzyzx", "/tren Zzyzx".
        hint.intent !== undefined);
    const unrecognised: Question["unrecognised"] =
      unknown && placeAsked ? { text: asTyped(whole, unknown.text), suggestions: unknown.suggestions.map(ref) } : null;

    const listy = intent === "winners" || intent === "non_winners" || intent === "trend";
    const provinceNamed = province !== null;
    if (intent === "trend" && regions.length > 0) province = regions[0]?.province ?? province;
    else if (listy && province === null) province = options.homeProvince;
    if (!listy && !provinceNamed) province = null;

    return {
      query,
      intent,
      year,
      province,
      provinceNamed,
      regions,
      ambiguous,
      ambiguousText,
      unrecognised,
      language: intent === "language" ? languageAsked(tokens) : null,
    };
  };
}

/** The words of a mention as the user typed them ("Musi" rather than "musi"), when they can be found. */
function asTyped(query: string, folded: string): string {
  const words = folded.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const found = new RegExp(words.join("[^\\p{L}\\p{N}]+"), "iu").exec(query);
  return found ? found[0] : folded;
}

/** Words that make a province name the scope of a list or trend rather than a city. */
function asksForScope(tokens: string[]): boolean {
  return tokens.some((t) => LIST_WORDS.has(t) || ASK_WORDS.has(t) || TREND_WORDS.has(t));
}

/**
 * The year asked about: the last one written, since a question comes after its preamble
 * ("saya menulis sejak 2019 … OKU 2024 menang?").
 */
function yearIn(tokens: string[]): number | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] ?? "";
    if (YEAR.test(t)) return Number(t);
  }
  // "thn 23", "'23": a two-digit year after a year word.
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const t = tokens[i] ?? "";
    if ((prev === "thn" || prev === "tahun" || prev === "th" || prev === "year") && /^\d{2}$/.test(t)) {
      return 2000 + Number(t);
    }
  }
  return null;
}
