/**
 * A region's record: how many times it won, its first and last win, its longest streak. Only
 * decided years count; a year without a round does not break a streak.
 */
import type { Request } from "../../understand/request.ts";
import type { Answer, RecordSummary, YearResult } from "../answer.ts";
import type { Results } from "../results.ts";

export function recordAnswer(request: Extract<Request, { kind: "record" }>, results: Results): Answer {
  const region = results.history(request.region);
  return { kind: "record", focus: request.focus, region, summary: summarise(region.results), rounds: results.rounds };
}

export function summarise(years: readonly YearResult[]): RecordSummary {
  const wins = years.filter((r) => r.won === true).map((r) => r.year);
  const decided = years.filter((r) => r.won !== null);
  let streak: RecordSummary["streak"] = null;
  let length = 0;
  let from = 0;
  for (const r of years) {
    if (r.outcome === "no_round") continue;
    if (r.won !== true) {
      length = 0;
      continue;
    }
    if (length === 0) from = r.year;
    length++;
    if (!streak || length > streak.length) streak = { length, from, to: r.year };
  }
  return {
    wins,
    decided: decided.length,
    first: wins[0] ?? null,
    last: wins.at(-1) ?? null,
    streak,
    latestDecided: decided.at(-1) ?? null,
  };
}
