/** Pieces several renderers share: outcome lines, short names, button rows and pick buttons. */
import type { RoundFacts, YearResult } from "../answer/answer.ts";
import { complete, type RegionAsk, type RegionRef } from "../understand/request.ts";
import { type ButtonData, buttonOf, EXAMPLE_COUNT, encodeButton } from "./callback-data.ts";
import type { RenderContext } from "./context.ts";
import type { Button } from "./reply.ts";

/** Buttons per keyboard row, so names stay readable on a phone. */
export const ROW = 2;

export function rows(buttons: Button[], size = ROW): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += size) out.push(buttons.slice(i, i + size));
  return out;
}

/** "Kota Palembang" stays, "Kabupaten Ogan Ilir" becomes "Ogan Ilir": short enough for lists. */
export function shortName(region: Pick<RegionRef, "name">): string {
  return region.name.replace(/^Kabupaten\s+(Administrasi\s+)?/, "");
}

/**
 * The short forms people in South Sumatra use for their regencies (data/aliases.csv holds
 * them with sources). A button label must fit half a phone's width: four Sumsel names begin
 * "Ogan Komering " and would be cut to the same text.
 */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  "16.01": "OKU",
  "16.02": "OKI",
  "16.05": "Mura",
  "16.06": "Muba",
  "16.08": "OKUT",
  "16.09": "OKUS",
  "16.10": "OI",
  "16.12": "PALI",
  "16.13": "Muratara",
};

const TYPE_WORDS = /^(Kabupaten|Kota)\s+(Administrasi\s+)?/;

/**
 * The label of a region on a button: its common short form, else its name without the type
 * word ("Palembang", "Musi Rawas"). Where a regency and a city share a name (Kediri), the city
 * keeps "Kota" (see uniqueLabels).
 */
export function buttonLabel(region: Pick<RegionRef, "code" | "name">): string {
  return SHORT_FORMS[region.code] ?? region.name.replace(TYPE_WORDS, "");
}

/** Region buttons per page of a keyboard, and per row (two labels fit a phone's width). */
export const PAGE_SIZE = 8;
/** Telegram shows at most 100 buttons in one keyboard; a page stays far below that. */
export const MAX_BUTTONS = 100;

/**
 * One page of region buttons, two per row, with a ‹ n/N › row when there is more than one
 * page. `pageButton(p)` is what a tap on the arrow to page p carries.
 */
export function pagedRows(
  buttons: Button[],
  page: number,
  pageButton: (page: number) => ButtonData,
  t: (key: string, vars?: Record<string, string | number>) => string,
): Button[][] {
  const pages = Math.max(1, Math.ceil(buttons.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const out = rows(buttons.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE));
  if (pages > 1) {
    const nav: Button[] = [];
    if (p > 0) nav.push({ text: t("button.page_prev"), data: encodeButton(pageButton(p - 1)) });
    nav.push({ text: t("button.page", { page: p + 1, pages }), data: encodeButton(pageButton(p)) });
    if (p < pages - 1) nav.push({ text: t("button.page_next"), data: encodeButton(pageButton(p + 1)) });
    out.push(nav);
  }
  return out;
}

/**
 * Labels made unique within one keyboard: where a regency and a city share a short label the
 * city's says "Kota Kediri"; any clash left (none in the data today) shows the full names.
 */
export function uniqueLabels<T extends Pick<RegionRef, "code" | "name">>(regions: T[]): Map<string, string> {
  const labels = new Map(regions.map((r) => [r.code, buttonLabel(r)]));
  const clashes = (): Set<string> => {
    const count = new Map<string, number>();
    for (const l of labels.values()) count.set(l, (count.get(l) ?? 0) + 1);
    return new Set([...count].filter(([, n]) => n > 1).map(([l]) => l));
  };
  let clash = clashes();
  for (const r of regions) {
    if (clash.has(labels.get(r.code) ?? "") && r.name.startsWith("Kota ")) labels.set(r.code, `Kota ${buttonLabel(r)}`);
  }
  clash = clashes();
  for (const r of regions) if (clash.has(labels.get(r.code) ?? "")) labels.set(r.code, r.name);
  return labels;
}

/** One line for one region and year: won, lower predikat, not won, no data, no round, not yet. */
export function outcomeLine(r: YearResult, { t }: RenderContext): string {
  return (
    t(`outcome.${r.outcome}`, { year: r.year, predikat: r.predikat ? t(`predikat.${r.predikat}`) : "" }) +
    (r.evidence === "inferred" ? t("inferred") : "")
  );
}

/** "2019*" for a year whose result is inferred rather than stated. */
export function yearLabel(r: YearResult, { t }: RenderContext): string {
  return r.evidence === "inferred" ? t("status.year_inferred", { year: r.year }) : String(r.year);
}

/** Why a year had no round: cancelled (2021), or before the award began. */
export function roundLine(year: number, rounds: RoundFacts, { t }: RenderContext): string {
  return year < rounds.firstRound
    ? t("status.before_programme", { year, first: rounds.firstRound })
    : t("status.round_cancelled", { year });
}

/** One button per candidate region; a tap answers the open question about that one. */
export function pickButtons(regions: RegionRef[], ask: RegionAsk, { t }: RenderContext): Button[][] {
  return rows(
    regions.flatMap((region) => {
      const button = buttonOf(complete(ask, region));
      return button
        ? [
            {
              text: t("choose.button", { name: region.name, province: region.provinceName }),
              data: encodeButton(button),
            },
          ]
        : [];
    }),
    1,
  );
}

/**
 * The example questions of /start and /help as buttons, one per row: a tap asks the question
 * (the `ask` button carries only the example's index; its text is in locales).
 */
export function exampleRows(t: (key: string) => string): Button[][] {
  return Array.from({ length: EXAMPLE_COUNT }, (_, example) => [
    { text: t(`examples.${example}`), data: encodeButton({ kind: "ask", example }) },
  ]);
}
