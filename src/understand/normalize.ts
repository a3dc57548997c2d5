/**
 * Text as people type it on a phone → tokens: folded case and diacritics, no punctuation,
 * runs of three or more of one letter squeezed ("menanggg" → "menang", "OKU!!!" → "oku").
 */
import { fold } from "../dataset/fold.ts";

/** Longer messages are cut: no place name or question needs more. */
export const MAX_QUERY_CHARS = 300;

export function normalize(text: string): string {
  const bounded = text.slice(0, MAX_QUERY_CHARS);
  return fold(bounded.replace(/(\p{L})\1{2,}/gu, "$1"));
}

export function tokenize(text: string): string[] {
  const folded = normalize(text);
  return folded === "" ? [] : folded.split(" ");
}
