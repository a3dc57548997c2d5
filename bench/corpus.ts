/**
 * The bench's question set: every line of every `test/corpus/*.jsonl`, read at run time, so
 * lines and files that others add (new kinds of question, the generated corpus) are timed
 * without touching the bench. Files may differ in shape; the bench needs only `q` and `lang`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { LANGS, type Lang } from "../src/understand/request.ts";

export interface BenchQuestion {
  q: string;
  lang: Lang;
  /** The corpus file it came from ("questions.jsonl"). */
  file: string;
}

const CORPUS_DIR = new URL("../test/corpus/", import.meta.url);

/** The corpus files, sorted by name so the order (and every fixed sample) is the same each run. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
}

/** Throws on a line without a string `q` and a known `lang`: a silently skipped line would hide a broken file. */
export function corpusQuestions(): BenchQuestion[] {
  const out: BenchQuestion[] = [];
  for (const file of corpusFiles()) {
    const lines = readFileSync(new URL(file, CORPUS_DIR), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const row = JSON.parse(line) as { q?: unknown; lang?: unknown };
      if (typeof row.q !== "string" || !LANGS.includes(row.lang as Lang)) {
        throw new Error(`bench: test/corpus/${file}:${i + 1} has no string "q" and "id"/"en" "lang"`);
      }
      out.push({ q: row.q, lang: row.lang as Lang, file });
    });
  }
  return out;
}
