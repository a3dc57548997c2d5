/**
 * Stage 2 of understanding: the mentions of a message → the places it asks about. Certain
 * regions in the order named, a province scope, and what is still open (a name that could be
 * several regions, a close guess, a place-like word that matched nothing). Names that are also
 * ordinary words ("batu", "padang") count only where the sentence treats them as places.
 */
import { squash } from "../dataset/fold.ts";
import type { Mention } from "./mentions.ts";
import { isOrdinaryWord } from "./ordinary.ts";
import { WORD_NAMES } from "./word-names.ts";

export interface Places {
  /** Region codes named with confidence, in order, without repeats. */
  regions: string[];
  /** A province named; `alsoRegions` when its name is also a kab/kota ("Jambi"). */
  province: { code: string; text: string; alsoRegions: string[] } | null;
  /** One name, several regions ("Musi"). */
  ambiguous: { text: string; codes: string[] } | null;
  /** A close match without a margin ("did you mean …?"). */
  guess: { text: string; code: string; town: boolean } | null;
  /** A place-like word that matched nothing. */
  unknown: { text: string; suggestions: string[]; near: boolean; typed: boolean } | null;
}

export interface PlaceContext {
  /** The message has a year, or an award, trend or list word: a place name in it is meant as a place. */
  placeSignal: boolean;
  /** Words in the message that are neither place names nor fillers. */
  otherWords: number;
  /** Words said twice in a row ("buru buru" = in a hurry): reduplication makes an ordinary word. */
  repeated: ReadonlySet<string>;
  /** The word right after a mention's text ("desa" after "kaur"). */
  after(text: string): string;
}

/** Words that make a name before them an ordinary noun ("kaur desa", "batu bata", "nasi padang"). */
const COMPOUND_HEADS: ReadonlySet<string> = new Set(["desa", "kelurahan", "bata", "kali", "rumput", "perang"]);

export function placesOf(mentions: readonly Mention[], context: PlaceContext): Places {
  const places: Places = { regions: [], province: null, ambiguous: null, guess: null, unknown: null };
  for (const m of mentions) {
    switch (m.kind) {
      case "region":
        if (isWordName(m, context)) break;
        if (!places.regions.includes(m.code)) places.regions.push(m.code);
        break;
      case "province":
        places.province ??= { code: m.code, text: m.text, alsoRegions: m.alsoRegions };
        break;
      case "ambiguous":
        places.ambiguous ??= { text: m.text, codes: m.codes };
        break;
      case "guess":
        // The town the asker lives in, or an everyday word that begins a name ("bener" → Bener
        // Meriah), is no question when another place is asked about.
        if ((m.origin || isOrdinaryWord(m.text)) && mentions.some((o) => o.kind === "region" && !o.origin)) break;
        places.guess ??= { text: m.text, code: m.code, town: m.town === true };
        break;
      case "unknown":
        if (places.unknown === null || (!places.unknown.near && m.near)) places.unknown = m;
        break;
    }
  }
  // "saya wartawan dari Palembang … apakah OKU Timur menang?": the place the asker is from is not
  // asked about when another is.
  const origins = new Set(mentions.flatMap((m) => (m.kind === "region" && m.origin ? [m.code] : [])));
  const asked = places.regions.filter((c) => !origins.has(c));
  if (origins.size > 0 && (asked.length > 0 || places.ambiguous || places.guess)) places.regions = asked;
  return places;
}

/** "batu bata", "padang rumput": an ordinary word, not Kota Batu or Kota Padang. */
function isWordName(m: Extract<Mention, { kind: "region" }>, context: PlaceContext): boolean {
  if (m.typed) return false;
  const words = m.text.split(" ");
  // The name itself, or a typo match that begins with one ("batu bata" is not Batu Bara).
  const head = words.some((_, n) => WORD_NAMES.has(squash(words.slice(0, n + 1).join(" "))));
  if (!head) return false;
  if (context.repeated.has(m.text) || COMPOUND_HEADS.has(context.after(m.text))) return true;
  return !context.placeSignal && context.otherWords > 0;
}
