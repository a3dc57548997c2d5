/**
 * Chart rendering cost: cold (a new renderer, so font files are located and loaded by resvg)
 * and cached (the same scope, language and data version again), per chart. Then what the
 * rest of the bot feels while charts render: the longest event-loop stall and the process's
 * RSS over 200 distinct cold charts, rendered as the bot renders them (renderAsync, two at a
 * time) against the old way (resvg's synchronous render on the event loop).
 * `benchCharts()` returns the lines to print; bench/run.ts calls it. Run alone:
 * `npx tsx bench/chart.ts`.
 */
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createChartRenderer, type TrendAnswer } from "../src/render/chart/charts.ts";
import { resvgOptions, svgToPng } from "../src/render/chart/png.ts";
import { trendSvg } from "../src/render/chart/svg.ts";
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

async function measure(answer: TrendAnswer, t: TFunction, coldRuns: number, cachedRuns: number) {
  const cold: number[] = [];
  let bytes = 0;
  for (let i = 0; i < coldRuns; i++) {
    const start = performance.now();
    const out = await createChartRenderer().render(answer, t, "id", "bench");
    cold.push(performance.now() - start);
    bytes = out.png.length;
  }
  const renderer = createChartRenderer();
  await renderer.render(answer, t, "id", "bench");
  const cached: number[] = [];
  for (let i = 0; i < cachedRuns; i++) {
    const start = performance.now();
    const out = await renderer.render(answer, t, "id", "bench");
    cached.push(performance.now() - start);
    if (!out.cached) throw new Error("bench: expected a cache hit");
  }
  return { cold: stats(cold), cached: stats(cached), bytes };
}

export async function benchCharts(
  options: { coldRuns?: number; cachedRuns?: number; distinct?: number } = {},
): Promise<string[]> {
  const coldRuns = options.coldRuns ?? 30;
  const cachedRuns = options.cachedRuns ?? 1000;
  const t = fixedT(await createI18n(), "id");
  const lines = [`chart rendering (1080×1080 PNG; cold n=${coldRuns}, cached n=${cachedRuns})`];
  for (const [name, answer] of [
    ["province (10 years)", provinceTrend()],
    ["region (10 years)", regionTrend()],
  ] as const) {
    const r = await measure(answer, t, coldRuns, cachedRuns);
    const ratio = r.cold.median / r.cached.median;
    lines.push(
      `  ${name.padEnd(20)} cold median ${fmt(r.cold.median)}, p99 ${fmt(r.cold.p99)} · ` +
        `cached median ${fmt(r.cached.median)}, p99 ${fmt(r.cached.p99)} · ` +
        `cached ${Math.round(ratio).toLocaleString("en")}× faster · PNG ${Math.round(r.bytes / 1024)} KB`,
    );
  }
  lines.push(...(await benchLoad(options.distinct ?? 200)));
  return lines;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * `distinct` cold charts (each its own data version, so none is a cache hit), asked in
 * bursts of 10 as users would ask them, while a timer measures how long the event loop is
 * blocked. RSS is sampled every 10 ms; "after" is once all are done, before any forced GC.
 */
async function loadRun(distinct: number, render: (version: string) => Promise<unknown>) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  loop.enable();
  const start = performance.now();
  let refused = 0;
  // Each request starts in its own macrotask, as updates from different users do.
  const request = (v: string) => new Promise((resolve) => setImmediate(() => resolve(render(v))));
  for (let i = 0; i < distinct; i += 10) {
    const burst = Array.from({ length: Math.min(10, distinct - i) }, (_, j) => request(`bench-${i + j}`));
    for (const r of await Promise.allSettled(burst)) if (r.status === "rejected") refused++;
  }
  const ms = performance.now() - start;
  loop.disable();
  clearInterval(sampler);
  const after = process.memoryUsage.rss();
  return {
    stall: loop.max / 1e6,
    p99: loop.percentile(99) / 1e6,
    ms,
    before,
    peak: Math.max(peak, after),
    after,
    refused,
  };
}

type LoadMode = "async" | "sync";
type LoadResult = Awaited<ReturnType<typeof loadRun>>;

/** One mode in this process: the bot's renderer, or the synchronous render it replaced. */
async function loadMode(mode: LoadMode, t: TFunction, distinct: number): Promise<LoadResult> {
  const answer = provinceTrend();
  if (mode === "sync") {
    // The old way: resvg's synchronous render and asPng on the event loop.
    const opts = resvgOptions();
    return loadRun(distinct, async () => svgToPng(trendSvg(answer, t), opts));
  }
  // The bot's way: renderAsync off the loop, two at a time, the rest in a queue of 8 (a burst
  // of 10 fits exactly; a refused chart would go out as text).
  const renderer = createChartRenderer();
  return loadRun(distinct, (v) => renderer.render(answer, t, "id", v));
}

/**
 * Each mode runs in a fresh child process (this file with `--load <mode>`), so one mode's
 * heap and native allocations do not show up in the other's RSS.
 */
export async function benchLoad(distinct: number): Promise<string[]> {
  const file = fileURLToPath(import.meta.url);
  const run = (mode: LoadMode): LoadResult => {
    const child = spawnSync(process.execPath, [...process.execArgv, file, "--load", mode, String(distinct)], {
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`bench --load ${mode} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as LoadResult;
  };
  const line = (name: string, r: LoadResult) =>
    `  ${name.padEnd(26)} longest event-loop stall ${fmt(r.stall)} (p99 ${fmt(r.p99)}) · ${Math.round(r.ms)} ms in all · ` +
    `RSS before ${mb(r.before)}, peak ${mb(r.peak)}, after ${mb(r.after)}${r.refused ? ` · ${r.refused} refused` : ""}`;
  return [
    `${distinct} distinct cold charts, in bursts of 10, each mode in a fresh process`,
    line("renderAsync, 2 at a time", run("async")),
    line("sync render (before)", run("sync")),
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  const at = process.argv.indexOf("--load");
  if (at > 0) {
    const mode = process.argv[at + 1] === "sync" ? "sync" : "async";
    const t = fixedT(await createI18n(), "id");
    console.log(JSON.stringify(await loadMode(mode, t, Number(process.argv[at + 2] ?? 200))));
  } else for (const line of await benchCharts()) console.log(line);
}
