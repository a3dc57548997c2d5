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
const RANGE_WORDS = new Set(["sampai", "sampe", "hingga", "to", "until", "through", "s", "d", "sd", "dan", "and"]);
/** "sejak 2020", "since 2020", "setelah 2020": that year (or the one after) to now. */
const SINCE_WORDS = new Map([
  ["sejak", 0],
  ["since", 0],
  ["setelah", 1],
  ["sesudah", 1],
  ["after", 1],
]);
/** "sebelum 2017", "before 2017": the first round to the year before. */
const BEFORE_WORDS = new Set(["sebelum", "before"]);
/** "antara 2015 dan 2020", "between 2015 and 2020": a range even with "dan"/"and" between. */
const BETWEEN_WORDS = new Set(["antara", "between"]);
/** Years in one question at most: a range wider than this is not a question about each year. */
const MAX_YEARS = 14;

export interface YearBounds {
  /** The first round of the programme. */
  first: number;
  /** The current year. */
  last: number;
}

/**
 * Every year asked about, ascending, when there are several ("2022 dan 2023", "2017–2020",
 * "sejak 2020", "sebelum 2017"); an empty list when there is one or none.
 */
export function yearsIn(tokens: readonly string[], bounds: YearBounds): number[] {
  const found: number[] = [];
  const span = (from: number, to: number) => {
    if (to < from || to - from >= MAX_YEARS) return false;
    for (let y = from; y <= to; y++) found.push(y);
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (!YEAR.test(t)) continue;
    const year = Number(t);
    const before = tokens[i - 1] ?? "";
    const since = SINCE_WORDS.get(before);
    if (since !== undefined && span(year + since, bounds.last)) continue;
    if (BEFORE_WORDS.has(before) && span(bounds.first, year - 1)) continue;
    // A range: the next year comes right after, or after range words ("2017 s d 2020"); "dan"
    // makes a range only after "antara" ("2022 dan 2023" asks about the two).
    let j = i + 1;
    const between = BETWEEN_WORDS.has(before);
    while (j < tokens.length && RANGE_WORDS.has(tokens[j] ?? "")) {
      if (!between && (tokens[j] === "dan" || tokens[j] === "and")) break;
      j++;
    }
    const next = tokens[j] ?? "";
    const ranged = YEAR.test(next) && (j > i + 1 || j === i + 1) && Number(next) > year;
    if (ranged && (between || j > i + 1 || j === i + 1) && span(year, Number(next))) {
      i = j;
      continue;
    }
    found.push(year);
  }
  const years = [...new Set(found)].sort((a, b) => a - b);
  return years.length > 1 ? years : [];
}
