/**
 * Finds the places a message names: exact names and aliases first (longest match wins, so
 * "OKU Timur" is not "OKU"), then fuzzy search over what is left, with a calibrated cutoff.
 */
import type { Dataset } from "../dataset/dataset.ts";
import { isIntentWord, TYPE_WORDS } from "./lexicon.ts";
import type { PlaceIndex } from "./place-index.ts";

/** A fuzzy top hit at or below this score is taken without asking. */
export const ACCEPT_SCORE = 0.2;
/** Hits up to this score are offered as choices. */
export const ASK_SCORE = 0.42;
/** Hits within this distance of the top hit are offered alongside it. */
export const CLOSE_MARGIN = 0.08;
/** Suggestions for an unrecognised name may be this far off. */
export const SUGGEST_SCORE = 0.6;
/** Fuzzy search only looks at runs of at most this many words. */
const MAX_RUN_WORDS = 4;
const MAX_CHOICES = 6;

export type Mention =
  | { kind: "region"; code: string; text: string }
  | { kind: "province"; code: string; text: string; alsoRegion: string | null }
  | { kind: "ambiguous"; codes: string[]; text: string }
  | { kind: "unknown"; text: string; suggestions: string[] };

export function findMentions(tokens: string[], index: PlaceIndex, dataset: Dataset): Mention[] {
  const mentions: Mention[] = [];
  let typeFilter: "kabupaten" | "kota" | null = null;
  let run: string[] = [];

  const flushRun = () => {
    if (run.length > 0 && run.length <= MAX_RUN_WORDS) {
      const mention = fuzzyMention(run.join(" "), typeFilter, index, dataset);
      if (mention) mentions.push(mention);
    }
    run = [];
  };

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? "";
    const matched = exactAt(tokens, i, index);
    if (matched) {
      flushRun();
      const mention = exactMention(matched.text, typeFilter, index, dataset);
      if (mention) mentions.push(mention);
      typeFilter = null;
      i += matched.length;
      continue;
    }
    const type = TYPE_WORDS[token];
    if (type) {
      flushRun();
      // "kabupaten/kota" names no type at all.
      const next = TYPE_WORDS[tokens[i + 1] ?? ""];
      typeFilter = next && next !== type ? null : type;
      if (next && next !== type) i++;
      i++;
      continue;
    }
    if (isIntentWord(token) || /^\d+$/.test(token)) {
      flushRun();
      i++;
      continue;
    }
    run.push(token);
    i++;
  }
  flushRun();
  return mentions;
}

function exactAt(tokens: string[], start: number, index: PlaceIndex): { text: string; length: number } | null {
  for (let n = Math.min(index.maxWords, tokens.length - start); n >= 1; n--) {
    const words = tokens.slice(start, start + n);
    // A single everyday word ("ham", "kota") is never a place on its own.
    if (n === 1 && isIntentWord(words[0] ?? "")) continue;
    const text = words.join(" ");
    if (index.exact(text)) return { text, length: n };
  }
  return null;
}

function exactMention(
  text: string,
  typeFilter: "kabupaten" | "kota" | null,
  index: PlaceIndex,
  dataset: Dataset,
): Mention | null {
  const entry = index.exact(text);
  if (!entry) return null;
  let regions = entry.regions;
  if (typeFilter) {
    const filtered = regions.filter((c) => dataset.regions.get(c)?.type === typeFilter);
    if (filtered.length > 0) regions = filtered;
  }
  const province = entry.provinces[0];
  if (province) {
    // "Jambi" is a province and a city; which one is meant depends on the question.
    const only = regions.length === 1 ? (regions[0] ?? null) : null;
    if (typeFilter && only) return { kind: "region", code: only, text };
    return { kind: "province", code: province, text, alsoRegion: only };
  }
  if (regions.length === 1 && regions[0]) return { kind: "region", code: regions[0], text };
  if (regions.length === 0) return null;
  // A shared name ("Bandung"): offer each, and the regions whose name extends it.
  const codes = typeFilter ? regions : [...new Set([...regions, ...index.extensions(text)])];
  return { kind: "ambiguous", codes: codes.slice(0, MAX_CHOICES), text };
}

function fuzzyMention(
  text: string,
  typeFilter: "kabupaten" | "kota" | null,
  index: PlaceIndex,
  dataset: Dataset,
): Mention | null {
  if (text.replaceAll(" ", "").length < 3) return null;
  let hits = index.fuzzy(text, 8);
  if (typeFilter) {
    const filtered = hits.filter((h) => dataset.regions.get(h.code)?.type === typeFilter);
    if (filtered.length > 0) hits = filtered;
  }
  const top = hits[0];
  if (!top || top.score > ASK_SCORE) {
    return {
      kind: "unknown",
      text,
      suggestions: hits
        .filter((h) => h.score <= SUGGEST_SCORE)
        .map((h) => h.code)
        .slice(0, 3),
    };
  }
  const close = hits.filter((h) => h.score <= Math.min(ASK_SCORE, top.score + CLOSE_MARGIN));
  if (top.score <= ACCEPT_SCORE && close.length === 1) return { kind: "region", code: top.code, text };
  return { kind: "ambiguous", codes: close.slice(0, MAX_CHOICES).map((h) => h.code), text };
}
