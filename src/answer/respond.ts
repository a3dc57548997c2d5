/**
 * Request | Clarification → Answer: the facts from the dataset, before any wording. One small
 * module per kind of question (kinds/), chosen by an exhaustive table. Pure, given the clock.
 */
import type { Dataset } from "../dataset/dataset.ts";
import type { Understood } from "../understand/request.ts";
import type { Answer } from "./answer.ts";
import { ceremonyAnswer } from "./kinds/ceremony.ts";
import { listAnswer } from "./kinds/list.ts";
import { nationalAnswer } from "./kinds/national.ts";
import { programmeAnswer } from "./kinds/programme.ts";
import { provincialAnswer } from "./kinds/provincial.ts";
import { recordAnswer } from "./kinds/record.ts";
import { statusAnswer } from "./kinds/status.ts";
import { trendAnswer } from "./kinds/trend.ts";
import { createResults, type Results } from "./results.ts";

export type Respond = (understood: Understood) => Answer;

type Handlers = { [K in Understood["kind"]]: (u: Extract<Understood, { kind: K }>, results: Results) => Answer };

const HANDLERS: Handlers = {
  status: statusAnswer,
  record: recordAnswer,
  list: listAnswer,
  trend: trendAnswer,
  programme: programmeAnswer,
  ceremony: ceremonyAnswer,
  national: nationalAnswer,
  provincial: provincialAnswer,
  help: () => ({ kind: "help" }),
  smalltalk: (u) => ({ kind: "smalltalk", say: u.say }),
  language: (u) => ({ kind: "language", language: u.language }),
  choose: (u) => u,
  confirm: (u) => u,
  not_recognised: (u) => u,
  not_understood: () => ({ kind: "not_understood" }),
};

export function createRespond(dataset: Dataset, now: () => Date = () => new Date()): Respond {
  const results = createResults(dataset, now);
  return (understood) => {
    results.startAnswer();
    return (HANDLERS[understood.kind] as (u: Understood, r: Results) => Answer)(understood, results);
  };
}
