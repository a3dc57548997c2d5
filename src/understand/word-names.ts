/**
 * Base names of regions that are also ordinary words ("batu" is a stone, "padang" a field).
 * Such a name counts as a place only where the sentence treats it as one: after a type word,
 * with a year or an award word, or as the whole message.
 */
export const WORD_NAMES: ReadonlySet<string> = new Set([
  "batu", // stone
  "padang", // field
  "malang", // unlucky
  "agam", // (religion, colloquial "agama")
  "bone", // English: bone
  "buru", // to hunt
  "puncak", // peak
  "solok", // (Minang: hollow)
  "bima", // a common given name
  "lima puluh kota", // "fifty towns"
]);
