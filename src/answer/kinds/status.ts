/** A region status question: each region's result in the year asked, or in every year with data. */
import type { Request } from "../../understand/request.ts";
import { MAX_REGIONS_PER_ANSWER } from "../../understand/tuning.ts";
import type { Answer } from "../answer.ts";
import type { Results } from "../results.ts";

export function statusAnswer(request: Extract<Request, { kind: "status" }>, results: Results): Answer {
  const shown = request.regions.slice(0, MAX_REGIONS_PER_ANSWER);
  return {
    kind: "status",
    year: request.year,
    regions: shown.map((r) =>
      request.years && request.years.length > 1
        ? { ...results.regionResult(r, null), results: request.years.map((y) => results.yearResult(r.code, y)) }
        : results.regionResult(r, request.year),
    ),
    rounds: results.rounds,
    omitted: request.regions.length - shown.length,
  };
}
