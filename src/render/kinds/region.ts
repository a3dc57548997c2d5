/** A region's status (one year or its whole history) and its record (how many times, first, last, streak). */
import type { RegionResult, YearResult } from "../../answer/answer.ts";
import { buttonOf, encodeButton } from "../callback-data.ts";
import type { RenderContext, Renderer } from "../context.ts";
import { outcomeLine, roundLine, rows, shortName, yearLabel } from "../parts.ts";

export const renderStatus: Renderer<"status"> = (answer, ctx) => {
  const { t } = ctx;
  const lines: string[] = [];
  const sources: string[] = [];
  for (const region of answer.regions) {
    if (lines.length > 0) lines.push("");
    lines.push(headline(region, ctx), ...statusLines(region, ctx));
    // Newest first: the latest facts are the ones a reader checks.
    if (region.covered || region.results.length === 1)
      for (const r of region.results.toReversed()) sources.push(...r.sources);
  }
  if (answer.omitted > 0) lines.push("", t("status.omitted", { count: answer.omitted }));
  // Why a year asked about had no round, said once however many regions were asked.
  const year = answer.year;
  const noRound = new Set(
    answer.regions.flatMap((r) => r.results.filter((y) => y.outcome === "no_round").map((y) => y.year)),
  );
  for (const y of [...noRound].sort()) if (year !== null) lines.push(roundLine(y, answer.rounds, ctx));
  // The certificate year matters only where a result was decided.
  const decided = answer.regions.some((r) => r.results.some((y) => y.won !== null));
  const oneYear = answer.regions.every((r) => r.results.length === 1);
  if (decided && year !== null && oneYear) lines.push("", t("status.certificate", { year, certYear: year - 1 }));
  else if (decided) lines.push("", t("status.certificate_general"));
  const buttons = rows(
    answer.regions
      .filter((r) => r.covered)
      .map((r) => ({
        text: t("button.trend", { name: shortName(r.region) }),
        data: encodeButton({ kind: "trend", scope: r.region.code }),
      })),
  );
  return { lines, buttons, sources };
};

export const renderRecord: Renderer<"record"> = (answer, ctx) => {
  const { t } = ctx;
  const { summary, region } = answer;
  const name = region.region.name;
  const lines = [headline(region, ctx)];
  if (!region.covered) return { lines: [...lines, t("status.not_covered")] };
  const years = summary.wins.join(", ");
  const sentence = {
    count:
      summary.wins.length > 0
        ? t("record.count", { name, count: summary.wins.length, years })
        : t("record.none", { name, decided: summary.decided }),
    first:
      summary.first !== null
        ? t("record.first", { name, year: summary.first })
        : t("record.none", { name, decided: summary.decided }),
    last:
      summary.last !== null
        ? t("record.last", { name, year: summary.last })
        : t("record.none", { name, decided: summary.decided }),
    streak: summary.streak
      ? t("record.streak", { name, length: summary.streak.length, from: summary.streak.from, to: summary.streak.to })
      : t("record.none", { name, decided: summary.decided }),
  }[answer.focus];
  lines.push(sentence);
  const streak = summary.streak;
  if (answer.focus === "streak" && streak && answer.rounds.cancelled.some((y) => y > streak.from && y < streak.to)) {
    lines.push(t("record.streak_2021"));
  }
  const latest = summary.latestDecided;
  if (
    answer.focus === "last" &&
    summary.last !== null &&
    latest &&
    latest.won === false &&
    latest.year > summary.last
  ) {
    lines.push(t("record.not_since", { year: latest.year }));
  }
  // Years without data may hide wins: the answer is what our sources state, no more.
  const gaps = region.results.filter((r) => r.outcome === "no_data").map((r) => r.year);
  const caveat = {
    count: gaps.length > 0 ? t("record.gaps", { count: gaps.length }) : null,
    streak: gaps.length > 0 ? t("record.gaps", { count: gaps.length }) : null,
    first: summary.first !== null && gaps.some((y) => y < (summary.first ?? 0)) ? t("record.gaps_first") : null,
    last: summary.last !== null && gaps.some((y) => y > (summary.last ?? 0)) ? t("record.gaps_last") : null,
  }[answer.focus];
  if (caveat) lines.push(caveat);
  lines.push("", ...statusLines(region, ctx));
  const sources = region.results.toReversed().flatMap((r) => (r.won === true ? r.sources : []));
  const button = buttonOf({ kind: "trend", scope: region.region.code });
  return {
    lines,
    sources: sources.length > 0 ? sources : region.results.toReversed().flatMap((r) => r.sources),
    buttons: button
      ? [[{ text: t("button.trend", { name: shortName(region.region) }), data: encodeButton(button) }]]
      : [],
  };
};

function headline(region: RegionResult, { t }: RenderContext): string {
  return t("status.headline", { name: region.region.name, province: region.region.provinceName });
}

/** One year as a line each; a whole history grouped by outcome, so it stays short on a phone. */
export function statusLines(region: RegionResult, ctx: RenderContext): string[] {
  const { t, join } = ctx;
  const open = (r: YearResult) => ["no_round", "pending", "unpublished", "future"].includes(r.outcome);
  // Known but not covered: say so, unless one year was asked whose round itself explains it.
  const single = region.results.length === 1 ? region.results[0] : undefined;
  if (!region.covered && !(single && open(single))) return [t("status.not_covered")];
  // A result the sources disagree on says so (the note keeps what each source says).
  const conflicts = region.results.filter((r) => r.disputed).map((r) => t("status.conflict", { year: r.year }));
  if (region.results.length <= 2) return [...region.results.map((r) => outcomeLine(r, ctx)), ...conflicts];
  const years = (pred: (r: YearResult) => boolean) =>
    region.results
      .filter(pred)
      .map((r) => yearLabel(r, ctx))
      .join(", ");
  const out: string[] = [];
  const won = years((r) => r.outcome === "won");
  out.push(won ? t("status.history_won", { years: won }) : t("status.history_won_none"));
  const lower = region.results.filter((r) => r.outcome === "lower");
  if (lower.length > 0) {
    const items = lower.map((r) => t("status.year_predikat", { year: r.year, predikat: t(`predikat.${r.predikat}`) }));
    out.push(t("status.history_lower", { years: join(items) }));
  }
  const not = years((r) => r.outcome === "not_awarded");
  if (not) out.push(t("status.history_not", { years: not }));
  const none = years((r) => r.outcome === "no_data");
  if (none) out.push(t("status.history_no_data", { years: none }));
  if (region.results.some((r) => r.evidence === "inferred")) out.push(t("status.inferred_note"));
  return [...out, ...conflicts];
}
