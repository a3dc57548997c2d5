/**
 * Timing helpers for the bench: each question's median over calls in a row (its own cost, one
 * GC pause does not make it look slow) and a mixed stream (as a bot sees it, pauses included).
 * Times are in microseconds.
 */
import { performance } from "node:perf_hooks";
import type { BenchQuestion } from "./corpus.ts";

/** What a timed call returns is kept here, so the engine cannot drop the work as unused. */
let sink = 0;
export function sinkValue(): number {
  return sink;
}

type Call = (q: string, lang: BenchQuestion["lang"]) => unknown;

function keep(value: unknown): void {
  if (value !== undefined && value !== null) sink++;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export interface Timing {
  mean: number;
  p50: number;
  p99: number;
  max: number;
  n: number;
}

/** p50/p99/slowest of some times (sorts them in place). */
export function summary(xs: number[]): Timing {
  xs.sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, p50: percentile(xs, 50), p99: percentile(xs, 99), max: xs.at(-1) ?? Number.NaN, n: xs.length };
}

/** One call, timed in µs. */
export function timeOnce(fn: Call, { q, lang }: BenchQuestion): number {
  const start = performance.now();
  keep(fn(q, lang));
  return (performance.now() - start) * 1000;
}

/** Each question's median over `repeats` calls in a row (after `warmups`), in µs, in question order. */
export function medians(questions: readonly BenchQuestion[], repeats: number, fn: Call, warmups = 2): number[] {
  return questions.map((question) => {
    for (let w = 0; w < warmups; w++) keep(fn(question.q, question.lang));
    const xs: number[] = [];
    for (let r = 0; r < repeats; r++) xs.push(timeOnce(fn, question));
    return percentile(
      xs.sort((a, b) => a - b),
      50,
    );
  });
}

/** p50/p99/slowest over the questions of each question's median. */
export function perQuestion(questions: readonly BenchQuestion[], repeats: number, fn: Call, warmups = 2): Timing {
  return summary(medians(questions, repeats, fn, warmups));
}

/**
 * Every question in turn, `rounds` times, each call timed once; p50/p99 over every call. Each
 * stream starts from a collected heap (with --expose-gc), so one stream does not pay for the
 * garbage of the one before and the streams compare fairly.
 */
export function mixedStream(questions: readonly BenchQuestion[], rounds: number, fn: Call): Timing {
  (globalThis as { gc?: () => void }).gc?.();
  const all: number[] = [];
  for (let r = 0; r < rounds; r++) for (const question of questions) all.push(timeOnce(fn, question));
  return summary(all);
}

/** `n` items spread evenly over the list (every k-th), the same ones every run; all when n ≥ length. */
export function fixedSample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

export function us(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1).padStart(8)} ms` : `${n.toFixed(1).padStart(8)} µs`;
}

export function times(a: number, b: number): string {
  const r = a / b;
  return `${r >= 100 ? Math.round(r).toLocaleString("en") : r.toFixed(1)}×`;
}
