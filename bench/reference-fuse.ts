/**
 * Reference point "the design a good engineer would write first": ONE Fuse index over every
 * region and province name and alias, built once at start-up, searched with every 1..4-word
 * window of the message. It finds places only (no answer, no rendering), so it is a lower
 * bound on what a whole reply would cost that way.
 */
import Fuse from "fuse.js";
import type { Dataset } from "../src/dataset/dataset.ts";
import { type PlaceName, placeNames } from "./place-names.ts";
import { wordWindows } from "./windows.ts";

/** Returns the codes found in a message (every window's hits within Fuse's threshold). */
export function createFuseReference(dataset: Dataset): (text: string) => Set<string> {
  const fuse = new Fuse<PlaceName>(placeNames(dataset), {
    keys: ["name"],
    includeScore: true,
    threshold: 0.4,
    ignoreLocation: true,
  });
  return (text) => {
    const found = new Set<string>();
    for (const window of wordWindows(text)) {
      for (const hit of fuse.search(window)) for (const code of hit.item.codes) found.add(code);
    }
    return found;
  };
}
