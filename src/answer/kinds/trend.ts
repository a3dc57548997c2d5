/** The yearly trend of a province (winners per year) or of one region (its result per year). */
import type { Request } from "../../understand/request.ts";
import type { Answer, TrendPoint } from "../answer.ts";
import type { Results } from "../results.ts";

export function trendAnswer(request: Extract<Request, { kind: "trend" }>, results: Results): Answer {
  const { dataset } = results;
  if (dataset.regions.has(request.scope)) {
    const region = results.ref(request.scope);
    const history = results.history(region);
    const points: TrendPoint[] = history.results.map((r) => ({
      year: r.year,
      held: r.outcome !== "no_round",
      won: r.won ? 1 : 0,
      known: r.won === null ? 0 : 1,
      total: 1,
      complete: r.won !== null,
      reported: null,
    }));
    return { kind: "trend", scope: { type: "region", region }, points, history, regions: [] };
  }
  const province = results.province(request.scope);
  return {
    kind: "trend",
    scope: { type: "province", province },
    points: dataset.yearlyCounts(province.code).map((c) => ({ ...c, reported: c.complete ? null : c.reported })),
    history: null,
    regions: dataset.regionsOf(province.code).map((r) => results.ref(r.code)),
  };
}
