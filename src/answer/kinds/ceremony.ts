/**
 * When and where a ceremony was, who handed the awards over. Without a year: this year's (from
 * the clock); while it is still ahead, when it is expected and the latest one held before it.
 */
import type { Round } from "../../dataset/types.ts";
import type { Request } from "../../understand/request.ts";
import type { Answer } from "../answer.ts";
import type { Results } from "../results.ts";

export function ceremonyAnswer(request: Extract<Request, { kind: "ceremony" }>, results: Results): Answer {
  const year = request.year ?? results.thisYear();
  const round = results.dataset.round(year) ?? null;
  const upcoming = results.ahead(year);
  return { kind: "ceremony", year, round, upcoming, latest: upcoming ? latestHeld(results, year) : null };
}

/** The latest round before `year` that was held. */
export function latestHeld(results: Results, year: number): Round | null {
  const years = [...results.dataset.rounds.keys()].filter((y) => y < year).sort((a, b) => b - a);
  for (const y of years) {
    const round = results.dataset.round(y);
    if (round?.held) return round;
  }
  return null;
}
