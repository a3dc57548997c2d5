/**
 * The question corpus (test/corpus/questions.jsonl): every line goes through the same core the
 * bot uses and must give the expected intent, year, regions, choices, scope and outcome.
 * `won` values in the corpus are derived from data/awards.csv (`npx tsx test/corpus/fill-won.ts`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore, type Exchange } from "../../src/core.ts";
import type { Dataset } from "../../src/dataset/dataset.ts";
import { loadDataset } from "../../src/dataset/load.ts";
import { createI18n } from "../../src/render/i18n.ts";
import { type CorpusCase, expectedWon, readCorpus } from "./corpus.ts";

const cases = readCorpus();

let core: Core;
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadDataset();
  core = createCore({
    dataset,
    i18n: await createI18n(),
    homeProvince: "16",
    now: () => new Date("2026-12-01T12:00:00Z"),
  });
});

const sorted = (codes: string[]) => [...codes].sort();

/** The year the question asked about (a list shows the latest year when none was asked). */
function askedYear(u: Exchange["understood"]): number | null {
  if ("year" in u) return u.year;
  if ("ask" in u && u.ask.kind === "status") return u.ask.year;
  return null;
}

function actual(c: CorpusCase) {
  const exchange = core.ask(c.q, c.lang);
  const json = core.json(exchange, c.lang);
  const got: Record<string, unknown> = {
    intent: json.intent,
    year: askedYear(exchange.understood),
    regions: sorted(json.regions.map((r) => r.code)),
    ambiguous: sorted(json.ambiguous.map((r) => r.code)),
  };
  if (c.province !== undefined) got.province = json.province;
  if (c.answer !== undefined) got.answer = json.kind;
  if (c.won) {
    got.won = Object.fromEntries(
      Object.keys(c.won).map((code) => {
        const row = json.results.find((r) => r.code === code && r.year === c.year);
        return [code, row ? row.won : "no result row"];
      }),
    );
  }
  return { got, json };
}

describe("question corpus", () => {
  it("has at least 320 questions in both languages", () => {
    expect(cases.length).toBeGreaterThanOrEqual(320);
    expect(cases.some((c) => c.lang === "en")).toBe(true);
    expect(cases.some((c) => c.lang === "id")).toBe(true);
  });

  it.each(cases.map((c) => [JSON.stringify(c.q).slice(0, 120), c] as const))("%s", (_label, c) => {
    const { got, json } = actual(c);
    const want: Record<string, unknown> = {
      intent: c.intent,
      year: c.year,
      regions: sorted(c.regions),
      ambiguous: sorted(c.ambiguous ?? []),
    };
    if (c.province !== undefined) want.province = c.province;
    if (c.answer !== undefined) want.answer = c.answer;
    if (c.won) want.won = c.won;
    expect(got).toEqual(want);
    // A list answers the year asked, and the JSON says which.
    if (c.year !== null) expect(json.year).toBe(c.year);
    expect(json.text.length).toBeGreaterThan(0);
  });

  it("derives every expected `won` from data/awards.csv", () => {
    for (const c of cases) {
      if (!c.won) continue;
      expect(c.intent, c.q).toBe("status");
      expect(c.won, c.q).toEqual(expectedWon(c.regions, c.year));
    }
  });
});

describe("Sumsel winners agree with the research notes", () => {
  const winners = (year: number) =>
    core
      .json(core.ask(`siapa yang menang ${year}`, "id"), "id")
      .results.filter((r) => r.won === true)
      .map((r) => r.code)
      .sort();

  it("2022: exactly Lahat, Musi Rawas and Lubuk Linggau", () => {
    expect(winners(2022)).toEqual(["16.04", "16.05", "16.73"]);
  });
  it("2023: twelve", () => {
    expect(winners(2023)).toHaveLength(12);
  });
  it("2024: fifteen, not Ogan Ilir or Muratara", () => {
    const list = winners(2024);
    expect(list).toHaveLength(15);
    expect(list).not.toContain("16.10");
    expect(list).not.toContain("16.13");
  });
});

describe("every region and alias", () => {
  const ask = (text: string) => {
    const json = core.json(core.ask(text, "id"), "id");
    return {
      intent: json.intent,
      province: json.province,
      regions: json.regions.map((r) => r.code),
      ambiguous: json.ambiguous.map((r) => r.code),
    };
  };

  it("resolves each of the 514 regions by its official name to exactly itself", () => {
    expect(dataset.regions.size).toBe(514);
    const wrong = [...dataset.regions.values()]
      .map((r) => ({ name: r.name, code: r.code, got: ask(r.name) }))
      .filter(({ code, got }) => got.intent !== "status" || got.regions.join() !== code || got.ambiguous.length > 0);
    expect(wrong).toEqual([]);
  });

  it("resolves each region by its base name to itself or to a choice that includes it", () => {
    let shared = 0;
    const wrong = [...dataset.regions.values()]
      .map((r) => ({ name: r.baseName, code: r.code, got: ask(r.baseName) }))
      .filter(({ code, got }) => {
        if (got.intent !== "status") return true;
        if (got.regions.length === 1 && got.regions[0] === code && got.ambiguous.length === 0) return false;
        if (got.regions.length === 0 && got.ambiguous.includes(code)) {
          shared++;
          return false;
        }
        return true;
      });
    expect(wrong).toEqual([]);
    // The kab/kota pairs that share a name (Bandung, Bogor, ...): both sides ask.
    expect(shared).toBe(52);
  });

  it("resolves every alias in data/aliases.csv to its code(s)", () => {
    const wrong = dataset.aliases
      .map((a) => ({ alias: a.alias, codes: a.codes, got: ask(a.alias) }))
      .filter(({ codes, got }) => {
        const first = codes[0] ?? "";
        if (!first.includes(".")) return got.province !== first || got.regions.length > 0 || got.intent !== "winners";
        if (got.intent !== "status") return true;
        if (codes.length === 1) return got.regions.join() !== first || got.ambiguous.length > 0;
        return got.regions.length > 0 || !codes.every((c) => got.ambiguous.includes(c));
      });
    expect(wrong).toEqual([]);
  });
});
