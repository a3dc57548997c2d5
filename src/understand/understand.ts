/** Text → Question: intent, year, province scope and regions. Pure; indexes built once. */
import type { Dataset } from "../dataset/dataset.ts";
import { intentOf, languageAsked } from "./intent.ts";
import { findMentions } from "./mentions.ts";
import { normalize } from "./normalize.ts";
import { createPlaceIndex } from "./place-index.ts";
import type { Question, RegionRef } from "./question.ts";

export interface UnderstandOptions {
  /** Province code used for lists and trends when the message names none. */
  homeProvince: string;
}

export type Understand = (text: string) => Question;

/** Longest question kept verbatim in a Question (and so in logs and JSON). */
const MAX_QUERY_KEPT = 500;
const YEAR = /^(19|20)\d{2}$/;

export function createUnderstand(dataset: Dataset, options: UnderstandOptions): Understand {
  const index = createPlaceIndex(dataset);
  const ref = (code: string): RegionRef => {
    const region = dataset.regions.get(code);
    if (!region) throw new Error(`unknown region ${code}`);
    return { code: region.code, name: region.name, province: region.province };
  };

  return (text) => {
    const query = text.trim().slice(0, MAX_QUERY_KEPT);
    const folded = normalize(query);
    const tokens = folded === "" ? [] : folded.split(" ");
    const year = yearIn(tokens);
    const mentions = findMentions(tokens, index, dataset);

    const regions: RegionRef[] = [];
    let ambiguous: RegionRef[] = [];
    let unrecognised: Question["unrecognised"] = null;
    let province: string | null = null;
    let provinceAlsoRegion: string | null = null;
    for (const m of mentions) {
      if (m.kind === "region" && !regions.some((r) => r.code === m.code)) regions.push(ref(m.code));
      else if (m.kind === "province" && province === null) {
        province = m.code;
        provinceAlsoRegion = m.alsoRegion;
      } else if (m.kind === "ambiguous" && ambiguous.length === 0) ambiguous = m.codes.map(ref);
      else if (m.kind === "unknown" && unrecognised === null)
        unrecognised = { text: m.text, suggestions: m.suggestions.map(ref) };
    }

    let intent = intentOf(tokens, {
      regions: regions.length + ambiguous.length + (unrecognised ? 1 : 0),
      province: province !== null,
      year: year !== null,
    });
    // "Jambi 2023": with nothing asking for a list or a trend, a name that is both a province
    // and a city means the city.
    if (intent === "status" && provinceAlsoRegion && regions.length === 0 && ambiguous.length === 0) {
      regions.push(ref(provinceAlsoRegion));
      province = null;
    }
    // A province named with a status question ("Apakah Jatim menang 2023?") asks for its list.
    if (intent === "status" && regions.length === 0 && ambiguous.length === 0 && !unrecognised && province) {
      intent = "winners";
    }
    // A place-like word that matched nothing is only reported when the message asks about a place.
    if (unrecognised && (intent === "help" || intent === "language")) unrecognised = null;

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
      unrecognised,
      language: intent === "language" ? languageAsked(tokens) : null,
    };
  };
}

function yearIn(tokens: string[]): number | null {
  for (const t of tokens) if (YEAR.test(t)) return Number(t);
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
