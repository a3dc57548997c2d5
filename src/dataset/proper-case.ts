/**
 * Turns the upper-case names of the national region list ("KABUPATEN PANGKAJENE DAN
 * KEPULAUAN") into the way people write them ("Kabupaten Pangkajene dan Kepulauan").
 */
const KEEP_UPPER = new Set(["DKI", "DI"]);
const KEEP_LOWER = new Set(["dan"]);

export function properCase(upper: string): string {
  return upper
    .trim()
    .split(/\s+/)
    .map((word, i) => {
      if (KEEP_UPPER.has(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && KEEP_LOWER.has(lower)) return lower;
      return lower.replace(/(^|[-'(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(" ");
}
