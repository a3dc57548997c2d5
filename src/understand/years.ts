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

/** Words between two years that make a range: "2017 sampai 2020", "from 2017 to 2020", "2017-2020". */
const RANGE_WORDS = new Set(["sampai", "sampe", "hingga", "to", "until", "through", "s", "d", "sd"]);
/** Years in one question at most: a range wider than this is not a question about each year. */
const MAX_YEARS = 12;

/**
 * Every year asked about, ascending, when there are several ("2022 dan 2023", "2017–2020");
 * an empty list when there is one or none.
 */
export function yearsIn(tokens: readonly string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (!YEAR.test(t)) continue;
    const year = Number(t);
    // A range: the next year comes right after, or after a range word ("2017 s d 2020").
    let j = i + 1;
    while (j < tokens.length && RANGE_WORDS.has(tokens[j] ?? "")) j++;
    const next = tokens[j] ?? "";
    const ranged = j > i + 1 || (j === i + 1 && YEAR.test(next));
    if (ranged && YEAR.test(next) && Number(next) > year && Number(next) - year < MAX_YEARS) {
      for (let y = year; y <= Number(next); y++) found.push(y);
      i = j;
      continue;
    }
    found.push(year);
  }
  const years = [...new Set(found)].sort((a, b) => a - b);
  return years.length > 1 ? years : [];
}
