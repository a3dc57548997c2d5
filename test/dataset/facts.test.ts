/** The dataset held against the facts in the research, with their sources. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/dataset/dataset.ts";
import { loadDataset } from "../../src/dataset/load.ts";

let data: Dataset;
beforeAll(async () => {
  data = await loadDataset();
});

const SUMSEL = "16";
const winners = (year: number) =>
  data
    .statusInYear(SUMSEL, year)
    .filter((s) => s.record?.predikat === "peduli")
    .map((s) => s.region.code)
    .sort();

describe("Sumatera Selatan facts", () => {
  it("has 17 regions, names in proper case", () => {
    expect(data.regionsOf(SUMSEL).map((r) => r.name)).toContain("Kabupaten Ogan Komering Ulu");
    expect(data.regionsOf(SUMSEL)).toHaveLength(17);
    expect(data.regions.get("73.10")?.name).toBe("Kabupaten Pangkajene dan Kepulauan");
    expect(data.regions.get("16.72")?.name).toBe("Kota Pagar Alam");
  });

  it("2022: exactly Lahat, Musi Rawas and Lubuklinggau won", () => {
    expect(winners(2022)).toEqual(["16.04", "16.05", "16.73"]);
  });

  it("2023: 12 winners; 2024: 15, without Ogan Ilir and Musi Rawas Utara", () => {
    expect(winners(2023)).toHaveLength(12);
    expect(winners(2024)).toHaveLength(15);
    expect(data.record("16.10", 2024)?.predikat).toBe("not_awarded");
    expect(data.record("16.13", 2024)?.predikat).toBe("not_awarded");
  });

  it("2014: Ogan Ilir and Muara Enim; 2017: 11 winners and 4 cities rated cukup peduli", () => {
    expect(winners(2014)).toEqual(["16.03", "16.10"]);
    expect(winners(2017)).toHaveLength(11);
    const cukup = data.statusInYear(SUMSEL, 2017).filter((s) => s.record?.predikat === "cukup_peduli");
    expect(cukup.map((s) => s.region.type)).toEqual(["kota", "kota", "kota", "kota"]);
  });

  it("every record keeps at least one source URL", () => {
    for (const r of data.records) expect(r.sources.length, `${r.year} ${r.region}`).toBeGreaterThan(0);
  });

  it("keeps the research's conflicts visible in the notes", () => {
    expect(data.record("16.10", 2023)?.note).toMatch(/CONFLICT/);
  });

  it("records no round in 2021", () => {
    expect(data.round(2021)?.held).toBe(false);
    expect(data.records.some((r) => r.year === 2021)).toBe(false);
  });
});

describe("query API", () => {
  it("counts per year with completeness and the reported count for partial years", () => {
    const counts = data.yearlyCounts(SUMSEL);
    const y = (year: number) => counts.find((c) => c.year === year);
    expect(y(2022)).toMatchObject({ won: 3, total: 17, known: 17, complete: true, held: true });
    expect(y(2019)).toMatchObject({ complete: false, reported: 12 });
    expect(y(2021)).toMatchObject({ held: false, known: 0 });
    expect(counts[0]?.year).toBe(2014);
    expect(counts.at(-1)?.year).toBe(2024);
  });

  it("lists a region's records oldest first, and coverage per province-year", () => {
    const years = data.recordsOf("16.01").map((r) => r.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const sumsel = data.coverage().filter((c) => c.province.code === SUMSEL);
    expect(sumsel.filter((c) => c.count.complete).map((c) => c.count.year)).toEqual([
      2014, 2017, 2020, 2022, 2023, 2024,
    ]);
    expect(data.latestYear(SUMSEL)).toBe(2024);
  });
});
