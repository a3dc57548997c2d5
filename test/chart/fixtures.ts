/** Hand-built trend answers for the chart tests and the chart bench. */
import type { Outcome, TrendPoint, YearResult } from "../../src/answer/answer.ts";
import type { Predikat } from "../../src/dataset/types.ts";
import type { TrendAnswer } from "../../src/render/chart/svg.ts";

function point(year: number, won: number, known: number, reported: number | null = null, held = true): TrendPoint {
  return { year, held, won, known, total: 17, complete: held && known === 17, inferred: 0, reported };
}

/** Sumatera Selatan-like: 17 regions, 2021 without a round, 2016/2018/2019 partial. */
export function provinceTrend(name = "Sumatera Selatan"): TrendAnswer {
  return {
    kind: "trend",
    scope: { type: "province", province: { code: "16", name } },
    points: [
      point(2014, 2, 17),
      point(2016, 4, 6),
      point(2017, 11, 17),
      point(2018, 2, 2),
      point(2019, 5, 9, 12),
      point(2020, 11, 17),
      point(2021, 0, 0, null, false),
      point(2022, 3, 17),
      point(2023, 12, 17),
      point(2024, 15, 17),
    ],
    history: null,
    regions: [],
  };
}

const REGION_YEARS: [number, Outcome, Predikat | null][] = [
  [2014, "not_awarded", "not_awarded"],
  [2016, "no_data", null],
  [2017, "won", "peduli"],
  [2018, "no_data", null],
  [2019, "lower", "cukup_peduli"],
  [2020, "won", "peduli"],
  [2021, "no_round", null],
  [2022, "not_awarded", "not_awarded"],
  [2023, "won", "peduli"],
  [2024, "won", "peduli"],
];

/** One region's history, covering every outcome. */
export function regionTrend(name = "Kabupaten Ogan Komering Ulu", code = "16.01"): TrendAnswer {
  const region = { code, name, province: "16", provinceName: "Sumatera Selatan" };
  const results: YearResult[] = REGION_YEARS.map(([year, outcome, predikat]) => ({
    year,
    outcome,
    won: outcome === "won" ? true : outcome === "lower" || outcome === "not_awarded" ? false : null,
    predikat,
    evidence: predikat ? "reported" : null,
    sources: [],
    note: "",
    disputed: false,
  }));
  const points: TrendPoint[] = results.map((res) => ({
    year: res.year,
    held: res.outcome !== "no_round",
    won: res.outcome === "won" ? 1 : 0,
    known: res.outcome === "no_data" || res.outcome === "no_round" ? 0 : 1,
    total: 1,
    complete: res.outcome !== "no_data" && res.outcome !== "no_round",
    inferred: 0,
    reported: null,
  }));
  return {
    kind: "trend",
    scope: { type: "region", region },
    points,
    history: { region, covered: true, results },
    regions: [],
  };
}
