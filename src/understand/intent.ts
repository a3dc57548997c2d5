/** Which kind of question a message asks, from its words and what else was found in it. */
import {
  ASK_WORDS,
  FAIL_WORDS,
  HELP_WORDS,
  isIntentWord,
  LANGUAGE_SWITCH_WORDS,
  LANGUAGE_WORDS,
  LIST_WORDS,
  NEGATION_WORDS,
  TREND_WORDS,
  TYPE_WORDS,
  WIN_WORDS,
} from "./lexicon.ts";
import type { Intent, Lang } from "./question.ts";

export interface Found {
  /** Regions recognised, and names that could be several regions. */
  places: number;
  /**
   * A place-like word that matched nothing: "near" when it has suggestions ("Paly"), "far"
   * when it has none ("asdfgh"), "none" when every word was understood.
   */
  unrecognised: "none" | "near" | "far";
  /** That word came right after "kabupaten"/"kota" ("Kabupaten Zzyzx"). */
  unrecognisedTyped: boolean;
  province: boolean;
  year: boolean;
  /** The message had something in it, but no words (emoji, punctuation). */
  wordless: boolean;
}

/** How far after a negation a win word may come: "tidak pernah menang", "did not win". */
const NEGATION_REACH = 3;

export function intentOf(tokens: string[], found: Found): Intent {
  if (tokens.length === 0) return found.wordless ? "unknown" : "help";
  const has = (set: Set<string>) => tokens.some((t) => set.has(t));

  if (isLanguageRequest(tokens)) return "language";
  if (has(TREND_WORDS)) return "trend";
  if (found.places > 0) return "status";

  const win = has(WIN_WORDS);
  const list = has(LIST_WORDS);
  const scoped = win || list || found.year || found.province;
  // "Kabupaten Zzyzx": a type word right before a name we could not place names a place; it
  // does not ask for a list, as it does in "kabupaten mana yang menang".
  const typed = found.unrecognisedTyped;
  const asks = tokens.some((t) => ASK_WORDS.has(t) && !(typed && TYPE_WORDS.has(t)));
  if (scoped && isNegated(tokens)) return "non_winners";
  if (list || (scoped && asks)) return "winners";
  // "Plembangg menang?", or a lone word ("Zzyzxqq") sent to a bot about places: a name we could
  // not place, and the reply says so rather than listing everyone.
  if (found.unrecognised === "near") return "status";
  if (found.unrecognised === "far" && (win || found.year || typed || tokens.length === 1)) return "status";
  if (scoped) return "winners";
  if (has(HELP_WORDS)) return "help";
  if (tokens.every((t) => t.length < 2 || isIntentWord(t))) return "help";
  return "unknown";
}

/**
 * "tidak menang", "gak dapet", "did not win", "non winners", "yang kalah": a negation before a
 * win word, or a word that means losing. A trailing tag ("menang ga?") only asks.
 */
export function isNegated(tokens: string[]): boolean {
  return tokens.some((t, i) => {
    if (FAIL_WORDS.has(t)) return true;
    if (!NEGATION_WORDS.has(t)) return false;
    return tokens.slice(i + 1, i + 1 + NEGATION_REACH).some((next) => WIN_WORDS.has(next) || LIST_WORDS.has(next));
  });
}

function isLanguageRequest(tokens: string[]): boolean {
  const named = tokens.some((t) => LANGUAGE_WORDS.has(t));
  const switchWord = tokens.some((t) => LANGUAGE_SWITCH_WORDS.has(t));
  if (tokens.includes("bahasa") || tokens.includes("language")) return true;
  // "english please", "english", "in english", "pakai inggris"
  return named && (switchWord || tokens.length <= 2);
}

export function languageAsked(tokens: string[]): Lang | null {
  for (const t of tokens) {
    const lang = LANGUAGE_WORDS.get(t);
    if (lang) return lang;
  }
  return null;
}
