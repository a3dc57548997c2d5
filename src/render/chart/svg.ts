/**
 * The yearly-trend chart as an SVG string: pure functions of a trend answer and a fixed-language
 * TFunction. No I/O; png.ts turns the string into a PNG with the bundled Inter font.
 *
 * Every text drawn comes from the `chart` keys of locales/*.json or from the data, and every
 * value is XML-escaped where it is written into the SVG. Bars and cells carry data-* attributes
 * (year, won, total, outcome…) so tests and tools can read the chart back without pixels.
 */
import type { Answer, Outcome, TrendPoint, YearResult } from "../../answer/answer.ts";
import type { TFunction } from "../i18n.ts";

export type TrendAnswer = Extract<Answer, { kind: "trend" }>;

/** Canvas size of every chart: square, so it fills a phone's width in Telegram. */
export const CHART_WIDTH = 1080;
export const CHART_HEIGHT = 1080;

const FONT = "Inter";
const PAD = 48;
const INK = "#1a1a1a";
const MUTED = "#4d4d4d";
const GRID = "#e2e2e2";
const GREEN = "#17733a";
const GREEN_LIGHT = "#d3ecdb";
const AMBER = "#f2a516";
const GREY = "#6e6e6e";
const BAND = "#f0f0f0";

export function escapeXml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** Inter's advance widths in hundredths of an em for " " … "~" (from the TTFs' hmtx tables). */
const ADVANCE_REGULAR = [
  28, 29, 47, 63, 64, 98, 64, 30, 36, 36, 50, 66, 29, 46, 29, 36, 63, 41, 61, 62, 65, 59, 62, 57, 62, 62, 29, 30, 66,
  66, 66, 51, 97, 69, 65, 73, 72, 60, 59, 75, 74, 27, 57, 67, 57, 90, 75, 76, 64, 76, 64, 64, 65, 74, 69, 99, 68, 68,
  63, 36, 36, 36, 47, 46, 32, 56, 61, 57, 61, 58, 37, 61, 59, 24, 24, 55, 24, 88, 59, 60, 61, 61, 38, 53, 33, 59, 56,
  82, 55, 56, 55, 43, 33, 43, 66,
];
const ADVANCE_BOLD = [
  24, 34, 55, 65, 65, 102, 67, 34, 38, 38, 56, 68, 33, 47, 33, 39, 67, 43, 63, 65, 68, 62, 65, 58, 65, 65, 33, 34, 68,
  68, 68, 56, 102, 75, 66, 74, 72, 61, 59, 75, 75, 28, 58, 72, 57, 93, 76, 77, 65, 78, 66, 65, 67, 73, 75, 104, 74, 73,
  66, 38, 39, 38, 49, 48, 37, 58, 63, 59, 63, 60, 40, 63, 62, 27, 27, 58, 27, 91, 62, 61, 63, 63, 41, 56, 37, 62, 60,
  85, 58, 60, 57, 47, 37, 47, 68,
];

/**
 * A line's advance width in Inter at `size` px (resvg cannot measure text for us): exact for
 * ASCII, 0.9 em for anything else, and 3% on top so labels never touch.
 */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? ADVANCE_BOLD : ADVANCE_REGULAR;
  let em = 0;
  for (const ch of text) em += (table[(ch.codePointAt(0) ?? 0) - 32] ?? 90) / 100;
  return em * size * 1.03;
}

/** Greedy word wrap to at most maxLines lines, shrinking the font (down to min) until it fits. */
export function fitText(
  text: string,
  maxWidth: number,
  size: number,
  opts: { bold?: boolean; maxLines?: number; min?: number } = {},
): { lines: string[]; size: number } {
  const bold = opts.bold ?? false;
  const maxLines = opts.maxLines ?? 2;
  const min = opts.min ?? Math.min(size, 28);
  for (let s = size; ; s -= 2) {
    const lines = wrap(text, maxWidth, s, bold);
    const fits = lines.length <= maxLines && lines.every((l) => textWidth(l, s, bold) <= maxWidth);
    if (fits || s - 2 < min) return { lines: lines.slice(0, maxLines), size: s };
  }
}

function wrap(text: string, maxWidth: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

type Anchor = "start" | "middle" | "end";

interface TextOpts {
  size: number;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  anchor?: Anchor;
  /** Rotate by this many degrees around (x, y). */
  rotate?: number;
  attrs?: string;
}

function text(x: number, y: number, s: string, o: TextOpts): string {
  const parts = [`x="${r(x)}" y="${r(y)}" font-size="${o.size}"`];
  if (o.bold) parts.push('font-weight="700"');
  if (o.italic) parts.push('font-style="italic"');
  parts.push(`fill="${o.fill ?? INK}"`);
  if (o.anchor && o.anchor !== "start") parts.push(`text-anchor="${o.anchor}"`);
  if (o.rotate) parts.push(`transform="rotate(${o.rotate} ${r(x)} ${r(y)})"`);
  if (o.attrs) parts.push(o.attrs);
  return `<text ${parts.join(" ")}>${escapeXml(s)}</text>`;
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A fixed-language translator that leaves escaping to us (i18next's escape is for HTML). */
function translator(t: TFunction): (key: string, vars?: Record<string, string | number>) => string {
  return (key, vars) => String(t(`chart.${key}`, { ...vars, interpolation: { escapeValue: false } }));
}

type Tr = ReturnType<typeof translator>;

function defs(): string {
  return `<defs>
<pattern id="hatch-partial" patternUnits="userSpaceOnUse" width="16" height="16" patternTransform="rotate(45)"><rect width="16" height="16" fill="${GREEN_LIGHT}"/><rect width="6" height="16" fill="${GREEN}"/></pattern>
<pattern id="hatch-none" patternUnits="userSpaceOnUse" width="14" height="14" patternTransform="rotate(45)"><rect width="14" height="14" fill="#ffffff"/><rect width="3" height="14" fill="#a8a8a8"/></pattern>
</defs>`;
}

interface Header {
  svg: string;
  /** y below the header's last line. */
  bottom: number;
}

function header(tr: Tr, name: string, subtitle: string): Header {
  const out: string[] = [];
  const width = CHART_WIDTH - 2 * PAD;
  let y = 78;
  out.push(text(PAD, y, tr("kicker"), { size: 32, fill: MUTED, attrs: 'class="kicker"' }));
  const title = fitText(name, width, 58, { bold: true, maxLines: 2, min: 40 });
  for (const line of title.lines) {
    y += title.size + 10;
    out.push(text(PAD, y, line, { size: title.size, bold: true, attrs: 'class="title"' }));
  }
  const sub = fitText(subtitle, width, 32, { maxLines: 2, min: 28 });
  y += 8;
  for (const line of sub.lines) {
    y += sub.size + 10;
    out.push(text(PAD, y, line, { size: sub.size, fill: INK, attrs: 'class="subtitle"' }));
  }
  return { svg: out.join("\n"), bottom: y };
}

interface Footer {
  svg: string;
  /** y of the footer's top edge. */
  top: number;
}

function footnote(tr: Tr, height = CHART_HEIGHT): Footer {
  const size = 28;
  const fit = fitText(tr("footnote"), CHART_WIDTH - 2 * PAD, size, { maxLines: 2, min: 28 });
  const lineH = fit.size + 8;
  let y = height - 40 - (fit.lines.length - 1) * lineH;
  const top = y - fit.size;
  const out = fit.lines.map((line) => {
    const s = text(PAD, y, line, { size: fit.size, fill: MUTED, attrs: 'class="footnote"' });
    y += lineH;
    return s;
  });
  return { svg: out.join("\n"), top };
}

interface LegendItem {
  key: string;
  swatch: (x: number, y: number, w: number, h: number) => string;
  label: string;
}

/** Legend items in flowing rows, laid out upwards from `bottom`. */
function legend(
  items: LegendItem[],
  bottom: number,
  opts: { rowH: number; sw: number; sh: number; size: number },
): Footer {
  const maxX = CHART_WIDTH - PAD;
  const rows: { item: LegendItem; x: number }[][] = [[]];
  let x = PAD;
  for (const item of items) {
    const w = opts.sw + 14 + textWidth(item.label, opts.size);
    const row = rows[rows.length - 1] as { item: LegendItem; x: number }[];
    if (row.length > 0 && x + w > maxX) {
      rows.push([{ item, x: PAD }]);
      x = PAD + w + 36;
    } else {
      row.push({ item, x });
      x += w + 36;
    }
  }
  const top = bottom - rows.length * opts.rowH;
  const out: string[] = ['<g class="legend">'];
  rows.forEach((row, i) => {
    const cy = top + i * opts.rowH + opts.rowH / 2;
    for (const { item, x: ix } of row) {
      out.push(`<g class="legend-item" data-key="${escapeXml(item.key)}">`);
      out.push(item.swatch(ix, cy - opts.sh / 2, opts.sw, opts.sh));
      out.push(text(ix + opts.sw + 14, cy + opts.size * 0.36, item.label, { size: opts.size }));
      out.push("</g>");
    }
  });
  out.push("</g>");
  return { svg: out.join("\n"), top };
}

function frame(titleText: string, kind: string, body: string[], height = CHART_HEIGHT): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FONT}" data-chart="${kind}">`,
    `<title>${escapeXml(titleText)}</title>`,
    defs(),
    `<rect width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}

/** The chart of a trend answer: bars per year for a province, a strip of years for a region. */
export function trendSvg(answer: TrendAnswer, t: TFunction): string {
  const tr = translator(t);
  if (answer.scope.type === "province") return provinceSvg(answer.scope.province.name, answer.points, tr);
  const results = answer.history?.results ?? answer.points.map(resultFromPoint);
  return regionSvg(answer.scope.region.name, results, tr);
}

/** For a region trend without history: its 1/0-of-1 points read back as outcomes. */
function resultFromPoint(p: TrendPoint): YearResult {
  const outcome: Outcome = !p.held ? "no_round" : p.known === 0 ? "no_data" : p.won > 0 ? "won" : "not_awarded";
  const won = outcome === "won" ? true : outcome === "not_awarded" ? false : null;
  return { year: p.year, outcome, won, predikat: null, evidence: null, sources: [], note: "", disputed: false };
}

// ---------------------------------------------------------------- province: bars per year

function niceStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100]) if (max / step <= 5) return step;
  return Math.ceil(max / 5 / 100) * 100;
}

function provinceSvg(name: string, points: TrendPoint[], tr: Tr): string {
  const total = Math.max(1, ...points.map((p) => p.total));
  const yMax = Math.max(total, ...points.map((p) => Math.max(p.won, p.reported ?? 0)));
  const head = header(tr, name, tr("province.subtitle", { total }));
  const foot = footnote(tr);

  const bars = points.filter((p) => p.held && p.known > 0);
  const anyPartial = bars.some((p) => !p.complete);
  const anyReported = bars.some((p) => !p.complete && p.reported !== null);
  const items: LegendItem[] = [];
  if (bars.some((p) => p.complete)) {
    items.push({
      key: "complete",
      label: tr("legend.complete"),
      swatch: (x, y, w, h) => `<rect x="${r(x)}" y="${r(y)}" width="${w}" height="${h}" fill="${GREEN}"/>`,
    });
  }
  if (anyPartial) {
    items.push({
      key: "partial",
      label: tr("legend.partial"),
      swatch: (x, y, w, h) =>
        `<rect x="${r(x)}" y="${r(y)}" width="${w}" height="${h}" fill="url(#hatch-partial)" stroke="${GREEN}" stroke-width="3"/>`,
    });
  }
  if (anyReported) {
    items.push({
      key: "reported",
      label: tr("legend.reported"),
      swatch: (x, y, w, h) =>
        `<rect x="${r(x + 2)}" y="${r(y + 2)}" width="${w - 4}" height="${h - 4}" fill="none" stroke="${INK}" stroke-width="3" stroke-dasharray="8 6"/>`,
    });
  }
  if (bars.some((p) => p.inferred * 2 > p.known)) {
    items.push({
      key: "inferred",
      label: tr("legend.inferred"),
      swatch: (x, y, w, h) => text(x + w / 2, y + h * 0.8, "~", { size: 34, bold: true, fill: INK, anchor: "middle" }),
    });
  }
  const leg = legend(items, foot.top - 20, { rowH: 50, sw: 44, sh: 30, size: 28 });

  const n = Math.max(1, points.length);
  const tickSize = 28;
  const plotLeft = PAD + textWidth(String(yMax), tickSize) + 16;
  const plotRight = CHART_WIDTH - PAD + 12;
  const slot = (plotRight - plotLeft) / n;
  // Year labels at 30 px, smaller only when many years leave less than a clear gap between them.
  const yearSize = fitSize("2000", slot - 12, 30, 24, false);
  const plotTop = head.bottom + 96;
  const plotBottom = leg.top - 30 - yearSize - 22;
  const plotH = plotBottom - plotTop;
  const y = (v: number) => plotBottom - (v / yMax) * plotH;
  const barW = Math.min(90, slot * 0.66);

  const out: string[] = [head.svg];

  // y axis: light gridlines at nice steps, and one at the province's number of regions.
  const step = niceStep(yMax);
  const ticks: number[] = [];
  for (let v = 0; v <= yMax; v += step) if (v === 0 || yMax - v >= step * 0.4) ticks.push(v);
  if (!ticks.includes(yMax)) ticks.push(yMax);
  out.push('<g class="y-axis">');
  for (const v of ticks) {
    const gy = y(v);
    if (v > 0)
      out.push(
        `<line x1="${r(plotLeft)}" y1="${r(gy)}" x2="${r(plotRight)}" y2="${r(gy)}" stroke="${GRID}" stroke-width="2"/>`,
      );
    out.push(text(plotLeft - 14, gy + tickSize * 0.36, String(v), { size: tickSize, fill: MUTED, anchor: "end" }));
  }
  out.push("</g>");

  points.forEach((p, i) => {
    const cx = plotLeft + slot * (i + 0.5);
    const yearFill = p.held && p.known > 0 ? INK : MUTED;
    // A year whose results are mostly worked out rather than stated carries a mark.
    const mostlyInferred = p.known > 0 && p.inferred * 2 > p.known;
    const yearText = mostlyInferred ? tr("province.yearInferred", { year: p.year }) : String(p.year);
    const yearLabel = text(cx, plotBottom + 22 + yearSize, yearText, {
      size: yearSize,
      fill: yearFill,
      anchor: "middle",
      attrs: `class="year" data-inferred="${mostlyInferred}"`,
    });
    if (!p.held) {
      const bw = Math.min(slot - 8, barW + 16);
      out.push(`<g class="no-round" data-year="${p.year}">`);
      out.push(`<rect x="${r(cx - bw / 2)}" y="${r(plotTop)}" width="${r(bw)}" height="${r(plotH)}" fill="${BAND}"/>`);
      out.push(verticalLabel(cx, plotBottom - 18, tr("province.noRound"), plotH - 24));
      out.push(yearLabel, "</g>");
      return;
    }
    if (p.known === 0) {
      out.push(`<g class="no-data" data-year="${p.year}" data-total="${p.total}">`);
      out.push(text(cx, plotBottom - 14, "?", { size: 40, bold: true, fill: MUTED, anchor: "middle" }));
      out.push(verticalLabel(cx, plotBottom - 70, tr("province.noData"), plotH - 80));
      out.push(yearLabel, "</g>");
      return;
    }
    const partial = !p.complete;
    const reported = partial ? p.reported : null;
    const top = y(p.won);
    const attrs = [
      `data-year="${p.year}"`,
      `data-won="${p.won}"`,
      `data-total="${p.total}"`,
      `data-known="${p.known}"`,
      `data-partial="${partial}"`,
      reported !== null ? `data-reported="${reported}"` : "",
    ]
      .filter(Boolean)
      .join(" ");
    out.push(`<g class="year-col" data-year="${p.year}">`);
    const h = Math.max(3, plotBottom - top);
    const fill = partial ? 'fill="url(#hatch-partial)"' : `fill="${GREEN}"`;
    const stroke = partial ? ` stroke="${GREEN}" stroke-width="3"` : "";
    out.push(
      `<rect class="bar" ${attrs} x="${r(cx - barW / 2)}" y="${r(plotBottom - h)}" width="${r(barW)}" height="${r(h)}" ${fill}${stroke}/>`,
    );

    const labelSize = fitSize(
      partial
        ? tr("province.valuePartial", { won: p.won, total: p.total })
        : tr("province.value", { won: p.won, total: p.total }),
      slot - 6,
      32,
      26,
      true,
    );
    let labelY = top - 12;
    if (reported !== null) {
      const ry = y(reported);
      const rw = Math.min(slot - 4, barW + 14);
      out.push(
        `<rect class="reported" data-year="${p.year}" data-reported="${reported}" x="${r(cx - rw / 2)}" y="${r(ry)}" width="${r(rw)}" height="${r(plotBottom - ry)}" fill="none" stroke="${INK}" stroke-width="3" stroke-dasharray="10 7"/>`,
      );
      if (ry < top && top - ry < labelSize + 14 && plotBottom - top > labelSize + 16) {
        // The bar's label would sit on the dashed line: put it inside the bar on a white chip.
        labelY = top + labelSize + 6;
      }
      const rText = tr("province.valueReported", { reported, total: p.total });
      const rSize = fitSize(rText, slot - 6, 30, 24, false);
      // Above the dashed top, and stacked above the bar's own label when that is above the bar.
      const rY = labelY < top ? Math.min(ry - 12, labelY - labelSize - 8) : ry - 12;
      out.push(text(cx, rY, rText, { size: rSize, fill: INK, anchor: "middle", attrs: 'class="reported-label"' }));
    }
    const vText = partial
      ? tr("province.valuePartial", { won: p.won, total: p.total })
      : tr("province.value", { won: p.won, total: p.total });
    const chipW = textWidth(vText, labelSize, true) + 8;
    if (partial) {
      out.push(
        `<rect x="${r(cx - chipW / 2)}" y="${r(labelY - labelSize * 0.86)}" width="${r(chipW)}" height="${r(labelSize * 1.08)}" rx="4" fill="#ffffff"/>`,
      );
    }
    out.push(
      text(cx, labelY, vText, {
        size: labelSize,
        bold: true,
        fill: INK,
        anchor: "middle",
        attrs: `class="value${partial ? " partial" : ""}" data-year="${p.year}"`,
      }),
    );
    out.push(yearLabel, "</g>");
  });

  out.push(
    `<line x1="${r(plotLeft)}" y1="${r(plotBottom)}" x2="${r(plotRight)}" y2="${r(plotBottom)}" stroke="${INK}" stroke-width="3"/>`,
  );
  out.push(leg.svg, foot.svg);
  return frame(tr("title", { name }), "province", out);
}

function fitSize(s: string, maxWidth: number, size: number, min: number, bold: boolean): number {
  let z = size;
  while (z > min && textWidth(s, z, bold) > maxWidth) z -= 1;
  return z;
}

/** Text reading bottom-to-top, starting at (x, yBottom), centred on x. */
function verticalLabel(x: number, yBottom: number, s: string, maxLen: number): string {
  const size = fitSize(s, maxLen, 28, 22, false);
  return text(x + size * 0.36, yBottom, s, { size, fill: MUTED, rotate: -90, attrs: 'class="vlabel"' });
}

// ---------------------------------------------------------------- region: a strip of years

interface OutcomeStyle {
  fill: string;
  stroke: string;
  symbol: string;
  symbolFill: string;
}

const OUTCOME: Record<Outcome, OutcomeStyle> = {
  won: { fill: GREEN, stroke: GREEN, symbol: "✓", symbolFill: "#ffffff" },
  lower: { fill: AMBER, stroke: "#9a6500", symbol: "↓", symbolFill: INK },
  not_awarded: { fill: GREY, stroke: GREY, symbol: "×", symbolFill: "#ffffff" },
  no_data: { fill: "#ffffff", stroke: INK, symbol: "?", symbolFill: INK },
  no_round: { fill: "url(#hatch-none)", stroke: "#8a8a8a", symbol: "–", symbolFill: INK },
  // Years whose results are not out: drawn as "no data" (histories end at the last data year anyway).
  pending: { fill: "#ffffff", stroke: INK, symbol: "?", symbolFill: INK },
  unpublished: { fill: "#ffffff", stroke: INK, symbol: "?", symbolFill: INK },
  future: { fill: "#ffffff", stroke: INK, symbol: "?", symbolFill: INK },
};

const OUTCOME_ORDER: Outcome[] = ["won", "lower", "not_awarded", "no_data", "no_round"];

function cell(x: number, y: number, w: number, h: number, outcome: Outcome, symbolSize: number): string {
  const st = OUTCOME[outcome];
  const dash = outcome === "no_data" ? ' stroke-dasharray="8 6"' : "";
  const out = [
    `<rect x="${r(x + 1.5)}" y="${r(y + 1.5)}" width="${r(w - 3)}" height="${r(h - 3)}" rx="8" fill="${st.fill}" stroke="${st.stroke}" stroke-width="3"${dash}/>`,
  ];
  if (outcome === "no_round") {
    // A white chip so the dash reads over the hatching.
    const cw = symbolSize * 0.9;
    out.push(
      `<rect x="${r(x + w / 2 - cw / 2)}" y="${r(y + h / 2 - cw / 2)}" width="${r(cw)}" height="${r(cw)}" rx="6" fill="#ffffff"/>`,
    );
  }
  out.push(
    text(x + w / 2, y + h / 2 + symbolSize * 0.36, st.symbol, {
      size: symbolSize,
      bold: true,
      fill: st.symbolFill,
      anchor: "middle",
      attrs: 'class="symbol"',
    }),
  );
  return out.join("");
}

/**
 * The region chart is as tall as its strip and legend need, not square: a strip of one row
 * in a 1080 × 1080 frame left its lower third empty, and on a phone the photo then takes the
 * whole screen for a few cells.
 */
function regionSvg(name: string, results: YearResult[], tr: Tr): string {
  const head = header(tr, name, tr("region.subtitle"));
  const footH = CHART_HEIGHT - footnote(tr).top;
  const sorted = [...results].sort((a, b) => a.year - b.year);
  const present = new Set(sorted.map((res) => res.outcome));

  // The legend lists every outcome that appears, in a fixed order, in two columns.
  const items: LegendItem[] = OUTCOME_ORDER.filter((o) => present.has(o)).map((o) => ({
    key: o,
    label: tr(`outcome.${o}`),
    swatch: (x, y, w, h) => cell(x, y, w, h, o, 34),
  }));
  const legendOpts = { rowH: 64, sw: 56, sh: 50, size: 28 };
  const columns = items.length > 2 ? 2 : 1;
  const columnW = (CHART_WIDTH - 2 * PAD - (columns - 1) * 24) / columns;
  // Years worked out from the sources rather than stated by one carry a "*", as in the text reply.
  const inferred = sorted.some((res) => res.evidence === "inferred");
  const legendRows = Math.ceil(items.length / columns) + (inferred ? 1 : 0);

  const n = Math.max(1, sorted.length);
  const gap = 8;
  const width = CHART_WIDTH - 2 * PAD;
  const cellW = Math.min(130, (width - gap * (n - 1)) / n);
  const stripW = cellW * n + gap * (n - 1);
  const x0 = PAD + (width - stripW) / 2;
  const yearSize = fitSize(inferred ? "2000*" : "2000", cellW - 4, 32, 22, true);
  const cellH = Math.min(180, Math.max(100, cellW * 1.8));
  const symbolSize = Math.min(72, cellW * 0.7);

  // The strip and its legend as one block, centred between the header and the footnote.
  const stripH = cellH + 20 + yearSize;
  const legendGap = 56;
  const blockH = stripH + legendGap + legendRows * legendOpts.rowH;
  const height = Math.min(CHART_HEIGHT, Math.ceil(head.bottom + 48 + blockH + 32 + footH));
  const foot = footnote(tr, height);
  const top = head.bottom + 48;
  const legendTop = top + stripH + legendGap;

  const out: string[] = [head.svg];
  out.push('<g class="legend">');
  items.forEach((item, i) => {
    const cy = legendTop + Math.floor(i / columns) * legendOpts.rowH + legendOpts.rowH / 2;
    const x = PAD + (i % columns) * (columnW + 24);
    out.push(`<g class="legend-item" data-key="${item.key}">`);
    out.push(item.swatch(x, cy - legendOpts.sh / 2, legendOpts.sw, legendOpts.sh));
    const label = fitText(item.label, columnW - legendOpts.sw - 16, legendOpts.size, { maxLines: 1, min: 22 });
    out.push(text(x + legendOpts.sw + 16, cy + label.size * 0.36, label.lines[0] ?? "", { size: label.size }));
    out.push("</g>");
  });
  if (inferred) {
    const cy = legendTop + Math.ceil(items.length / columns) * legendOpts.rowH + legendOpts.rowH / 2;
    const label = fitText(tr("region.inferred"), CHART_WIDTH - 2 * PAD, legendOpts.size, { maxLines: 1, min: 24 });
    out.push(`<g class="legend-item" data-key="inferred">`);
    out.push(text(PAD, cy + label.size * 0.36, label.lines[0] ?? "", { size: label.size }));
    out.push("</g>");
  }
  out.push("</g>");

  out.push('<g class="strip">');
  sorted.forEach((res, i) => {
    const x = x0 + i * (cellW + gap);
    const pred = res.predikat ? ` data-predikat="${escapeXml(res.predikat)}"` : "";
    const evidence = res.evidence ? ` data-evidence="${res.evidence}"` : "";
    out.push(`<g class="cell" data-year="${res.year}" data-outcome="${res.outcome}"${pred}${evidence}>`);
    out.push(cell(x, top, cellW, cellH, res.outcome, symbolSize));
    const year = res.evidence === "inferred" ? tr("region.yearInferred", { year: res.year }) : String(res.year);
    out.push(
      text(x + cellW / 2, top + cellH + 20 + yearSize, year, {
        size: yearSize,
        bold: true,
        anchor: "middle",
        fill: res.outcome === "no_round" ? MUTED : INK,
        attrs: 'class="year"',
      }),
    );
    out.push("</g>");
  });
  out.push("</g>");
  out.push(foot.svg);
  return frame(tr("title", { name }), "region", out, height);
}
