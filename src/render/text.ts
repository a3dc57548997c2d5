/**
 * Answer → Reply for one language. The only layer that words things: every sentence comes
 * from locales/ through a fixed-language t(), values are HTML-escaped by i18next.
 */
import type { i18n } from "i18next";
import type { Answer, ListRow, RegionResult, TrendPoint, YearResult } from "../answer/answer.ts";
import type { Dataset } from "../dataset/dataset.ts";
import { LANGS, type Lang, type Question, type RegionRef } from "../understand/question.ts";
import { encodeAction } from "./callback-data.ts";
import { createSourceLinks } from "./links.ts";
import { createMessages, type Message } from "./messages.ts";
import type { Button, Reply } from "./reply.ts";

export type Render = (answer: Answer, lang: Lang) => Reply;

/** Buttons per keyboard row, so names stay readable on a phone. */
const ROW = 2;

export function createRender(i18n: i18n, dataset: Dataset): Render {
  const sourceLinks = createSourceLinks();
  const firstRound = Math.min(...dataset.rounds.keys());
  const messages = new Map<Lang, Message>(LANGS.map((lang) => [lang, createMessages(i18n, lang)]));
  const lists = new Map<Lang, Intl.ListFormat>(
    LANGS.map((lang) => [lang, new Intl.ListFormat(lang, { style: "long", type: "conjunction" })]),
  );
  const provinceName = (code: string) => dataset.provinces.get(code)?.name ?? code;

  return (answer, lang) => {
    const t = messages.get(lang) ?? createMessages(i18n, lang);
    const list = lists.get(lang) ?? new Intl.ListFormat(lang);
    const join = (items: string[]) => list.format(items);
    const lines: string[] = [];
    let buttons: Button[][] = [];
    let chart: string | null = null;
    const sources: string[] = [];

    // One button per candidate region; tapping it answers the question about that one.
    const pickButtons = (regions: RegionRef[], question: Question): Button[][] =>
      rows(
        regions.map((c) => ({
          text: t("choose.button", { name: c.name, province: provinceName(c.province) }),
          data: encodeAction({ type: "pick", intent: question.intent, code: c.code, year: question.year }),
        })),
        1,
      );

    const outcomeLine = (r: YearResult) =>
      t(`outcome.${r.outcome}`, { year: r.year, predikat: r.predikat ? t(`predikat.${r.predikat}`) : "" }) +
      (r.evidence === "inferred" ? t("inferred") : "");

    switch (answer.kind) {
      case "status": {
        for (const region of answer.regions) {
          if (lines.length > 0) lines.push("");
          lines.push(
            t("status.headline", { name: region.region.name, province: provinceName(region.region.province) }),
          );
          lines.push(...statusLines(region, t, outcomeLine, join));
          // Newest first: the latest facts are the ones a reader checks.
          for (const r of region.results.toReversed()) sources.push(...r.sources);
        }
        // Why a year asked about had no round, said once however many regions were asked.
        const askedYear = answer.question.year;
        if (askedYear !== null && answer.regions.some((r) => r.results.some((y) => y.outcome === "no_round"))) {
          lines.push(roundLine(askedYear, t, firstRound));
        }
        // The certificate year matters only where a result was decided; a year without a round
        // or without data has no certificate to speak of.
        const decided = answer.regions.some((r) => r.results.some((y) => y.won !== null));
        const year = answer.question.year;
        if (decided && year !== null) lines.push("", t("status.certificate", { year, certYear: year - 1 }));
        else if (decided) lines.push("", t("status.certificate_general"));
        buttons = rows(
          answer.regions
            .filter((r) => r.covered)
            .map((r) => ({
              text: t("button.trend", { name: shortName(r.region) }),
              data: encodeAction({ type: "trend", scope: r.region.code }),
            })),
        );
        break;
      }
      case "list": {
        const { point, rows: listRows, year } = answer;
        lines.push(t("list.title", { year, province: answer.province.name }));
        if (answer.round && !answer.round.held) {
          lines.push(t("list.no_round", { year }));
          if (answer.round.source) sources.push(answer.round.source);
          break;
        }
        if (year < firstRound) {
          lines.push(t("list.no_round", { year }), roundLine(year, t, firstRound));
          break;
        }
        if (point.known === 0) {
          lines.push(t("list.no_data", { province: answer.province.name, year }));
          break;
        }
        // A name whose result is inferred rather than stated carries a "*", as in status replies.
        const name = (r: ListRow) =>
          r.result.evidence === "inferred"
            ? t("list.name_inferred", { name: shortName(r.region) })
            : shortName(r.region);
        const won = listRows.filter((r) => r.result.outcome === "won");
        const notWon = listRows.filter((r) => r.result.won === false);
        const unknown = listRows.filter((r) => r.result.won === null);
        if (answer.mode === "winners") {
          lines.push(
            won.length > 0 ? t("list.winners", { won: won.length, total: point.total }) : t("list.winners_none"),
          );
          if (won.length > 0) lines.push(join(won.map(name)));
          if (notWon.length > 0) lines.push(t("list.also_not", { names: join(notWon.map(name)) }));
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
        if (listRows.some((r) => r.result.evidence === "inferred" && r.result.won !== null)) {
          lines.push(t("status.inferred_note"));
        }
        if (!point.complete) {
          if (unknown.length > 0)
            lines.push(t("list.unknown_names", { names: join(unknown.map((r) => shortName(r.region))) }));
          lines.push(t("list.partial", { known: point.known, total: point.total }));
          if (point.reported !== null) lines.push(t("list.reported", { reported: point.reported }));
        }
        lines.push(t("status.certificate", { year, certYear: year - 1 }));
        for (const r of listRows) sources.push(...r.result.sources.slice(0, 1));
        break;
      }
      case "trend": {
        chart = answer.scope.type === "province" ? answer.scope.province.code : answer.scope.region.code;
        if (answer.scope.type === "province") {
          const province = answer.scope.province;
          lines.push(t("trend.title_province", { province: province.name }));
          if (answer.points.length === 0) {
            lines.push(t("trend.empty", { name: province.name }));
            chart = null;
            break;
          }
          lines.push(answer.points.map((p) => pointText(p, t)).join(" · "));
          if (answer.points.some((p) => p.held && !p.complete && p.known > 0)) lines.push(t("trend.partial_note"));
          buttons = rows(
            dataset.regionsOf(province.code).map((r) => ({
              text: shortName(r),
              data: encodeAction({ type: "trend", scope: r.code }),
            })),
            3,
          );
        } else {
          const region = answer.scope.region;
          const history = answer.history;
          lines.push(t("trend.title_region", { name: region.name }));
          if (!history?.covered) {
            lines.push(t("status.not_covered"));
            // A chart of nothing but question marks helps nobody.
            chart = null;
          } else {
            const year = (r: YearResult) =>
              r.evidence === "inferred" ? t("status.year_inferred", { year: r.year }) : String(r.year);
            lines.push(history.results.map((r) => t(`trend.cell_${r.outcome}`, { year: year(r) })).join(" · "));
            const known = history.results.filter((r) => r.won !== null);
            lines.push(t("trend.summary_region", { won: known.filter((r) => r.won).length, known: known.length }));
            lines.push(t("trend.legend_region"));
            if (history.results.some((r) => r.evidence === "inferred")) lines.push(t("status.inferred_note"));
            for (const r of history.results.toReversed()) sources.push(...r.sources);
          }
          buttons = [
            [
              {
                text: t("trend.button_province", { province: provinceName(region.province) }),
                data: encodeAction({ type: "trend", scope: region.province }),
              },
            ],
          ];
        }
        break;
      }
      case "choose":
        lines.push(t("choose.prompt", { text: answer.question.ambiguousText ?? answer.question.query }));
        buttons = pickButtons(answer.candidates, answer.question);
        break;
      case "not_recognised":
        lines.push(t("not_recognised.text", { text: answer.text }));
        if (answer.suggestions.length > 0) {
          lines.push(t("not_recognised.suggest"));
          buttons = pickButtons(answer.suggestions, answer.question);
        } else {
          lines.push(t("not_recognised.hint"));
        }
        break;
      case "help":
        lines.push(t("help.text"));
        break;
      case "language":
        if (answer.language) {
          // Confirmed in the language just chosen.
          lines.push((messages.get(answer.language) ?? t)("language.switched"));
        } else {
          lines.push(t("language.choose"));
          buttons = [
            [
              { text: t("language.button_id"), data: encodeAction({ type: "lang", lang: "id" }) },
              { text: t("language.button_en"), data: encodeAction({ type: "lang", lang: "en" }) },
            ],
          ];
        }
        break;
      case "unknown":
        lines.push(t("unknown.text"));
        break;
    }

    if (sources.length > 0) {
      const links = sourceLinks(sources);
      // Links are built and escaped here; `{{- }}` keeps i18next from escaping them twice.
      lines.push(t(links.count === 1 ? "source.one" : "source.other", { links: links.html }));
    }
    return { html: lines.join("\n"), buttons, chart };
  };
}

function statusLines(
  region: RegionResult,
  t: Message,
  outcomeLine: (r: YearResult) => string,
  join: (items: string[]) => string,
): string[] {
  if (!region.covered && region.results.every((r) => r.outcome !== "no_round")) return [t("status.not_covered")];
  if (region.results.length <= 2) return region.results.map(outcomeLine);
  // A whole history: group the years by outcome so it stays short on a phone.
  const years = (pred: (r: YearResult) => boolean) =>
    region.results
      .filter(pred)
      .map((r) => (r.evidence === "inferred" ? t("status.year_inferred", { year: r.year }) : String(r.year)))
      .join(", ");
  const out: string[] = [];
  const won = years((r) => r.outcome === "won");
  out.push(won ? t("status.history_won", { years: won }) : t("status.history_won_none"));
  const lower = region.results.filter((r) => r.outcome === "lower");
  if (lower.length > 0)
    out.push(
      t("status.history_lower", {
        years: join(
          lower.map((r) => t("status.year_predikat", { year: r.year, predikat: t(`predikat.${r.predikat}`) })),
        ),
      }),
    );
  const not = years((r) => r.outcome === "not_awarded");
  if (not) out.push(t("status.history_not", { years: not }));
  const none = years((r) => r.outcome === "no_data");
  if (none) out.push(t("status.history_no_data", { years: none }));
  if (region.results.some((r) => r.evidence === "inferred")) out.push(t("status.inferred_note"));
  return out;
}

/** Why a year had no round: cancelled (2021), or before the award began. */
function roundLine(year: number, t: Message, firstRound: number): string {
  return year < firstRound
    ? t("status.before_programme", { year, first: firstRound })
    : t("status.round_cancelled", { year });
}

function pointText(p: TrendPoint, t: Message): string {
  if (!p.held) return t("trend.point_no_round", { year: p.year });
  if (p.known === 0) return t("trend.point_no_data", { year: p.year });
  if (p.complete) return t("trend.point", { year: p.year, won: p.won, total: p.total });
  // A partial list undercounts; the count the news reported keeps the reader from misreading it.
  return p.reported !== null && p.reported !== p.won
    ? t("trend.point_partial_reported", { year: p.year, won: p.won, total: p.total, reported: p.reported })
    : t("trend.point_partial", { year: p.year, won: p.won, total: p.total });
}

/** "Kota Palembang" stays, "Kabupaten Ogan Ilir" becomes "Ogan Ilir": short enough for lists. */
export function shortName(region: Pick<RegionRef, "name">): string {
  return region.name.replace(/^Kabupaten\s+(Administrasi\s+)?/, "");
}

function rows(buttons: Button[], size = ROW): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += size) out.push(buttons.slice(i, i + size));
  return out;
}
