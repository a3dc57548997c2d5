/**
 * Rewrites the `won` field of every status question with a year in questions.jsonl from
 * data/awards.csv, so expected outcomes are derived, never typed in: `npx tsx test/corpus/fill-won.ts`.
 * A line whose `won` is already right is left exactly as written, so a data change shows in
 * the diff as the questions it affects and nothing else.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { CORPUS_FILE, type CorpusCase, expectedWon } from "./corpus.ts";

let changed = 0;
const lines = readFileSync(CORPUS_FILE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const c = JSON.parse(line) as CorpusCase;
    const { won: old, ...rest } = c;
    const filled = c.intent === "status" && c.year !== null && c.regions.length > 0;
    const won = filled ? expectedWon(c.regions, c.year) : undefined;
    if (isDeepStrictEqual(old, won)) return line;
    changed++;
    return JSON.stringify(won === undefined ? rest : { ...rest, won });
  });
writeFileSync(CORPUS_FILE, `${lines.join("\n")}\n`);
console.log(`${lines.length} questions, ${changed} won value(s) changed`);
