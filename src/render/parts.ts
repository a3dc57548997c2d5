/** Pieces several renderers share: outcome lines, short names, button rows and pick buttons. */
import type { RoundFacts, YearResult } from "../answer/answer.ts";
import { complete, type RegionAsk, type RegionRef } from "../understand/request.ts";
import { buttonOf, encodeButton } from "./callback-data.ts";
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
