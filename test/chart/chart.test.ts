import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { crc32, inflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { beforeAll, describe, expect, it } from "vitest";
import { ChartBusyError, createChartRenderer, type TrendAnswer } from "../../src/render/chart/charts.ts";
import { resvgOptions, svgToPngAsync } from "../../src/render/chart/png.ts";
import { CHART_HEIGHT, CHART_WIDTH, textWidth, trendSvg } from "../../src/render/chart/svg.ts";
import { createI18n, fixedT, type TFunction } from "../../src/render/i18n.ts";
import { provinceTrend, regionTrend } from "./fixtures.ts";

let tId: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const i18n = await createI18n();
  tId = fixedT(i18n, "id");
  tEn = fixedT(i18n, "en");
});

/** The attributes of every element matching `<tag class="cls" …>`. */
function elements(svg: string, tag: string, cls: string): Record<string, string>[] {
  const re = new RegExp(`<${tag} class="${cls}"([^>]*)>`, "g");
  return [...svg.matchAll(re)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? "").matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1] as string] = a[2] as string;
    return attrs;
  });
}

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
}

function ihdr(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("province trend SVG", () => {
  it("draws one bar per held year with data, with the right values", () => {
    const svg = trendSvg(provinceTrend(), tId);
    const bars = elements(svg, "rect", "bar");
    expect(bars.map((b) => Number(b["data-year"]))).toEqual([2014, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024]);
    const byYear = new Map(bars.map((b) => [Number(b["data-year"]), b]));
    expect(byYear.get(2022)).toMatchObject({ "data-won": "3", "data-total": "17", "data-partial": "false" });
    expect(byYear.get(2023)).toMatchObject({ "data-won": "12", "data-total": "17" });
    expect(byYear.get(2024)).toMatchObject({ "data-won": "15", "data-total": "17" });
    // Heights are proportional to winners out of the province's 17 regions.
    const h = (year: number) => Number(byYear.get(year)?.height);
    expect(h(2024) / h(2023)).toBeCloseTo(15 / 12, 2);
    expect(h(2022) / h(2023)).toBeCloseTo(3 / 12, 2);
    const values = texts(svg);
    for (const v of ["2/17", "11/17", "3/17", "12/17", "15/17"]) expect(values).toContain(v);
    // Every year of the answer gets a year label, including the one without a round.
    for (const p of provinceTrend().points) expect(values).toContain(String(p.year));
  });

  it("marks partial years (hatched, asterisk, reported count) and explains them in the legend", () => {
    const svg = trendSvg(provinceTrend(), tEn);
    const bars = elements(svg, "rect", "bar");
    const partial = bars.filter((b) => b["data-partial"] === "true").map((b) => Number(b["data-year"]));
    expect(partial).toEqual([2016, 2018, 2019]);
    for (const b of bars) {
      expect(b.fill).toBe(b["data-partial"] === "true" ? "url(#hatch-partial)" : "#17733a");
    }
    const values = texts(svg);
    for (const v of ["4*", "2*", "5*"]) expect(values).toContain(v);
    const reported = elements(svg, "rect", "reported");
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ "data-year": "2019", "data-reported": "12" });
    expect(values).toContain("12");
    expect(svg).toContain('data-key="partial"');
    expect(svg).toContain('data-key="reported"');
    expect(values).toContain("* Partial data: only the regions on record");
  });

  it("marks the year without a round and years without data, with no bar", () => {
    const answer = provinceTrend();
    answer.points.splice(1, 0, {
      year: 2015,
      held: true,
      won: 0,
      known: 0,
      total: 17,
      complete: false,
      inferred: 0,
      reported: null,
    });
    const id = trendSvg(answer, tId);
    const en = trendSvg(answer, tEn);
    expect(id).toMatch(/<g class="no-round" data-year="2021">[\s\S]*?tidak ada penilaian[\s\S]*?<\/g>/);
    expect(en).toMatch(/<g class="no-round" data-year="2021">[\s\S]*?no round[\s\S]*?<\/g>/);
    expect(id).toMatch(/<g class="no-data" data-year="2015"[^>]*>[\s\S]*?tidak ada data[\s\S]*?<\/g>/);
    expect(en).toMatch(/<g class="no-data" data-year="2015"[^>]*>[\s\S]*?no data[\s\S]*?<\/g>/);
    const years = elements(id, "rect", "bar").map((b) => b["data-year"]);
    expect(years).not.toContain("2021");
    expect(years).not.toContain("2015");
  });

  it("words title, legend and footnote in each language", () => {
    const id = trendSvg(provinceTrend(), tId);
    const en = trendSvg(provinceTrend(), tEn);
    const idTexts = texts(id);
    const enTexts = texts(en);
    expect(id).toContain("<title>Kabupaten/Kota Peduli HAM — Sumatera Selatan</title>");
    expect(idTexts).toEqual(
      expect.arrayContaining([
        "Penghargaan Kabupaten/Kota Peduli HAM",
        "Sumatera Selatan",
        "Kabupaten/kota berpredikat Peduli HAM, dari 17",
        "Data lengkap",
        "Jumlah menurut berita",
        "Tahun upacara (sertifikat menyebut tahun sebelumnya)",
      ]),
    );
    expect(enTexts).toEqual(
      expect.arrayContaining([
        "Kabupaten/Kota Peduli HAM award",
        "Regencies/cities awarded Peduli HAM, out of 17",
        "Complete data",
        "Count reported in the news",
        "Ceremony year (certificates name the year before)",
      ]),
    );
    expect(enTexts).not.toContain("Data lengkap");
    expect(idTexts).not.toContain("Complete data");
    // No missing key ever shows up as its key path.
    expect(id).not.toMatch(/>chart\./);
    expect(en).not.toMatch(/>chart\./);
  });
});

describe("region trend SVG", () => {
  it("draws one cell per year with its outcome, and a legend for each outcome", () => {
    const answer = regionTrend();
    const svg = trendSvg(answer, tEn);
    const cells = elements(svg, "g", "cell");
    expect(cells.map((c) => [Number(c["data-year"]), c["data-outcome"]])).toEqual(
      answer.history?.results.map((r) => [r.year, r.outcome]),
    );
    expect(cells.find((c) => c["data-year"] === "2019")?.["data-predikat"]).toBe("cukup_peduli");
    for (const key of ["won", "lower", "not_awarded", "no_data", "no_round"]) {
      expect(svg).toContain(`<g class="legend-item" data-key="${key}">`);
    }
    const values = texts(svg);
    // A symbol per outcome, so colour is never the only cue.
    for (const symbol of ["✓", "↓", "×", "?", "–"]) expect(values).toContain(symbol);
    expect(values).toEqual(
      expect.arrayContaining([
        "Awarded Peduli HAM",
        "Not awarded",
        "No data",
        "No round that year",
        "Kabupaten Ogan Komering Ulu",
      ]),
    );
    const id = texts(trendSvg(answer, tId));
    expect(id).toEqual(expect.arrayContaining(["Meraih predikat Peduli HAM", "Hasil per tahun", "Tidak ada data"]));
    expect(id).not.toContain("No data");
  });

  it("marks inferred years with an asterisk and explains it, as the text reply does", () => {
    const answer = regionTrend();
    const plain = texts(trendSvg(answer, tId));
    expect(plain).not.toContain("2022*");
    expect(plain.some((t) => t.startsWith("* disimpulkan"))).toBe(false);
    const results = answer.history?.results.map((r) => (r.year === 2022 ? { ...r, evidence: "inferred" as const } : r));
    const inferred = { ...answer, history: answer.history && { ...answer.history, results: results ?? [] } };
    const svg = trendSvg(inferred, tId);
    expect(elements(svg, "g", "cell").find((c) => c["data-year"] === "2022")?.["data-evidence"]).toBe("inferred");
    expect(texts(svg)).toContain("2022*");
    expect(texts(svg)).toContain("* disimpulkan dari sumber, tidak dinyatakan langsung");
  });

  it("falls back to the points when the answer has no history", () => {
    const answer = { ...regionTrend(), history: null };
    const cells = elements(trendSvg(answer, tId), "g", "cell");
    expect(cells.find((c) => c["data-year"] === "2021")?.["data-outcome"]).toBe("no_round");
    expect(cells.find((c) => c["data-year"] === "2023")?.["data-outcome"]).toBe("won");
    expect(cells.find((c) => c["data-year"] === "2016")?.["data-outcome"]).toBe("no_data");
  });

  it("escapes names (& < > quotes) in text and title, and stays valid XML", () => {
    const answer = regionTrend(`Kota "A" & B <C>`, "99.01");
    const svg = trendSvg(answer, tEn);
    expect(svg).not.toContain("A & B");
    expect(svg).not.toContain("<C>");
    expect(svg).toContain("&quot;A&quot; &amp; B &lt;C&gt;");
    expect(svg).toContain("<title>Kabupaten/Kota Peduli HAM — Kota &quot;A&quot; &amp; B &lt;C&gt;</title>");
    const province = trendSvg(provinceTrend("Bangka & Belitung"), tId);
    expect(province).toContain("Bangka &amp; Belitung");
    // resvg parses both (it throws on malformed XML).
    expect(() => new Resvg(svg, resvgOptions()).render()).not.toThrow();
    expect(() => new Resvg(province, resvgOptions()).render()).not.toThrow();
  });
});

describe("locale keys", () => {
  function keys(obj: unknown, prefix = ""): string[] {
    if (typeof obj !== "object" || obj === null) return [prefix];
    return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  it("has every chart key in both languages, none empty", () => {
    const load = (lang: string) =>
      JSON.parse(readFileSync(fileURLToPath(new URL(`../../locales/${lang}.json`, import.meta.url)), "utf8")).chart;
    const id = load("id");
    const en = load("en");
    expect(keys(id).sort()).toEqual(keys(en).sort());
    expect(keys(id).length).toBeGreaterThan(10);
    for (const k of keys(id)) {
      const get = (o: Record<string, unknown>) =>
        k.split(".").reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o);
      expect(String(get(id)).trim(), `id chart.${k}`).not.toBe("");
      expect(String(get(en)).trim(), `en chart.${k}`).not.toBe("");
    }
  });
});

describe("text width estimate", () => {
  it("is never narrower than what resvg draws with the bundled Inter", () => {
    const opts = resvgOptions();
    for (const bold of [false, true]) {
      for (const s of ["2024", "12/17", "15/17*", "Kabupaten Ogan Komering Ulu", "Ceremony year (certificates)"]) {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="10" y="60" font-family="Inter" font-size="40"${bold ? ' font-weight="700"' : ""}>${s}</text></svg>`;
        const bbox = new Resvg(svg, opts).getBBox();
        expect(bbox, `text drawn: ${s}`).toBeTruthy();
        const est = textWidth(s, 40, bold);
        expect(est).toBeGreaterThanOrEqual(bbox?.width ?? Number.POSITIVE_INFINITY);
        expect(est).toBeLessThan((bbox?.width ?? 0) * 1.15);
      }
    }
  });
});

describe("chart renderer", () => {
  it("renders PNGs of the canvas width; a province chart is square, a region chart only as tall as it needs", async () => {
    const renderer = createChartRenderer();
    const province = await renderer.render(provinceTrend(), tId, "id", "v1");
    expect(province.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(province.png.toString("ascii", 12, 16)).toBe("IHDR");
    expect(ihdr(province.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(province.svg).toContain(`width="${CHART_WIDTH}" height="${CHART_HEIGHT}"`);
    expect(province.png.length).toBeGreaterThan(20_000);
    const region = await renderer.render(regionTrend(), tId, "id", "v1");
    const { width, height } = ihdr(region.png);
    expect(width).toBe(CHART_WIDTH);
    // The square frame's empty lower third is gone.
    expect(height).toBeLessThan(CHART_HEIGHT * 0.8);
    expect(region.svg).toContain(`height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}"`);
  });

  it("its own PNG encoding holds exactly resvg's pixels, with valid chunk checksums", async () => {
    const svg = trendSvg(regionTrend(), tId);
    const png = await svgToPngAsync(svg, resvgOptions());
    const expected = new Resvg(svg, resvgOptions()).render();
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.toString("ascii", at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(data, crc32(Buffer.from(type, "ascii"))));
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(ihdr(png)).toEqual({ width: expected.width, height: expected.height });
    const rows = inflateSync(chunks[1]?.data ?? Buffer.alloc(0));
    const stride = expected.width * 4;
    const pixels = Buffer.concat(
      Array.from({ length: expected.height }, (_, y) => {
        expect(rows[y * (stride + 1)]).toBe(0);
        return rows.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      }),
    );
    expect(pixels.equals(expected.pixels)).toBe(true);
  });

  it("keeps the region chart's footnote below its legend and inside the canvas", () => {
    const svg = trendSvg(regionTrend(), tId);
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
    const textYs = (part: string) => [...part.matchAll(/<text x="[\d.-]+" y="([\d.-]+)"/g)].map((m) => Number(m[1]));
    const legend = svg.slice(svg.indexOf('<g class="legend">'), svg.indexOf('<g class="strip">'));
    const footYs = [...svg.matchAll(/<text x="[\d.-]+" y="([\d.-]+)"[^>]*class="footnote"/g)].map((m) => Number(m[1]));
    expect(textYs(legend).length).toBeGreaterThan(0);
    expect(footYs.length).toBeGreaterThan(0);
    expect(Math.max(...textYs(legend))).toBeLessThan(Math.min(...footYs));
    expect(Math.max(...footYs)).toBeLessThan(height);
  });

  it("caches per scope, language and data version, bounded", async () => {
    const renderer = createChartRenderer({ maxEntries: 2 });
    const render = (answer: TrendAnswer, t: TFunction, lang: string, v: string) => renderer.render(answer, t, lang, v);
    const first = await render(provinceTrend(), tId, "id", "v1");
    expect(first.cached).toBe(false);
    const again = await render(provinceTrend(), tId, "id", "v1");
    expect(again.cached).toBe(true);
    expect(again.png).toBe(first.png);
    expect(again.svg).toBe(first.svg);
    expect((await render(provinceTrend(), tEn, "en", "v1")).cached).toBe(false);
    expect((await render(provinceTrend(), tEn, "en", "v1")).cached).toBe(true);
    // A new data version is a new chart; with room for two, the oldest ("id", v1) is evicted.
    expect((await render(provinceTrend(), tId, "id", "v2")).cached).toBe(false);
    expect((await render(provinceTrend(), tEn, "en", "v1")).cached).toBe(true);
    expect((await render(provinceTrend(), tId, "id", "v1")).cached).toBe(false);
    // A region of the same province is a different scope.
    expect((await render(regionTrend(), tId, "id", "v2")).cached).toBe(false);
  });

  it("renders at most two at a time, queues a few, and refuses past the queue with ChartBusyError", async () => {
    const renderer = createChartRenderer({ concurrency: 2, queue: 1 });
    // Four different charts asked at once: two render, one waits, the fourth is refused.
    const jobs = [
      renderer.render(provinceTrend(), tId, "id", "a"),
      renderer.render(provinceTrend(), tId, "id", "b"),
      renderer.render(provinceTrend(), tId, "id", "c"),
      renderer.render(provinceTrend(), tId, "id", "d"),
    ];
    const settled = await Promise.allSettled(jobs);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected"]);
    expect((settled[3] as PromiseRejectedResult).reason).toBeInstanceOf(ChartBusyError);
    // Once the queue has drained, the refused chart renders.
    expect((await renderer.render(provinceTrend(), tId, "id", "d")).cached).toBe(false);
  });

  it("shares one render between two requests for the same chart", async () => {
    const renderer = createChartRenderer({ concurrency: 1, queue: 0 });
    const [a, b] = await Promise.all([
      renderer.render(regionTrend(), tId, "id", "v1"),
      renderer.render(regionTrend(), tId, "id", "v1"),
    ]);
    expect(a.png).toBe(b.png);
    expect([a.cached, b.cached]).toEqual([false, true]);
  });

  it("loads no fonts until the first render, then fails loudly when they are missing", async () => {
    const renderer = createChartRenderer({ fontDir: "/nonexistent/fonts" });
    await expect(renderer.render(provinceTrend(), tId, "id", "v1")).rejects.toThrow(/chart fonts missing/);
  });
});

describe("years whose results are mostly inferred", () => {
  it("carry a mark on the year and a legend line; years stated by sources do not", () => {
    const answer = provinceTrend();
    const year2014 = answer.points.find((p) => p.year === 2014);
    if (!year2014) throw new Error("fixture lost 2014");
    year2014.inferred = 15; // 2 winners stated, the other 15 worked out from "only these two"
    const svg = trendSvg(answer, tEn);
    expect(svg).toMatch(/class="year" data-inferred="true"[^>]*>~2014</);
    expect(svg).toMatch(/class="year" data-inferred="false"[^>]*>2017</);
    expect(svg).toContain(">Results mostly inferred from the sources<");
    expect(trendSvg(provinceTrend(), tEn)).not.toContain("mostly inferred");
  });
});
