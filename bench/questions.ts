/**
 * Question benchmarks for `npm run bench`: the core against reference points measured in the
 * same run, printed as figures and ratios (never pass/fail timings in tests).
 * - baseline: a new Fuse index over the plain names per message, then the same core.ask;
 * - fuse: one Fuse index over every name and alias, built once, searched per 1..4-word window
 *   (bench/reference-fuse.ts), ~0.1 s a question, so timed on a fixed sample;
 * - floor: exact Map lookups of the same windows (bench/reference-floor.ts).
 */
import Fuse from "fuse.js";
import type { i18n } from "i18next";
import { type Core, createCore } from "../src/core.ts";
import type { Dataset } from "../src/dataset/dataset.ts";
import { MAX_QUERY_CHARS } from "../src/understand/normalize.ts";
import { type BenchQuestion, corpusFiles, corpusQuestions } from "./corpus.ts";
import { LENGTHS, messageOfLength } from "./messages.ts";
import { createFloor } from "./reference-floor.ts";
import { createFuseReference } from "./reference-fuse.ts";
import { SHAPES } from "./shapes.ts";
import { fixedSample, medians, mixedStream, perQuestion, summary, type Timing, times, us } from "./stats.ts";

/** The one-index Fuse reference costs ~0.1 s a question: 40 fixed questions keep the bench short. */
const FUSE_SAMPLE = 40;
/** The per-message-Fuse baseline costs ~3 ms a question: capped so a grown corpus stays quick. */
const BASELINE_SAMPLE = 500;
/** Corpus sentences per message length. */
const LENGTH_SAMPLE = 40;

type Call = (q: string, lang: BenchQuestion["lang"]) => unknown;

function row(label: string, t: Timing, note = ""): string {
  return `  ${label.padEnd(14)} p50 ${us(t.p50)}   p99 ${us(t.p99)}   slowest ${us(t.max)}   mean ${us(t.mean)}${note}`;
}

function ratios(label: string, a: { each: Timing; mixed: Timing }, b: { each: Timing; mixed: Timing }): string {
  return (
    `  ${label.padEnd(24)} per question p50 ${times(a.each.p50, b.each.p50).padStart(7)}  p99 ${times(a.each.p99, b.each.p99).padStart(7)}` +
    `   · mixed p50 ${times(a.mixed.p50, b.mixed.p50).padStart(7)}  p99 ${times(a.mixed.p99, b.mixed.p99).padStart(7)}`
  );
}

function sampleNote(sample: readonly unknown[], all: readonly unknown[]): string {
  return sample.length === all.length ? "all questions" : `a fixed sample of ${sample.length} (every k-th question)`;
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
  const ask: Call = (q, lang) => core.ask(q, lang);
  const baseline: Call = (q, lang) => {
    new Fuse(names, { includeScore: true, threshold: 0.4, ignoreLocation: true }).search(q.slice(0, 32));
    return core.ask(q, lang);
  };
  const fuseStart = performance.now();
  const fuseFind = createFuseReference(dataset);
  const fuseBuildMs = performance.now() - fuseStart;
  const fuse: Call = (q) => fuseFind(q);
  const floorFind = createFloor(dataset);
  const floor: Call = (q) => floorFind(q);

  const baseQuestions = fixedSample(questions, BASELINE_SAMPLE);
  const fuseQuestions = fixedSample(questions, FUSE_SAMPLE);

  mixedStream(questions, 2, ask);
  mixedStream(questions, 2, floor);
  const coreMedians = medians(questions, 15, ask);
  const coreEach = summary([...coreMedians]);
  const r = {
    core: { each: coreEach, mixed: mixedStream(questions, 20, ask) },
    floor: { each: perQuestion(questions, 15, floor), mixed: mixedStream(questions, 20, floor) },
    baseline: { each: perQuestion(baseQuestions, 5, baseline), mixed: mixedStream(baseQuestions, 3, baseline) },
    fuse: { each: perQuestion(fuseQuestions, 3, fuse, 1), mixed: mixedStream(fuseQuestions, 2, fuse) },
    coreOnFuse: { each: perQuestion(fuseQuestions, 15, ask), mixed: mixedStream(fuseQuestions, 20, ask) },
  };
  const counts = corpusFiles().map((f) => `${f} ${questions.filter((q) => q.file === f).length}`);

  const lines = [
    `questions: ${questions.length} lines of test/corpus/*.jsonl (${counts.join(", ")}), both languages`,
    "  core      = core.ask(text, lang): understand + answer + render",
    "  floor     = exact Map lookups of every 1..4-word window (folded, squashed names + aliases); finds places only",
    `  fuse      = ONE Fuse index over region/province names + aliases (built once, ${fuseBuildMs.toFixed(0)} ms), searched per 1..4-word window; finds places only; ${sampleNote(fuseQuestions, questions)}`,
    `  baseline  = a new Fuse index over the plain names per message, then core.ask; ${sampleNote(baseQuestions, questions)}`,
    "per question (its median over runs in a row: core/floor 15, baseline 5, fuse 3), p50 / p99 / slowest / mean over the questions:",
    row("core", r.core.each),
    row("floor", r.floor.each),
    row("baseline", r.baseline.each),
    row(`fuse (${fuseQuestions.length})`, r.fuse.each),
    row(`core (same ${fuseQuestions.length})`, r.coreOnFuse.each),
    "mixed stream (every question in turn, each call timed once, GC pauses included):",
    row("core", r.core.mixed, `   (${r.core.mixed.n} calls)`),
    row("floor", r.floor.mixed, `   (${r.floor.mixed.n} calls)`),
    row("baseline", r.baseline.mixed, `   (${r.baseline.mixed.n} calls)`),
    row(`fuse (${fuseQuestions.length})`, r.fuse.mixed, `   (${r.fuse.mixed.n} calls)`),
    row(`core (same ${fuseQuestions.length})`, r.coreOnFuse.mixed, `   (${r.coreOnFuse.mixed.n} calls)`),
    "ratios:",
    ratios("core / floor", r.core, r.floor),
    ratios("baseline / core", r.baseline, r.core),
    ratios(`fuse / core (same ${fuseQuestions.length})`, r.fuse, r.coreOnFuse),
    `core mixed-stream p99 / floor p99 = ${times(r.core.mixed.p99, r.floor.mixed.p99)} (goal ≤ 4×)`,
    ...byLength(questions, core, floor),
    ...byShape(ask),
    ...slowest(questions, coreMedians, 5),
    gc
      ? `heap held by the core (indexes, renderer): ${(heapCore / 1024 / 1024).toFixed(1)} MiB`
      : "heap held by the core: not measured (run node with --expose-gc, as npm run bench does)",
  ];
  return lines;
}

/**
 * The core's cost as messages grow: the same corpus sentences after filler chat, at each length.
 * Also counted: how many replies are of the same kind as for the sentence alone, since a message
 * that the chat turns into another question (a list instead of a status) costs something else.
 */
function byLength(questions: readonly BenchQuestion[], core: Core, floor: Call): string[] {
  const ask: Call = (q, lang) => core.ask(q, lang);
  const sample = fixedSample(questions, LENGTH_SAMPLE);
  const alone = sample.map(({ q, lang }) => core.ask(q, lang).answer.kind);
  const lines = [
    `core by message length (${sample.length} corpus sentences, filler chat before or cut to length; median of 5 runs each):`,
  ];
  for (const length of LENGTHS) {
    const messages = sample.map((s) => ({ ...s, q: messageOfLength(s.q, length) }));
    const c = perQuestion(messages, 5, ask);
    const f = perQuestion(messages, 5, floor);
    const m = mixedStream(messages, 10, ask);
    const same = messages.filter(({ q, lang }, i) => core.ask(q, lang).answer.kind === alone[i]).length;
    lines.push(
      `  ${`${length.toLocaleString("en")} chars`.padEnd(12)} core p50 ${us(c.p50)}  p99 ${us(c.p99)}  mixed p99 ${us(m.p99)}` +
        `   · floor p50 ${us(f.p50)}  p99 ${us(f.p99)}   · core/floor p99 ${times(c.p99, f.p99).padStart(5)}` +
        `   · reply kind as alone ${same}/${messages.length}`,
    );
  }
  lines.push("  (the floor looks up all 1..4-word windows of every word, so its cost grows with the message)");
  return lines;
}

/** The core on each long message shape (bench/shapes.ts): which kind of 4,096-character message costs most. */
function byShape(ask: Call): string[] {
  const messages = SHAPES.map(([, q]) => ({ q, lang: "id" as const, file: "" }));
  const costs = medians(messages, 5, ask);
  return [
    `core at ${MAX_QUERY_CHARS.toLocaleString("en")} chars by message shape (median of 5 runs each):`,
    ...SHAPES.map(([shape], i) => `  ${shape.padEnd(26)} ${us(costs[i] ?? Number.NaN)}`),
  ];
}

/** The questions the core takes longest on: where to look when the p99 moves. */
function slowest(questions: readonly BenchQuestion[], coreMedians: readonly number[], n: number): string[] {
  const order = coreMedians.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t);
  return [
    `slowest questions for the core (median of 15):`,
    ...order.slice(0, n).map(({ t, i }) => {
      const q = questions[i]?.q ?? "";
      return `  ${us(t)}  ${JSON.stringify(q.length > 90 ? `${q.slice(0, 87)}...` : q)}`;
    }),
  ];
}
