/**
 * Trend charts, rendered once per (scope, language, data version) and kept in a small LRU.
 * Nothing happens at import time: the font files are located on the first render.
 *
 * Rendering runs off the event loop (resvg's renderAsync, on libuv's thread pool) and is
 * bounded: at most `concurrency` charts render at a time, at most `queue` more wait, and past
 * that bound render() rejects with ChartBusyError at once, so the caller sends the text
 * without the chart instead of piling up PNGs in memory. Two requests for the same chart
 * while it renders share one render.
 */
import type { TFunction } from "../i18n.ts";
import { resvgOptions, svgToPngAsync } from "./png.ts";
import { type TrendAnswer, trendSvg } from "./svg.ts";

export type { TrendAnswer };

export interface RenderedChart {
  svg: string;
  png: Buffer;
  /** True when served from the renderer's cache. */
  cached: boolean;
}

export interface ChartRenderer {
  render(answer: TrendAnswer, t: TFunction, lang: string, dataVersion: string): Promise<RenderedChart>;
}

export interface ChartRendererOptions {
  /** Directory holding Inter_400Regular.ttf and Inter_700Bold.ttf (default: ./fonts). */
  fontDir?: string;
  /** Charts kept in memory (default 64; each PNG is some tens of KB). */
  maxEntries?: number;
  /** Charts rendering at the same time (default 2: the machine has two cores). */
  concurrency?: number;
  /** Renders allowed to wait for a free slot (default 8); more are refused with ChartBusyError. */
  queue?: number;
}

/** Too many charts are rendering and waiting: the caller answers without the chart. */
export class ChartBusyError extends Error {
  constructor() {
    super("chart renderer busy");
    this.name = "ChartBusyError";
  }
}

/** The cache key of a chart: its scope, language and the dataset version it was drawn from. */
export function chartKey(answer: TrendAnswer, lang: string, dataVersion: string): string {
  const scope = answer.scope.type === "province" ? `p:${answer.scope.province.code}` : `r:${answer.scope.region.code}`;
  return `${scope}|${lang}|${dataVersion}`;
}

/** A counting semaphore with a bounded wait list. */
function gate(concurrency: number, queue: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) {
      if (waiting.length >= queue) throw new ChartBusyError();
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else running++;
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  const maxEntries = Math.max(1, options.maxEntries ?? 64);
  const cache = new Map<string, { svg: string; png: Buffer }>();
  const inFlight = new Map<string, Promise<{ svg: string; png: Buffer }>>();
  const limit = gate(Math.max(1, options.concurrency ?? 2), Math.max(0, options.queue ?? 8));
  let resvg: ReturnType<typeof resvgOptions> | undefined;

  const remember = (key: string, entry: { svg: string; png: Buffer }) => {
    cache.set(key, entry);
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  };

  return {
    async render(answer, t, lang, dataVersion) {
      const key = chartKey(answer, lang, dataVersion);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return { ...hit, cached: true };
      }
      const pending = inFlight.get(key);
      if (pending) return { ...(await pending), cached: true };
      resvg ??= resvgOptions(options.fontDir);
      const opts = resvg;
      const job = limit(async () => {
        const svg = trendSvg(answer, t);
        return { svg, png: await svgToPngAsync(svg, opts) };
      });
      inFlight.set(key, job);
      try {
        const entry = await job;
        remember(key, entry);
        return { ...entry, cached: false };
      } finally {
        inFlight.delete(key);
      }
    },
  };
}
