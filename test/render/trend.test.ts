/**
 * Trend replies and their charts over the real data: the chart shows the same years as the
 * text, a scope with two years of data or fewer gets the text without a chart, and the
 * province keyboard fits a phone (short labels, unique, two a row, eight a page).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import { type Core, createCore } from "../../src/core.ts";
import { loadDataset } from "../../src/dataset/load.ts";
import { decodeButton } from "../../src/render/callback-data.ts";
import { trendSvg } from "../../src/render/chart/svg.ts";
import { createI18n } from "../../src/render/i18n.ts";
import { MIN_CHART_YEARS, trendRegionRows } from "../../src/render/kinds/trend.ts";
import { SHORT_FORMS } from "../../src/render/parts.ts";

type Trend = Extract<Answer, { kind: "trend" }>;

let core: Core;
beforeAll(async () => {
  core = createCore({
    dataset: await loadDataset(),
    i18n: await createI18n(),
    homeProvince: "16",
    now: () => new Date("2026-12-01T09:00:00Z"),
  });
});

const trend = (scope: string) => {
  const ex = core.act({ kind: "trend", scope }, "id");
  if (ex?.answer.kind !== "trend") throw new Error(`no trend for ${scope}`);
  return { answer: ex.answer as Trend, reply: ex.reply };
};
const chartYears = (answer: Trend) =>
  [...new Set([...trendSvg(answer, core.t("id")).matchAll(/data-year="(\d{4})"/g)].map((m) => Number(m[1])))].sort();
/** "2014* ❌ · 2015 ✅" (region) or "2014: 2/17 · …" (province): the years the text names. */
const textYears = (html: string) =>
  [...new Set([...(html.split("\n")[1] ?? "").matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1])))].sort();

describe("trend charts", () => {
  it("show the same years as the text, for every region and province that has a chart", () => {
    const scopes = [...core.dataset.provinces.keys(), ...core.dataset.regions.keys()];
    let charted = 0;
    for (const scope of scopes) {
      const { answer, reply } = trend(scope);
      if (reply.chart === null) continue;
      charted++;
      expect(chartYears(answer), scope).toEqual(textYears(reply.html));
    }
    expect(charted).toBeGreaterThan(20);
  });

  it(`need ${MIN_CHART_YEARS} years with data; with fewer the text goes alone`, () => {
    const scopes = [...core.dataset.provinces.keys(), ...core.dataset.regions.keys()];
    const skipped: string[] = [];
    for (const scope of scopes) {
      const { answer, reply } = trend(scope);
      const years =
        answer.scope.type === "province"
          ? answer.points.filter((p) => p.held && p.known > 0).length
          : (answer.history?.results.filter((r) => r.won !== null).length ?? 0);
      const covered = answer.scope.type === "province" || answer.history?.covered === true;
      expect(reply.chart !== null, scope).toBe(covered && years >= MIN_CHART_YEARS);
      if (covered && years > 0 && years < MIN_CHART_YEARS) skipped.push(scope);
    }
    // Aceh Tengah (2 years) and Aceh province (2 years) are among them; their text stays.
    expect(skipped).toEqual(expect.arrayContaining(["11.04", "11"]));
    expect(trend("11.04").reply.html).toContain("Aceh Tengah");
  });
});

describe("province keyboard", () => {
  it("every short label is an alias of that very region in data/aliases.csv", () => {
    for (const [code, label] of Object.entries(SHORT_FORMS)) {
      const alias = core.dataset.aliases.find((a) => a.alias === label);
      expect(alias?.codes, label).toEqual([code]);
    }
  });

  it("every province: labels unique, at most 8 regions a page, 2 a row, pages covering every region once", () => {
    for (const code of core.dataset.provinces.keys()) {
      const { answer } = trend(code);
      const pages = Math.max(1, Math.ceil(answer.regions.length / 8));
      const seen: string[] = [];
      for (let page = 0; page < pages; page++) {
        const rows = trendRegionRows(answer, page, core.t("id"));
        const regionRows = pages > 1 ? rows.slice(0, -1) : rows;
        expect(regionRows.every((r) => r.length <= 2)).toBe(true);
        expect(regionRows.flat().length).toBeLessThanOrEqual(8);
        for (const b of rows.flat()) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
        for (const b of regionRows.flat()) {
          const decoded = decodeButton(b.data);
          expect(decoded?.kind).toBe("trend");
          seen.push(decoded?.kind === "trend" ? decoded.scope : "");
        }
        const labels = regionRows.flat().map((b) => b.text);
        // No type word but where a city shares its name with a regency ("Kota Kediri").
        expect(
          labels.filter((l) => /^(Kabupaten|Kota Administrasi) /.test(l)),
          code,
        ).toEqual([]);
      }
      expect(seen.sort(), code).toEqual(answer.regions.map((r) => r.code).sort());
      const allLabels = Array.from({ length: pages }, (_, p) => trendRegionRows(answer, p, core.t("id")))
        .flatMap((rows) => (pages > 1 ? rows.slice(0, -1) : rows))
        .flat()
        .map((b) => b.text);
      expect(new Set(allLabels).size, code).toBe(allLabels.length);
    }
  });
});

describe("bot-layer buttons", () => {
  it("trend_page and ask round-trip through callback data and nothing else decodes as them", async () => {
    const { encodeButton } = await import("../../src/render/callback-data.ts");
    for (const b of [
      { kind: "trend_page", scope: "35", page: 0 },
      { kind: "trend_page", scope: "16", page: 12 },
      { kind: "ask", example: 0 },
      { kind: "ask", example: 2 },
    ] as const) {
      const data = encodeButton(b);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeButton(data)).toEqual(b);
    }
    for (const forged of ["tp|16|13", "tp|16|01", "tp|16|1|x", "tp|16.01|1", "tp||1", "a|3", "a|01", "a|", "a|0|0"]) {
      expect(decodeButton(forged), forged).toBeNull();
    }
  });
});
