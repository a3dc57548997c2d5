/**
 * Provincial and leadership awards: did the governor / provincial government / regional office
 * of a province get one, and why (the rule, with the province's own count that year).
 */
import type { ProvinceAward } from "../../dataset/types.ts";
import type { Office, Request } from "../../understand/request.ts";
import type { Answer } from "../answer.ts";
import type { Results } from "../results.ts";

/** Which award categories answer each office a user can ask about. */
const OFFICE: Record<Office, (a: ProvinceAward) => boolean> = {
  any: () => true,
  governor: (a) => a.category === "provincial" || a.category === "leadership",
  kanwil: (a) => a.category === "kanwil",
};

export function provincialAnswer(request: Extract<Request, { kind: "provincial" }>, results: Results): Answer {
  const province = results.province(request.province);
  const all = results.dataset
    .provinceAwards(province.code, request.year ?? undefined)
    .toSorted((a, b) => b.year - a.year);
  // The office asked about first; when it has nothing, the province's other awards still answer
  // ("kanwil sumsel 2020": the governor's award that year), each line saying whose it is.
  const asked = all.filter(OFFICE[request.office]);
  const awards = asked.length > 0 ? [...asked, ...all.filter((a) => !asked.includes(a))] : all;
  const years = request.year !== null ? [request.year] : [...new Set(awards.map((a) => a.year))];
  return {
    kind: "provincial",
    province,
    year: request.year,
    office: request.office,
    awards,
    counts: years.map((y) => results.count(province.code, y)),
  };
}
