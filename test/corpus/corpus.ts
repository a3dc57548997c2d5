/** Reading test/corpus/questions.jsonl, and the `won` values it must hold, from data/awards.csv. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

export interface CorpusCase {
  q: string;
  lang: "id" | "en";
  /** What the line exercises (official, alias, typo1, list, ...): for reading and reporting only. */
  tag?: string;
  intent: string;
  year: number | null;
  regions: string[];
  /** The exact candidate set when the bot must ask which region is meant. */
  ambiguous?: string[];
  /** For status questions with a year: the expected `won` per region for that year. */
  won?: Record<string, boolean | null>;
  /** The scope of winners/non_winners/trend answers. */
  province?: string;
  /** The kind of answer (status, list, trend, choose, not_recognised, help, language, unknown). */
  answer?: string;
}

export const CORPUS_FILE = new URL("./questions.jsonl", import.meta.url);
const AWARDS_FILE = new URL("../../data/awards.csv", import.meta.url);

export function readCorpus(): CorpusCase[] {
  return readFileSync(CORPUS_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CorpusCase);
}

let predikats: Map<string, string> | undefined;

/** `won` straight from data/awards.csv: peduli → true, any other predikat → false, no row → null. */
export function expectedWon(regions: string[], year: number | null): Record<string, boolean | null> {
  if (!predikats) {
    const rows = parse(readFileSync(AWARDS_FILE, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as {
      year: string;
      region_code: string;
      predikat: string;
    }[];
    predikats = new Map(rows.map((r) => [`${r.year} ${r.region_code}`, r.predikat]));
  }
  const table = predikats;
  return Object.fromEntries(
    regions.map((code) => {
      const predikat = table.get(`${year} ${code}`);
      return [code, predikat === undefined ? null : predikat === "peduli"];
    }),
  );
}
