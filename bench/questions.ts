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

interface Timing {
  /** Over questions, of each question's median time when asked several times in a row. */
  p50: number;
  p99: number;
  /** The slowest question's median. */
  max: number;
}

/**
 * The cost of each question: asked `repeats` times in a row after two warm-up calls, its
 * median time (one garbage-collection pause does not make a fast question look slow);
 * p50/p99 are then taken over the questions.
 */
function perQuestion(
  questions: { q: string; lang: "id" | "en" }[],
  repeats: number,
  fn: (q: string, lang: "id" | "en") => void,
): Timing {
  const medians = questions.map(({ q, lang }) => {
    fn(q, lang);
    fn(q, lang);
    const xs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      fn(q, lang);
      xs.push((performance.now() - start) * 1000);
    }
    return percentile(
      xs.sort((x, y) => x - y),
      50,
    );
  });
  medians.sort((a, b) => a - b);
  return { p50: percentile(medians, 50), p99: percentile(medians, 99), max: medians.at(-1) ?? Number.NaN };
}

/**
 * A mixed stream, as a bot sees it: every question in turn, `rounds` times, each call timed;
 * p50/p99 over every call, garbage-collection pauses included.
 */
function mixedStream(
  questions: { q: string; lang: "id" | "en" }[],
  rounds: number,
  fn: (q: string, lang: "id" | "en") => void,
): { p50: number; p99: number; n: number } {
  const all: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const { q, lang } of questions) {
      const start = performance.now();
      fn(q, lang);
      all.push((performance.now() - start) * 1000);
    }
  }
  all.sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99), n: all.length };
}

export function benchQuestions(dataset: Dataset, i18n: i18n): string[] {
  const questions = corpusQuestions();
  // `npm run bench` runs node with --expose-gc: collect first, so the difference is what the
  // core keeps, not garbage that happened to be collected in between.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const core = createCore({ dataset, i18n, homeProvince: "16" });
  gc?.();
  const heapCore = process.memoryUsage().heapUsed - heapBefore;
  const names = [...dataset.regions.values()].map((r) => r.name);

  const ours = () => (q: string, lang: "id" | "en") => core.ask(q, lang);
  // The naive design: a fresh Fuse index over the plain names for every message, then the
  // same understand → answer → render.
  const baseline = () => (q: string, lang: "id" | "en") => {
    new Fuse(names, { includeScore: true, threshold: 0.4, ignoreLocation: true }).search(q.slice(0, 32));
    core.ask(q, lang);
  };
  mixedStream(questions, 2, ours());
  const oursEach = perQuestion(questions, 15, ours());
  const baseEach = perQuestion(questions, 5, baseline());
  const oursMixed = mixedStream(questions, 20, ours());
  const baseMixed = mixedStream(questions, 3, baseline());
  const fmt = (n: number) => `${n.toFixed(1).padStart(8)} µs`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  return [
    `questions: ${questions.length} from test/corpus/questions.jsonl (understand + answer + render, both languages)`,
    "per question (its median over 15 runs in a row), p50 / p99 / slowest over the questions:",
    `  ours      p50 ${fmt(oursEach.p50)}   p99 ${fmt(oursEach.p99)}   slowest ${fmt(oursEach.max)}`,
    `  baseline  p50 ${fmt(baseEach.p50)}   p99 ${fmt(baseEach.p99)}   slowest ${fmt(baseEach.max)}   (a new Fuse index over the plain names per message)`,
    `  ratio     p50 ${ratio(baseEach.p50, oursEach.p50)}   p99 ${ratio(baseEach.p99, oursEach.p99)} faster than the baseline`,
    `mixed stream (every question in turn, each call timed, GC pauses included): ${oursMixed.n} calls / ${baseMixed.n} baseline calls`,
    `  ours      p50 ${fmt(oursMixed.p50)}   p99 ${fmt(oursMixed.p99)}`,
    `  baseline  p50 ${fmt(baseMixed.p50)}   p99 ${fmt(baseMixed.p99)}`,
    `  ratio     p50 ${ratio(baseMixed.p50, oursMixed.p50)}   p99 ${ratio(baseMixed.p99, oursMixed.p99)} faster than the baseline`,
    gc
      ? `  heap held by the core (indexes, renderer): ${(heapCore / 1024 / 1024).toFixed(1)} MiB`
      : "  heap held by the core: not measured (run node with --expose-gc, as npm run bench does)",
  ];
}
