/** The year a message asks about: written out, shortened after a year word, or relative to today. */
import { phraseValue, RELATIVE_YEARS } from "./lexicon.ts";

const YEAR = /^(19|20)\d{2}$/;
const YEAR_WORDS = new Set(["thn", "tahun", "th", "taun", "year"]);

/**
 * The last year written, since a question comes after its preamble ("saya menulis sejak 2019 …
 * OKU 2024 menang?"); "thn 23" after a year word; "tahun ini" / "this year" from the clock.
 */
export function yearIn(tokens: readonly string[], currentYear: number, raw = ""): number | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] ?? "";
    if (YEAR.test(t)) return Number(t);
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (YEAR_WORDS.has(tokens[i - 1] ?? "") && /^\d{2}$/.test(t)) return 2000 + Number(t);
  }
  // "OKU '23": an apostrophe before two digits (the tokens have lost it).
  const apostrophe = /['’‘`](\d{2})(?!\d)/u.exec(raw);
  if (apostrophe) return 2000 + Number(apostrophe[1]);
  const relative = phraseValue(tokens, RELATIVE_YEARS);
  return relative === undefined ? null : currentYear + relative;
}
