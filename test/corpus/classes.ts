/**
 * The scoring rules of the generated corpus (test/corpus/generated.jsonl, written by
 * `npx tsx test/corpus/generate.ts`): what each line expects, how a reply is read, and how a
 * reply is judged against the expectation. Shared by generated.test.ts, zero-wrong.test.ts
 * and score.ts so the three cannot disagree.
 *
 * ## Line format (one JSON object per line)
 * `{ q, lang, class, expect, named? }`
 * - `q`: the message as a user would type it; `lang`: "id" | "en" (the reply language).
 * - `class`: which way of asking the line exercises (see CLASSES); each class is scored alone.
 * - `expect`: one of
 *   - an **atom** `{ kind, regions?, candidates?, includes?, intent?, province?, year?, won?, scope? }`:
 *     the answer kind must be `kind`, and each field given must hold:
 *     `regions` — the codes of `json.regions`, as a set, exactly;
 *     `candidates` — the codes the bot offers (`ambiguous` for choose, `suggestions` for
 *     confirm/not_recognised), as a set, exactly; `includes` — those offered codes include these;
 *     `intent`, `province`, `year` — equal to the JSON's; `won` — per code, the `won` of the
 *     result row for `year` (from data/awards.csv, never from the bot); `scope` — the trend's scope.
 *   - `{ oneOf: [atom, …] }`: any one of the atoms holds.
 *   - `{ notStated: true }`: no stated result at all — the kind is none of status, record,
 *     list, trend (asking, not understanding, help and smalltalk are all fine).
 * - `named`: codes of places the question names although the expectation does not answer
 *   about them ("cuaca besok Palembang?" names Palembang but asks about the weather). Only
 *   zero-wrong.test.ts reads it.
 *
 * Expectations come from data/ (regions, provinces, aliases, awards) and the generator's own
 * construction, never from the bot's replies.
 */
import { readFileSync } from "node:fs";
import { type Core, createCore } from "../../src/core.ts";
import { loadDataset } from "../../src/dataset/load.ts";
import { createI18n } from "../../src/render/i18n.ts";
import type { Lang } from "../../src/understand/request.ts";

export const CLASSES = [
  "official",
  "base",
  "english_type",
  "alias",
  "typo",
  "direction_short",
  "other_province",
  "unknown_short",
  "word_names",
  "smalltalk",
  "out_of_scope",
  "list",
  "trend",
  "year_forms",
  "multi",
] as const;
export type CorpusClass = (typeof CLASSES)[number];

export interface Atom {
  kind: string;
  regions?: string[];
  candidates?: string[];
  includes?: string[];
  intent?: string;
  province?: string;
  year?: number | null;
  won?: Record<string, boolean | null>;
  scope?: string;
}

export type Expect = Atom | { oneOf: Atom[] } | { notStated: true };

export interface GeneratedLine {
  q: string;
  lang: Lang;
  class: CorpusClass;
  expect: Expect;
  named?: string[];
}

export const GENERATED_FILE = new URL("./generated.jsonl", import.meta.url);

export function readGenerated(): GeneratedLine[] {
  return readFileSync(GENERATED_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as GeneratedLine);
}

/** The core as the bot builds it, Sumsel (16) as the home province. */
export async function createTestCore(): Promise<Core> {
  return createCore({ dataset: await loadDataset(), i18n: await createI18n(), homeProvince: "16" });
}

/** Answer kinds that state a result: a reply of one of these kinds says something is so. */
export const STATED_KINDS = new Set(["status", "record", "list", "trend"]);

/** What a reply says, read from the public JSON (and, until it carries them, the Answer). */
export interface Observed {
  kind: string;
  intent: string;
  year: number | null;
  province: string | null;
  regions: string[];
  ambiguous: string[];
  suggestions: string[];
  results: { code: string; year: number; won: boolean | null }[];
  /** For a trend: the scope code (a province or a region), else null. */
  scope: string | null;
}

/** Kinds of the answer model before the rewrite, under their new names. */
const RENAMED_KINDS: Record<string, string> = { unknown: "not_understood" };

const codesOf = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.map((v) => String((v as { code?: unknown }).code)) : null;

/**
 * Ask the core and read the reply. Reads `kind` and `suggestions` from the JSON when it has
 * them, else from `exchange.answer`, so the same tests run before and after the new JSON lands.
 */
export function observe(core: Core, q: string, lang: Lang): Observed {
  const exchange = core.ask(q, lang);
  const json = core.json(exchange, lang);
  const loose = json as unknown as { kind?: unknown; suggestions?: unknown };
  const answer = exchange.answer as unknown as { kind: string; suggestions?: unknown };
  const rawKind = typeof loose.kind === "string" ? loose.kind : answer.kind;
  const kind = RENAMED_KINDS[rawKind] ?? rawKind;
  const suggestions = codesOf(loose.suggestions) ?? codesOf(answer.suggestions) ?? [];
  const regions = json.regions.map((r) => r.code);
  const scope = kind === "trend" ? (json.trend[0]?.scope ?? regions[0] ?? json.province) : null;
  return {
    kind,
    intent: json.intent,
    year: json.year,
    province: json.province,
    regions,
    ambiguous: json.ambiguous.map((r) => r.code),
    suggestions,
    results: json.results.map((r) => ({ code: r.code, year: r.year, won: r.won })),
    scope,
  };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The codes a reply offers to choose from: the candidates of a choice, else its guesses. */
const offered = (got: Observed) => (got.kind === "choose" ? got.ambiguous : got.suggestions);

function holds(atom: Atom, got: Observed): boolean {
  if (got.kind !== atom.kind) return false;
  if (atom.regions && !sameSet(got.regions, atom.regions)) return false;
  if (atom.candidates && !sameSet(offered(got), atom.candidates)) return false;
  if (atom.includes && !atom.includes.every((c) => offered(got).includes(c))) return false;
  if (atom.intent !== undefined && got.intent !== atom.intent) return false;
  if (atom.province !== undefined && got.province !== atom.province) return false;
  if (atom.year !== undefined && got.year !== atom.year) return false;
  if (atom.scope !== undefined && got.scope !== atom.scope) return false;
  if (atom.won) {
    for (const [code, won] of Object.entries(atom.won)) {
      const row = got.results.find((r) => r.code === code && r.year === atom.year);
      if (!row || row.won !== won) return false;
    }
  }
  return true;
}

export function meets(expect: Expect, got: Observed): boolean {
  if ("notStated" in expect) return !STATED_KINDS.has(got.kind);
  if ("oneOf" in expect) return expect.oneOf.some((atom) => holds(atom, got));
  return holds(expect, got);
}

/** Every region code a line's expectation (or its `named`) mentions: the ones a reply may state. */
export function namedRegions(line: GeneratedLine): Set<string> {
  const codes = new Set(line.named ?? []);
  const atoms = "notStated" in line.expect ? [] : "oneOf" in line.expect ? line.expect.oneOf : [line.expect];
  for (const atom of atoms) {
    for (const c of [...(atom.regions ?? []), ...(atom.candidates ?? []), ...(atom.includes ?? [])]) codes.add(c);
    if (atom.scope?.includes(".")) codes.add(atom.scope);
    for (const c of Object.keys(atom.won ?? {})) codes.add(c);
  }
  return codes;
}

/**
 * The regions a reply states a result for that are not in `named`: for a status or a record,
 * every region it is about and every result row it gives. [] for any other kind of reply.
 */
export function strangers(got: Observed, named: Set<string>): string[] {
  if (got.kind !== "status" && got.kind !== "record") return [];
  const stated = new Set([...got.regions, ...got.results.map((r) => r.code)]);
  return [...stated].filter((code) => !named.has(code));
}

export interface Failure {
  line: GeneratedLine;
  got: Observed;
}

export interface ClassScore {
  cls: CorpusClass;
  total: number;
  passed: number;
  failures: Failure[];
  /** Lines whose reply stated a result for a region the question did not name. */
  wrong: number;
}

/** Run every line and score each class (in CLASSES order; classes without lines are left out). */
export function scoreLines(core: Core, lines: GeneratedLine[]): ClassScore[] {
  const scores = new Map<CorpusClass, ClassScore>(
    CLASSES.map((cls) => [cls, { cls, total: 0, passed: 0, failures: [], wrong: 0 }]),
  );
  for (const line of lines) {
    const score = scores.get(line.class);
    if (!score) throw new Error(`unknown class ${line.class} in ${JSON.stringify(line.q)}`);
    const got = observe(core, line.q, line.lang);
    score.total++;
    if (strangers(got, namedRegions(line)).length > 0) score.wrong++;
    if (meets(line.expect, got)) score.passed++;
    else score.failures.push({ line, got });
  }
  return [...scores.values()].filter((s) => s.total > 0);
}

export const percent = (s: ClassScore) => (s.total === 0 ? 100 : (100 * s.passed) / s.total);

/** One failing line, short enough to read in a list: question, expectation, what came back. */
export function describeFailure({ line, got }: Failure): string {
  const said = {
    kind: got.kind,
    regions: got.regions,
    ambiguous: got.ambiguous,
    suggestions: got.suggestions,
    ...(got.year !== null ? { year: got.year } : {}),
    ...(got.scope !== null ? { scope: got.scope } : {}),
    ...(got.kind === "list" ? { intent: got.intent, province: got.province } : {}),
  };
  return `${JSON.stringify(line.q)} [${line.lang}]\n  want ${JSON.stringify(line.expect)}\n  got  ${JSON.stringify(said)}`;
}
