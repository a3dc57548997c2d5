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
      2014, 2015, 2017, 2020, 2022, 2023, 2024,
    ]);
    expect(data.latestYear(SUMSEL)).toBe(2024);
  });
});

const code = (name: string) => {
  const matches = [...data.regions.values()].filter((r) => r.name === name);
  expect(matches, name).toHaveLength(1);
  return matches[0]?.code ?? "";
};

describe("second research pass (kkpham-facts-2.md, kkpham-awards-2.csv)", () => {
  it("2015 Sumsel: Pagar Alam, Palembang, OKU, Ogan Ilir and Prabumulih won (ham.go.id 2016-05-16); the other 12 inferred", () => {
    expect(winners(2015)).toEqual(
      ["Kota Pagar Alam", "Kota Palembang", "Kabupaten Ogan Komering Ulu", "Kabupaten Ogan Ilir", "Kota Prabumulih"]
        .map(code)
        .sort(),
    );
    const others = data.statusInYear(SUMSEL, 2015).filter((s) => s.record?.predikat !== "peduli");
    expect(others).toHaveLength(12);
    expect(others.every((s) => s.record?.evidence === "inferred")).toBe(true);
    expect(data.provinceCount(SUMSEL, 2015)).toMatchObject({ won: 5, outOf: 17 });
  });

  it("Sumsel 2022 is still exactly Lahat, Musi Rawas and Lubuk Linggau; Palembang's own claim is a CONFLICT note", () => {
    expect(winners(2022)).toEqual(["Kabupaten Lahat", "Kabupaten Musi Rawas", "Kota Lubuk Linggau"].map(code).sort());
    expect(data.record("16.71", 2022)?.note).toMatch(/CONFLICT: the city says .*since 2022/);
  });

  it("maps kabupaten and kota of the same name apart (Jateng 2016: all 35, Kota and Kabupaten Magelang both)", () => {
    expect(data.record(code("Kabupaten Magelang"), 2016)?.predikat).toBe("peduli");
    expect(data.record(code("Kota Magelang"), 2016)?.predikat).toBe("peduli");
    expect(data.yearlyCounts("33").find((c) => c.year === 2016)).toMatchObject({ won: 35, complete: true });
    // 2013: Kudus and Kota Salatiga only; "Magelang" and "Pekalongan" were not said to be kab or kota.
    expect(data.record(code("Kota Salatiga"), 2013)?.predikat).toBe("peduli");
    expect(data.record(code("Kabupaten Magelang"), 2013)).toBeUndefined();
  });

  it("Lampung 2020: the six inferred non-winners are now reported cukup peduli, keeping both sources", () => {
    const lamtim = data.record(code("Kabupaten Lampung Timur"), 2020);
    expect(lamtim).toMatchObject({ predikat: "cukup_peduli", evidence: "reported" });
    expect(lamtim?.sources).toHaveLength(2);
    expect(data.record(code("Kabupaten Lampung Utara"), 2020)).toMatchObject({ predikat: "peduli" });
    expect(data.record(code("Kabupaten Lampung Utara"), 2020)?.note).toMatch(/CONFLICT/);
  });

  it("new province counts: Kalsel 2019 11/13, Kalteng 2023 2/14, Sulteng 2020/22/23/24", () => {
    expect(data.provinceCount("63", 2019)).toMatchObject({ won: 11, outOf: 13 });
    expect(data.provinceCount("62", 2023)).toMatchObject({ won: 2, outOf: 14 });
    expect([2020, 2022, 2023, 2024].map((y) => data.provinceCount("72", y)?.won)).toEqual([6, 4, 6, 10]);
    for (const y of [2020, 2022, 2023, 2024]) {
      expect(data.yearlyCounts("72").find((c) => c.year === y)?.won, String(y)).toBe(data.provinceCount("72", y)?.won);
    }
  });
});

describe("rounds", () => {
  it("2025: the Hari HAM ke-77 ceremony was held at Tennis Indoor Senayan, but no result list was found", () => {
    const r = data.round(2025);
    expect(r).toMatchObject({ held: true, resultsFound: false, hariHam: 77, ceremonyDate: "2025-12-10" });
    expect(r?.place).toMatch(/Tennis Indoor Senayan/);
    expect(r?.note).toMatch(/no KKPHAM result list has been found/);
    expect(r?.sources.length).toBeGreaterThan(1);
    expect(data.records.some((x) => x.year === 2025)).toBe(false);
    expect(data.nationalCounts(2025)).toEqual([]);
  });

  it("has no 2026 round (nothing sourced); the search result is a programme fact instead", () => {
    expect(data.round(2026)).toBeUndefined();
    expect(data.programmeFacts("history").find((f) => f.key === "round_2026")?.value).toMatch(/nothing/);
  });

  it("numbers the Hari HAM ceremonies 66 to 77 for 2014-2025 and keeps the decree and certificate label", () => {
    for (const year of [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024, 2025]) {
      expect(data.round(year)?.hariHam, String(year)).toBe(year - 1948);
    }
    expect(data.round(2021)).toMatchObject({ held: false, resultsFound: false, hariHam: null });
    expect(data.round(2023)).toMatchObject({ theme: "Harmoni dalam Keberagaman", certificateLabel: "Tahun 2022" });
    expect(data.round(2023)?.decree).toMatch(/M\.HH-03\.HA\.02\.01\.01/);
    expect(data.round(2024)).toMatchObject({
      certificateLabel: "Tahun 2023",
      handedBy: expect.stringMatching(/Pigai/),
    });
    expect(data.round(2024)?.source).toBe(data.round(2024)?.sources[0]);
  });
});

describe("national counts", () => {
  it("2020: 259 peduli of 514 (50.4%) with 439 taking part; the 'about 59%' kept as a competing figure", () => {
    const c = data.nationalCounts(2020);
    const primary = (m: string) => c.filter((x) => x.measure === m && x.primary).map((x) => x.value);
    expect(primary("peduli")).toEqual([259]);
    expect(primary("participants")).toEqual([439]);
    expect(primary("peduli_percent")).toEqual([50.4]);
    expect(c.find((x) => x.measure === "peduli_percent" && !x.primary)).toMatchObject({ value: 59 });
    expect(data.round(2020)?.nationalWinners).toBe(259);
  });

  it("keeps every competing figure with its source: 2022 170 vs 181, 98, 72; 2015 138 vs 132", () => {
    const peduli = (y: number) => data.nationalCounts(y).filter((x) => x.measure === "peduli");
    expect(peduli(2022).map((x) => x.value)).toEqual([170, 181, 98, 72]);
    expect(
      peduli(2022)
        .filter((x) => !x.primary)
        .every((x) => /CONFLICT/.test(x.note)),
    ).toBe(true);
    expect(peduli(2015).map((x) => [x.value, x.primary])).toEqual([
      [138, true],
      [132, false],
    ]);
  });

  it("has one primary national winners figure per round that agrees with rounds.csv", () => {
    for (const round of data.rounds.values()) {
      const primary = data.nationalCounts(round.year).find((x) => x.measure === "peduli" && x.primary);
      expect(primary?.value ?? null, String(round.year)).toBe(round.nationalWinners);
    }
  });

  it("2024: 20 governors awarded against the '10 provinces' list", () => {
    const provinces = data.nationalCounts(2024).filter((x) => x.measure === "provinces_awarded");
    expect(provinces.map((x) => [x.value, x.primary])).toEqual([
      [20, true],
      [10, false],
    ]);
  });
});

describe("province awards", () => {
  it("Sumsel: none in 2016; provincial 2019, 2020, 2023; Kanwil 2023; governor and Kakanwil at >= 60% in 2024", () => {
    const rows = data.provinceAwards(SUMSEL).map((a) => [a.year, a.category, a.awarded]);
    expect(rows).toEqual([
      [2016, "provincial", false],
      [2016, "kanwil", false],
      [2019, "provincial", true],
      [2020, "provincial", true],
      [2023, "provincial", true],
      [2023, "kanwil", true],
      [2024, "leadership", true],
      [2024, "kanwil", true],
    ]);
    const y2024 = data.provinceAwards(SUMSEL, 2024);
    expect(y2024.every((a) => a.rule === "at_least_60_percent" && a.regionsWon === 15 && a.regionsTotal === 17)).toBe(
      true,
    );
    expect(y2024.find((a) => a.category === "kanwil")?.recipient).toMatch(/Ilham Djaya/);
    expect(data.provinceAwards(SUMSEL, 2020)[0]?.recipient).toMatch(/Herman Deru/);
    expect(data.provinceAwards(SUMSEL, 2016).every((a) => a.evidence === "inferred")).toBe(true);
  });

  it("2023: 18 provinces awarded nationally; the top-5 (Babel, Banten, DKI, DIY, Jateng) as provinces and as Kanwil; Kalsel's Kanwil", () => {
    const top5 = ["19", "36", "31", "34", "33"];
    for (const p of top5) {
      const cats = data.provinceAwards(p, 2023).map((a) => a.category);
      expect(cats, p).toEqual(["provincial", "kanwil"]);
    }
    expect(data.provinceAwards("63", 2023)).toMatchObject([{ category: "kanwil", regionsWon: 9, regionsTotal: 13 }]);
    expect(data.provinceAwards("64", 2023)[0]?.note).toMatch(/apresiasi khusus/);
    expect(data.nationalCounts(2023).find((x) => x.measure === "provinces_awarded")?.value).toBe(18);
  });

  it("2024: Lampung and Sulteng awarded although missing from the '10 provinces' list, which is marked CONFLICT", () => {
    expect(data.provinceAwards("18", 2024)[0]).toMatchObject({ category: "leadership", regionsWon: 15 });
    expect(data.provinceAwards("72", 2024)[0]?.recipient).toMatch(/Rusdy Mastura/);
    expect(data.provinceAwards("14", 2024)[0]?.note).toMatch(/CONFLICT/);
  });

  it("Jateng won the provincial award in each round 2013-2018", () => {
    expect(
      data
        .provinceAwards("33")
        .filter((a) => a.category === "provincial" && a.year <= 2018)
        .map((a) => a.year),
    ).toEqual([2013, 2014, 2015, 2016, 2017, 2018]);
  });
});

describe("programme facts", () => {
  it("holds the legal basis, the 2021 cancellation and the move to the Ministry of Human Rights", () => {
    const keys = data.programmeFacts("legal_basis").map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "permenkumham_11_2013",
        "permenkumham_25_2013",
        "permenkumham_34_2016",
        "permenkumham_22_2021",
      ]),
    );
    const fact = (topic: Parameters<Dataset["programmeFacts"]>[0], key: string) =>
      data.programmeFacts(topic).find((f) => f.key === key);
    expect(fact("criteria", "indicators_2021")?.value).toBe("120");
    expect(fact("criteria", "rights_groups_2021")?.value).toBe("10");
    expect(fact("history", "cancelled_2021")?.value).toMatch(/COVID-19/);
    expect(fact("ministry", "kemenham_from_2024")?.value).toMatch(/December 2024/);
    expect(fact("process", "data_period")?.value).toMatch(/January to May/);
    expect(data.programme.every((f) => f.sources.length > 0)).toBe(true);
  });
});

describe("a region's record", () => {
  it("Prabumulih: first win 2015, then 2024; 2016, 2018 and 2019 are 'no data', 2025 and 2021 are not counted", () => {
    const r = data.regionRecord(code("Kota Prabumulih"));
    expect(r.yearsWon).toEqual([2015, 2024]);
    expect(r).toMatchObject({ firstWin: 2015, lastWin: 2024 });
    expect(r.yearsUnknown).toEqual([2013, 2016, 2018, 2019]);
    expect(r.yearsNotWon).toEqual([2014, 2017, 2020, 2022, 2023]);
    expect(r.records).toBe(data.recordsOf(code("Kota Prabumulih")));
  });
});
