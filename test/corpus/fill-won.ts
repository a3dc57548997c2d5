/**
 * Rewrites the `won` field of every status question with a year in questions.jsonl from
 * data/awards.csv, so expected outcomes are derived, never typed in: `npx tsx test/corpus/fill-won.ts`.
 */
import { writeFileSync } from "node:fs";
import { CORPUS_FILE, expectedWon, readCorpus } from "./corpus.ts";

const lines = readCorpus().map((c) => {
  const { won: _old, ...rest } = c;
  const filled = c.intent === "status" && c.year !== null && c.regions.length > 0;
  return JSON.stringify(filled ? { ...rest, won: expectedWon(c.regions, c.year) } : rest);
});
writeFileSync(CORPUS_FILE, `${lines.join("\n")}\n`);
console.log(`${lines.length} questions written`);
