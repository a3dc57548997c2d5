/** Benchmarks: `npm run bench`. Ratios are against a baseline measured in the same run. */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Fuse from "fuse.js";
import type { i18n } from "i18next";
import { createCore } from "../src/core.ts";
import type { Dataset } from "../src/dataset/dataset.ts";

const CORPUS = new URL("../test/corpus/questions.jsonl", import.meta.url);

export function corpusQuestions(): { q: string; lang: "id" | "en" }[] {
  return readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { q: string; lang: "id" | "en" });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function timeEach(
  questions: { q: string; lang: "id" | "en" }[],
  rounds: number,
  fn: (q: string, lang: "id" | "en") => void,
) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const { q, lang } of questions) {
      const start = performance.now();
      fn(q, lang);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

export function benchQuestions(dataset: Dataset, i18n: i18n): string[] {
  const questions = corpusQuestions();
  const heapBefore = process.memoryUsage().heapUsed;
  const core = createCore({ dataset, i18n, homeProvince: "16" });
  const heapCore = process.memoryUsage().heapUsed - heapBefore;
  const names = [...dataset.regions.values()].map((r) => r.name);

  // Warm up both paths so the JIT treats them alike.
  timeEach(questions, 2, (q, lang) => core.ask(q, lang));

  const ours = timeEach(questions, 20, (q, lang) => core.ask(q, lang));
  // The naive design: a fresh Fuse index over the plain names for every message, then the
  // same understand → answer → render.
  const baseline = timeEach(questions, 5, (q, lang) => {
    new Fuse(names, { includeScore: true, threshold: 0.4, ignoreLocation: true }).search(q.slice(0, 32));
    core.ask(q, lang);
  });
  const fmt = (n: number) => `${n.toFixed(1).padStart(8)} µs`;
  return [
    `questions: ${questions.length} from test/corpus/questions.jsonl (understand + answer + render, both languages)`,
    `  ours      p50 ${fmt(ours.p50)}   p99 ${fmt(ours.p99)}   (${ours.n} runs)`,
    `  baseline  p50 ${fmt(baseline.p50)}   p99 ${fmt(baseline.p99)}   (${baseline.n} runs; new Fuse index over plain names per message)`,
    `  ratio     p50 ${(baseline.p50 / ours.p50).toFixed(1)}×   p99 ${(baseline.p99 / ours.p99).toFixed(1)}× faster than baseline`,
    `  heap held by the core (indexes, renderer): ${(heapCore / 1024 / 1024).toFixed(1)} MiB`,
  ];
}
