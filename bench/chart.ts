/**
 * Chart rendering cost: cold (a new renderer, so font files are located and loaded by resvg)
 * and cached (the same scope, language and data version again), per chart.
 * `benchCharts()` returns the lines to print; bench/run.ts calls it. Run alone:
 * `npx tsx bench/chart.ts`.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createChartRenderer, type TrendAnswer } from "../src/render/chart/charts.ts";
import { createI18n, fixedT, type TFunction } from "../src/render/i18n.ts";
import { provinceTrend, regionTrend } from "../test/chart/fixtures.ts";

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

function stats(ms: number[]): { median: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

function fmt(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}

function measure(answer: TrendAnswer, t: TFunction, coldRuns: number, cachedRuns: number) {
  const cold: number[] = [];
  let bytes = 0;
  for (let i = 0; i < coldRuns; i++) {
    const start = performance.now();
    const out = createChartRenderer().render(answer, t, "id", "bench");
    cold.push(performance.now() - start);
    bytes = out.png.length;
  }
  const renderer = createChartRenderer();
  renderer.render(answer, t, "id", "bench");
  const cached: number[] = [];
  for (let i = 0; i < cachedRuns; i++) {
    const start = performance.now();
    const out = renderer.render(answer, t, "id", "bench");
    cached.push(performance.now() - start);
    if (!out.cached) throw new Error("bench: expected a cache hit");
  }
  return { cold: stats(cold), cached: stats(cached), bytes };
}

export async function benchCharts(options: { coldRuns?: number; cachedRuns?: number } = {}): Promise<string[]> {
  const coldRuns = options.coldRuns ?? 30;
  const cachedRuns = options.cachedRuns ?? 1000;
  const t = fixedT(await createI18n(), "id");
  const lines = [`chart rendering (1080×1080 PNG; cold n=${coldRuns}, cached n=${cachedRuns})`];
  for (const [name, answer] of [
    ["province (10 years)", provinceTrend()],
    ["region (10 years)", regionTrend()],
  ] as const) {
    const r = measure(answer, t, coldRuns, cachedRuns);
    const ratio = r.cold.median / r.cached.median;
    lines.push(
      `  ${name.padEnd(20)} cold median ${fmt(r.cold.median)}, p99 ${fmt(r.cold.p99)} · ` +
        `cached median ${fmt(r.cached.median)}, p99 ${fmt(r.cached.p99)} · ` +
        `cached ${Math.round(ratio).toLocaleString("en")}× faster · PNG ${Math.round(r.bytes / 1024)} KB`,
    );
  }
  return lines;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  for (const line of await benchCharts()) console.log(line);
}
