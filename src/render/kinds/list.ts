/**
 * A province's winners (or non-winners) in a year. A partial year leads with what is known
 * ("the news reported 12 winners; our sources name 3 of them"), so the headline never
 * contradicts its own note.
 */
import type { ListRow } from "../../answer/answer.ts";
import type { Renderer } from "../context.ts";
import { roundLine, shortName } from "../parts.ts";

export const renderList: Renderer<"list"> = (answer, ctx) => {
  const { t, join } = ctx;
  const { point, rows: listRows, year } = answer;
  const lines = [t("list.title", { year, province: answer.province.name })];
  if (!answer.held) {
    lines.push(t("list.no_round", { year }));
    if (year < answer.rounds.firstRound) lines.push(roundLine(year, answer.rounds, ctx));
    return { lines, sources: answer.roundSource ? [answer.roundSource] : [] };
  }
  if (point.known === 0) {
    const pending = listRows.some((r) => r.result.outcome === "pending" || r.result.outcome === "unpublished");
    lines.push(
      pending
        ? t(`list.${listRows[0]?.result.outcome}`, { year })
        : t("list.no_data", { province: answer.province.name, year }),
    );
    if (point.reported !== null) lines.push(t("list.reported", { reported: point.reported }));
    return { lines };
  }
  // A name whose result is inferred rather than stated carries a "*", as in status replies.
  const name = (r: ListRow) =>
    r.result.evidence === "inferred" ? t("list.name_inferred", { name: shortName(r.region) }) : shortName(r.region);
  const won = listRows.filter((r) => r.result.outcome === "won");
  const notWon = listRows.filter((r) => r.result.won === false);
  const unknown = listRows.filter((r) => r.result.won === null);
  if (answer.mode === "winners") {
    if (!point.complete) {
      lines.push(
        point.reported !== null
          ? t("list.partial_reported", { reported: point.reported, count: won.length })
          : t("list.partial_named", { count: won.length, known: point.known, total: point.total }),
      );
    } else {
      lines.push(won.length > 0 ? t("list.winners", { won: won.length, total: point.total }) : t("list.winners_none"));
    }
    for (const r of won) lines.push(t("list.item", { name: name(r) }));
    // A lower predikat is said beside the name ("Kaur (Cukup Peduli HAM)"), as in the non-winners list.
    const notName = (r: ListRow) =>
      r.result.predikat && r.result.predikat !== "not_awarded"
        ? t("list.name_predikat", { name: name(r), predikat: t(`predikat.${r.result.predikat}`) })
        : name(r);
    if (notWon.length > 0) lines.push(t("list.also_not", { names: join(notWon.map(notName)) }));
  } else {
    lines.push(
      notWon.length > 0
        ? t("list.non_winners", { count: notWon.length, total: point.total })
        : t("list.non_winners_none"),
    );
    for (const r of notWon) {
      const lower = r.result.predikat && r.result.predikat !== "not_awarded";
      lines.push(
        lower
          ? t("list.item_predikat", { name: name(r), predikat: t(`predikat.${r.result.predikat}`) })
          : t("list.item", { name: name(r) }),
      );
    }
  }
  if (listRows.some((r) => r.result.evidence === "inferred" && r.result.won !== null))
    lines.push(t("status.inferred_note"));
  if (!point.complete) {
    if (unknown.length > 0)
      lines.push(t("list.unknown_names", { names: join(unknown.map((r) => shortName(r.region))) }));
    lines.push(t("list.partial", { known: point.known, total: point.total }));
  }
  lines.push(t("status.certificate", { year, certYear: year - 1 }));
  return { lines, sources: listRows.flatMap((r) => r.result.sources.slice(0, 1)) };
};
