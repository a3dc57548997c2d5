/** Which kind of question a message asks, from its words and what else was found in it. */
import {
  HELP_WORDS,
  LANGUAGE_SWITCH_WORDS,
  LANGUAGE_WORDS,
  LIST_WORDS,
  NEGATION_WORDS,
  STOP_WORDS,
  TREND_WORDS,
  WIN_WORDS,
} from "./lexicon.ts";
import type { Intent, Lang } from "./question.ts";

export interface Found {
  /** Region mentions of any kind (recognised, ambiguous or not recognised). */
  regions: number;
  province: boolean;
  year: boolean;
}

export function intentOf(tokens: string[], found: Found): Intent {
  if (tokens.length === 0) return "help";
  const has = (set: Set<string>) => tokens.some((t) => set.has(t));

  if (isLanguageRequest(tokens)) return "language";
  const trend = has(TREND_WORDS);
  if (found.regions > 0) return trend ? "trend" : "status";
  if (trend) return "trend";
  const negated = has(NEGATION_WORDS) || tokens.includes("tidak") || /\bnot\b/.test(tokens.join(" "));
  const list = has(LIST_WORDS);
  const win = has(WIN_WORDS);
  if (negated && (list || win || found.year || found.province)) return "non_winners";
  if (list || win || found.year || found.province) return "winners";
  if (has(HELP_WORDS)) return "help";
  if (tokens.every((t) => STOP_WORDS.has(t))) return "help";
  return "unknown";
}

function isLanguageRequest(tokens: string[]): boolean {
  const named = tokens.some((t) => t in LANGUAGE_WORDS);
  const switchWord = tokens.some((t) => LANGUAGE_SWITCH_WORDS.has(t));
  if (tokens.includes("bahasa") || tokens.includes("language")) return true;
  // "english please", "english", "in english", "pakai inggris"
  return named && (switchWord || tokens.length <= 2);
}

export function languageAsked(tokens: string[]): Lang | null {
  for (const t of tokens) {
    const lang = LANGUAGE_WORDS[t];
    if (lang) return lang;
  }
  return null;
}
