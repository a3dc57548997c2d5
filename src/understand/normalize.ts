/**
 * Text as people type it on a phone → tokens: HTML tags dropped, folded case and diacritics,
 * no punctuation, runs of three or more of one letter squeezed ("menanggg" → "menang",
 * "OKU!!!" → "oku"), and a doubled letter undone when that makes a known word
 * ("menangg" → "menang", "gaa" → "ga").
 */
import { fold } from "../dataset/fold.ts";
import { FILLER_WORDS, isIntentWord } from "./lexicon.ts";

/**
 * Telegram's own limit for a message: the whole of any message is read (a question often
 * comes last, after a greeting), and nothing longer can arrive.
 */
export const MAX_QUERY_CHARS = 4096;

const TAG = /<\/?[a-z][^<>]*>/gi;

export function normalize(text: string): string {
  const bounded = text.slice(0, MAX_QUERY_CHARS);
  // "OKU2023", "thn2023": a year glued to a word is its own word.
  const spaced = bounded
    .replace(/(\p{L})((?:19|20)\d{2})(?!\d)/gu, "$1 $2")
    .replace(/(?<!\d)((?:19|20)\d{2})(\p{L})/gu, "$1 $2");
  return fold(spaced.replace(TAG, " ").replace(/(\p{L})\1{2,}/gu, "$1"));
}

/** `isName` tells words that are place names as typed ("Barru"), which are never undoubled. */
export function tokenize(text: string, isName: (token: string) => boolean = () => false): string[] {
  const folded = normalize(text);
  return folded === "" ? [] : folded.split(" ").map((t) => (isName(t) ? t : unsuffix(undouble(t))));
}

/**
 * "penilaiannya" → "penilaian", "predikatnya" → "predikat": the possessive "-nya" comes off a
 * known word (names are never touched: `isName` is checked first).
 */
export function unsuffix(token: string): string {
  if (!token.endsWith("nya") || token.length < 6 || isIntentWord(token)) return token;
  const stem = token.slice(0, -3);
  return isIntentWord(stem) ? stem : token;
}

/** "menangg" → "menang" when the word is not known as typed but is known with single letters. */
export function undouble(token: string): string {
  if (!hasDouble(token) || isIntentWord(token)) return token;
  const single = token.replace(/(\p{L})\1/gu, "$1");
  // "buu", "baang" are typos of names (Buru, Batang) more often than a doubled "bu", "bang".
  return single !== token && isIntentWord(single) && !FILLER_WORDS.has(single) ? single : token;
}

function hasDouble(token: string): boolean {
  for (let i = 1; i < token.length; i++) if (token[i] === token[i - 1]) return true;
  return false;
}
