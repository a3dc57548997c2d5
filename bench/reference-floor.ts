/**
 * Reference point "the floor": the same 1..4-word windows looked up exactly in a Map of folded,
 * squashed names and aliases, no fuzzy step. Nothing that reads a message word by word can be
 * much cheaper, so the core's cost is stated as a multiple of this.
 */
import type { Dataset } from "../src/dataset/dataset.ts";
import { fold, squash } from "../src/dataset/fold.ts";
import { tokenize } from "../src/understand/normalize.ts";
import { placeNames } from "./place-names.ts";
import { MAX_WINDOW } from "./windows.ts";

/** Returns the codes named exactly in a message. */
export function createFloor(dataset: Dataset): (text: string) => Set<string> {
  const byKey = new Map<string, string[]>();
  for (const { name, codes } of placeNames(dataset)) {
    const key = squash(fold(name));
    byKey.set(key, [...new Set([...(byKey.get(key) ?? []), ...codes])]);
  }
  return (text) => {
    const tokens = tokenize(text);
    const found = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      // The window's squashed form grows a token at a time: squash("a b c") is "a" + "b" + "c",
      // so no window string is built only to have its spaces removed (a floor wastes nothing).
      let key = "";
      for (let k = 0; k < MAX_WINDOW && i + k < tokens.length; k++) {
        key += tokens[i + k];
        const codes = byKey.get(key);
        if (codes) for (const code of codes) found.add(code);
      }
    }
    return found;
  };
}
