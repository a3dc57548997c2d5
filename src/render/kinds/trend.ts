/** The yearly trend: a province's winners per year, or one region's result per year (with a chart). */
import type { TrendPoint } from "../../answer/answer.ts";
import { encodeButton } from "../callback-data.ts";
import type { RenderContext, Renderer } from "../context.ts";
import { rows, shortName, yearLabel } from "../parts.ts";

export const renderTrend: Renderer<"trend"> = (answer, ctx) => {
  const { t } = ctx;
  if (answer.scope.type === "province") {
    const province = answer.scope.province;
    const lines = [t("trend.title_province", { province: province.name })];
    if (answer.points.length === 0) return { lines: [...lines, t("trend.empty", { name: province.name })] };
    lines.push(answer.points.map((p) => pointText(p, ctx)).join(" · "));
    if (answer.points.some((p) => p.held && !p.complete && p.known > 0)) lines.push(t("trend.partial_note"));
    const buttons = rows(
      answer.regions.map((r) => ({ text: shortName(r), data: encodeButton({ kind: "trend", scope: r.code }) })),
      3,
    );
    return { lines, buttons, chart: province.code };
  }
  const region = answer.scope.region;
  const history = answer.history;
  const lines = [t("trend.title_region", { name: region.name })];
  const back = [
    [
      {
        text: t("trend.button_province", { province: region.provinceName }),
        data: encodeButton({ kind: "trend", scope: region.province }),
      },
    ],
  ];
  // A chart of nothing but question marks helps nobody.
  if (!history?.covered) return { lines: [...lines, t("status.not_covered")], buttons: back };
  lines.push(history.results.map((r) => t(`trend.cell_${r.outcome}`, { year: yearLabel(r, ctx) })).join(" · "));
  const known = history.results.filter((r) => r.won !== null);
  lines.push(t("trend.summary_region", { won: known.filter((r) => r.won).length, known: known.length }));
  lines.push(t("trend.legend_region"));
  if (history.results.some((r) => r.evidence === "inferred")) lines.push(t("status.inferred_note"));
  return {
    lines,
    buttons: back,
    chart: region.code,
    sources: history.results.toReversed().flatMap((r) => r.sources),
  };
};

function pointText(p: TrendPoint, { t }: RenderContext): string {
  if (!p.held) return t("trend.point_no_round", { year: p.year });
  if (p.known === 0) return t("trend.point_no_data", { year: p.year });
  if (p.complete) return t("trend.point", { year: p.year, won: p.won, total: p.total });
  // A partial list undercounts; the count the news reported keeps the reader from misreading it.
  return p.reported !== null && p.reported !== p.won
    ? t("trend.point_partial_reported", { year: p.year, won: p.won, total: p.total, reported: p.reported })
    : t("trend.point_partial", { year: p.year, won: p.won, total: p.total });
}
