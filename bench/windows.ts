/**
 * The word windows both references look up: every run of 1..4 consecutive tokens of the message,
 * tokenized by the project's own tokenizer, so they see the same words as the core.
 */
import { tokenize } from "../src/understand/normalize.ts";

/** Base names are at most four words ("Penukal Abab Lematang Ilir"; the official name adds "Kabupaten"). */
export const MAX_WINDOW = 4;

export function wordWindows(text: string): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let k = 1; k <= MAX_WINDOW && i + k <= tokens.length; k++) out.push(tokens.slice(i, i + k).join(" "));
  }
  return out;
}
