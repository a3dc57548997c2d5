/** The yearly trend: a province's winners per year, or one region's result per year (with a chart). */
import type { Answer, TrendPoint } from "../../answer/answer.ts";
import { encodeButton } from "../callback-data.ts";
import type { RenderContext, Renderer } from "../context.ts";
import { MAX_BUTTONS, pagedRows, uniqueLabels, yearLabel } from "../parts.ts";
import type { Button } from "../reply.ts";

type TrendAnswer = Extract<Answer, { kind: "trend" }>;

/**
 * A chart needs more than two years with data: with one or two it is a near-empty grid of
 * question marks, and the text line already says everything.
 */
export const MIN_CHART_YEARS = 3;

/**
 * One page of the province trend's region keyboard: short labels, two per row, eight a page
 * with ‹ › paging. The bot layer calls this again for later pages (a tap on an arrow edits
 * only the keyboard), so the first page and the others are laid out by the same code.
 */
export function trendRegionRows(
  answer: TrendAnswer,
  page: number,
  t: (key: string, vars?: Record<string, string | number>) => string,
): Button[][] {
  if (answer.scope.type !== "province") return [];
  const scope = answer.scope.province.code;
  const regions = answer.regions.slice(0, MAX_BUTTONS);
  const labels = uniqueLabels(regions);
  const buttons = regions.map((r) => ({
    text: labels.get(r.code) ?? r.name,
    data: encodeButton({ kind: "trend", scope: r.code }),
  }));
  return pagedRows(buttons, page, (p) => ({ kind: "trend_page", scope, page: p }), t);
}

export const renderTrend: Renderer<"trend"> = (answer, ctx) => {
  const { t } = ctx;
  if (answer.scope.type === "province") {
    const province = answer.scope.province;
    const lines = [t("trend.title_province", { province: province.name })];
    if (answer.points.length === 0) return { lines: [...lines, t("trend.empty", { name: province.name })] };
    lines.push(answer.points.map((p) => pointText(p, ctx)).join(" · "));
    if (answer.points.some((p) => p.held && !p.complete && p.known > 0)) lines.push(t("trend.partial_note"));
    const withData = answer.points.filter((p) => p.held && p.known > 0).length;
    return {
      lines,
      buttons: trendRegionRows(answer, 0, t),
      chart: withData >= MIN_CHART_YEARS ? province.code : null,
    };
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
    chart: known.length >= MIN_CHART_YEARS ? region.code : null,
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
