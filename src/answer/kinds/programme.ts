/** Questions about the programme itself: the sourced facts of the topic asked. */
import type { ProgrammeTopic, Request } from "../../understand/request.ts";
import type { Answer } from "../answer.ts";
import type { Results } from "../results.ts";

/** Which facts of data/programme.csv answer each topic a user can ask about, in the order told. */
export const TOPIC_FACTS: Record<ProgrammeTopic, readonly string[]> = {
  about: ["award", "started_2013", "permenkumham_22_2021", "only_peduli_wins", "ceremony", "kemenham_from_2024"],
  criteria: [
    "permenkumham_22_2021",
    "rights_groups_2021",
    "indicators_2021",
    "civil_political_rights_2021",
    "esc_rights_2021",
    "peduli_band_2023",
  ],
  predikat: ["levels_2024", "levels_until_2020", "only_peduli_wins", "peduli_band_2023"],
  process: ["data_upload", "data_period", "verification", "results_month", "ceremony", "certificate_year"],
  legal: [
    "permenkumham_11_2013",
    "permenkumham_25_2013",
    "permenkumham_34_2016",
    "permenkumham_22_2021",
    "perpres_156_2024",
    "no_permenham_replacement",
  ],
  ministry: ["kemenkumham_until_2023", "kemenham_from_2024", "kanwil_kemenham_2025", "sumsel_kakanwil_2025"],
  no_round: ["cancelled_2021"],
};

export function programmeAnswer(request: Extract<Request, { kind: "programme" }>, results: Results): Answer {
  return {
    kind: "programme",
    topic: request.topic,
    facts: TOPIC_FACTS[request.topic].flatMap((key) => results.dataset.programme.filter((f) => f.key === key)),
  };
}
