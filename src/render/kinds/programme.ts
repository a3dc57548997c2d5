/**
 * The programme itself, its ceremonies, national figures and provincial awards. The data holds
 * the facts and their sources; every sentence comes from locales/ (one per fact key), so both
 * languages say the same thing.
 */
import { NATIONAL_MEASURES, type Round } from "../../dataset/types.ts";
import type { RenderContext, Renderer } from "../context.ts";
import { siteOf } from "../links.ts";

/** National figures in the order a reader wants them: the kab/kota count first. */
const MEASURES: readonly string[] = NATIONAL_MEASURES;

export const renderProgramme: Renderer<"programme"> = (answer, ctx) => {
  const { t } = ctx;
  const lines = [t(`programme.title.${answer.topic}`)];
  for (const fact of answer.facts)
    lines.push(t("programme.item", { text: t(`programme.fact.${fact.key}`, { value: fact.value }) }));
  if (answer.facts.length === 0) lines.push(t("programme.none"));
  return { lines, sources: answer.facts.flatMap((f) => f.sources) };
};

export const renderCeremony: Renderer<"ceremony"> = (answer, ctx) => {
  const { t } = ctx;
  if (answer.upcoming) {
    const lines = [t("ceremony.upcoming", { year: answer.year })];
    if (answer.latest) lines.push("", ...roundLines(answer.latest, ctx));
    return { lines, sources: answer.latest?.sources ?? [] };
  }
  const round = answer.round;
  if (!round) return { lines: [t("ceremony.unknown", { year: answer.year })] };
  if (!round.held) return { lines: [t("ceremony.cancelled", { year: round.year })], sources: round.sources };
  return { lines: roundLines(round, ctx), sources: round.sources };
};

/** What is known of one held round: when, where, which Hari HAM, theme, who handed over, results. */
function roundLines(round: Round, ctx: RenderContext): string[] {
  const { t } = ctx;
  const lines = [t("ceremony.title", { year: round.year })];
  lines.push(
    round.ceremonyDate
      ? t("ceremony.date", { date: ctx.date(round.ceremonyDate) })
      : t("ceremony.date_unknown", { year: round.year }),
  );
  // Free text in the data is English reference text; where a round's wording differs by
  // language, locales/ hold it per year (round.<year>.place, round.<year>.handed_by).
  const place = ctx.has(`round.${round.year}.place`) ? t(`round.${round.year}.place`) : round.place;
  if (place) lines.push(t("ceremony.place", { place }));
  if (round.hariHam !== null) lines.push(t("ceremony.hari_ham_ordinal", { count: round.hariHam, ordinal: true }));
  if (round.theme) lines.push(t("ceremony.theme", { theme: round.theme }));
  if (round.handedBy && ctx.has(`round.${round.year}.handed_by`)) {
    lines.push(t("ceremony.handed_by", { who: t(`round.${round.year}.handed_by`) }));
  }
  if (round.certificateLabel) lines.push(t("ceremony.certificate", { label: round.certificateLabel }));
  if (!round.resultsFound) lines.push(t("ceremony.no_results"));
  return lines;
}

export const renderNational: Renderer<"national"> = (answer, ctx) => {
  const { t } = ctx;
  const lines = [t("national.title", { year: answer.year })];
  if (answer.upcoming) return { lines: [...lines, t("national.upcoming", { year: answer.year })] };
  if (answer.round && !answer.round.held) {
    return { lines: [...lines, t("ceremony.cancelled", { year: answer.year })], sources: answer.round.sources };
  }
  if (answer.figures.length === 0) {
    lines.push(t("national.none", { year: answer.year }));
    if (answer.round && !answer.round.resultsFound) lines.push(t("ceremony.no_results"));
    return { lines, sources: answer.round?.sources ?? [] };
  }
  if (!answer.figures.some((f) => f.measure === "peduli")) lines.push(t("national.no_peduli", { year: answer.year }));
  // The best supported figure first, then each competing one with its own source; a measure no
  // figure of which is taken as the best supported says that no other source confirms it.
  const confirmed = new Set(answer.figures.filter((f) => f.primary).map((f) => f.measure));
  for (const f of answer.figures.toSorted((a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure))) {
    const site = siteOf(f.sources[0] ?? "");
    const value = f.measure === "peduli_percent" ? `${f.value}%` : String(f.value);
    if (!confirmed.has(f.measure)) {
      lines.push(t("national.unconfirmed", { value, site, label: t(`national.measure.${f.measure}`) }));
    } else lines.push(t(`national.${f.primary ? "figure" : "conflict"}.${f.measure}`, { value, site }));
  }
  return { lines, sources: answer.figures.flatMap((f) => f.sources) };
};

export const renderProvincial: Renderer<"provincial"> = (answer, ctx) => {
  const { t } = ctx;
  const province = answer.province.name;
  const lines = [
    answer.year !== null
      ? t("provincial.title_year", { province, year: answer.year })
      : t("provincial.title", { province }),
  ];
  if (answer.awards.length === 0) {
    lines.push(
      answer.year !== null
        ? t("provincial.none_year", { province, year: answer.year })
        : t("provincial.none", { province }),
    );
  }
  for (const a of answer.awards) {
    lines.push(
      t(`provincial.${a.awarded ? "awarded" : "not_awarded"}.${a.category}`, { year: a.year, recipient: a.recipient }),
    );
    if (a.rule) lines.push(t(`provincial.rule.${a.rule}`));
    if (a.regionsWon !== null && a.regionsTotal !== null) {
      lines.push(t("provincial.count", { won: a.regionsWon, total: a.regionsTotal }));
    }
  }
  // The province's own count, where the award rows do not state it: the reason behind the rule.
  for (const c of answer.counts) {
    if (answer.awards.some((a) => a.year === c.year && a.regionsWon !== null) || c.known === 0) continue;
    lines.push(
      c.complete
        ? t("provincial.our_count", { year: c.year, won: c.won, total: c.total })
        : c.reported !== null
          ? t("provincial.our_count_reported", { year: c.year, won: c.won, total: c.total, reported: c.reported })
          : t("provincial.our_count_partial", { year: c.year, count: c.won, total: c.total }),
    );
  }
  return { lines, sources: answer.awards.flatMap((a) => a.sources) };
};
