/** What understand makes of one message: language-free, no grammY, no i18next. */

export const INTENTS = ["status", "winners", "non_winners", "trend", "help", "language", "unknown"] as const;
export type Intent = (typeof INTENTS)[number];

export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];

export interface RegionRef {
  code: string;
  name: string;
  province: string;
}

export interface Unrecognised {
  /** The words that looked like a place name, as typed. */
  text: string;
  /** Up to three near names, best first. */
  suggestions: RegionRef[];
}

export interface Question {
  /** The message as typed (trimmed and bounded in length). */
  query: string;
  intent: Intent;
  /** Ceremony year asked about, or null. */
  year: number | null;
  /** Province code of the scope for lists and trends (home province unless another is named). */
  province: string | null;
  /** True when the province was named in the message rather than taken from the default. */
  provinceNamed: boolean;
  /** Regions recognised with confidence, in the order they were mentioned. */
  regions: RegionRef[];
  /** Candidates when one mention could be several regions: the bot must ask which one. */
  ambiguous: RegionRef[];
  /** The words that could be several regions ("Musi"), or null. */
  ambiguousText: string | null;
  /** A place-like mention that matched nothing with confidence. */
  unrecognised: Unrecognised | null;
  /** For intent "language": the language asked for, when the message names one. */
  language: Lang | null;
}

/** A question built from a button or a command rather than from words: fill in what it asks. */
export function questionOf(query: string, fields: Partial<Question> = {}): Question {
  return {
    query,
    intent: "status",
    year: null,
    province: null,
    provinceNamed: false,
    regions: [],
    ambiguous: [],
    ambiguousText: null,
    unrecognised: null,
    language: null,
    ...fields,
  };
}
