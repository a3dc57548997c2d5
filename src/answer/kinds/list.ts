/** The winners (or non-winners) of a province in a year: the latest year with data when none is asked. */
import type { Request } from "../../understand/request.ts";
import type { Answer, ListRow } from "../answer.ts";
import type { Results } from "../results.ts";

export function listAnswer(request: Extract<Request, { kind: "list" }>, results: Results): Answer {
  const { dataset } = results;
  const province = results.province(request.province);
  const year = request.year ?? dataset.latestYear(province.code) ?? Math.max(...dataset.dataYears());
  const rows: ListRow[] = dataset.regionsOf(province.code).map((r) => {
    const region = results.ref(r.code);
    return { region, result: results.yearResult(r.code, year) };
  });
  const round = dataset.round(year);
  return {
    kind: "list",
    mode: request.mode,
    year,
    province,
    held: round ? round.held : year >= results.rounds.firstRound,
    roundSource: round?.source || null,
    rows,
    point: results.count(province.code, year),
    rounds: results.rounds,
  };
}
