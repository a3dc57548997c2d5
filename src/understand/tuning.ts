/**
 * Every tuning constant of understanding in one place, with why it has its value. Changing one
 * is a product decision: run the corpus (`npx vitest run test/corpus`) after.
 */

/** Words looked up fuzzily together at most ("penukal abab lematang ilr"). */
export const MAX_SPAN_WORDS = 4;
/** Words after an exact name that may finish a longer one with a typo ("OKU Selatn"). */
export const MAX_EXTENSION_WORDS = 2;
/** Fuzzy lookups per message at most: a long rambling message costs no more than a short one. */
export const MAX_FUZZY_LOOKUPS = 12;
/** A suggestion for an unrecognised name is at most one edit past the budget and this share of its letters. */
export const SUGGEST_RATIO = 0.34;
/**
 * An unrecognised word this close to a name (edits per letter) was surely meant as a place
 * ("Paly"): the question is about a place even with no other word saying so.
 */
export const NEAR_RATIO = 0.25;
/** Words of an unrecognised phrase looked up one by one for suggestions. */
export const MAX_SUGGESTION_WORDS = 3;
/** Words of a name's beginning that ask which name is meant ("ogan komering"). */
export const MAX_PREFIX_WORDS = 2;
/** Candidates offered for one name ("Solo Raya" names seven regions). */
export const MAX_CHOICES = 8;
export const MAX_SUGGESTIONS = 3;

/**
 * A typo match is stated as the place only when the runner-up name is at least this many edits
 * farther: otherwise the bot asks "did you mean …?".
 */
export const CONFIDENT_GAP = 2;
/** Shorter typo matches are always asked about: a 5-letter short form is too easily another name. */
export const CONFIDENT_MIN_LETTERS = 6;
/** Longest question kept verbatim (and so in JSON); all of the message is understood. */
export const MAX_QUERY_KEPT = 500;
/** Regions answered in one message at most; the reply says how many more were named. */
export const MAX_REGIONS_PER_ANSWER = 8;
/** Shorter names and words are matched exactly or not at all. */
export const MIN_FUZZY_LENGTH = 4;

/**
 * How many edits a typo may have and still be taken without asking, by the length of the longer
 * of the two names: none up to 5 letters ("bola" is not Blora), one up to 8 ("Lahaat", "Muratar"),
 * two up to 14 ("Plembng", "Prbmulih"), three beyond ("Penukal Abab Lemtang Ilr").
 */
export function editBudget(length: number): number {
  if (length <= 5) return 0;
  if (length <= 8) return 1;
  if (length <= 14) return 2;
  return 3;
}
