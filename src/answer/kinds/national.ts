/**
 * How many kab/kota won nationally: every figure the sources give for the round, the primary one
 * first, so that conflicts are stated rather than hidden. Without a year: the latest round with
 * any national figure.
 */
import type { Request } from "../../understand/request.ts";
import type { Answer } from "../answer.ts";
import type { Results } from "../results.ts";

export function nationalAnswer(request: Extract<Request, { kind: "national" }>, results: Results): Answer {
  const { dataset } = results;
  const year = request.year ?? latestWithFigures(results);
  const figures = dataset
    .nationalCounts(year)
    .toSorted((a, b) => a.measure.localeCompare(b.measure) || Number(b.primary) - Number(a.primary));
  return { kind: "national", year, round: dataset.round(year) ?? null, figures, upcoming: results.ahead(year) };
}

function latestWithFigures(results: Results): number {
  const years = [...results.dataset.rounds.keys()].sort((a, b) => b - a);
  return years.find((y) => results.dataset.nationalCounts(y).length > 0) ?? years[0] ?? results.thisYear();
}
