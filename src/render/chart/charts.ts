/**
 * Trend charts, rendered once per (scope, language, data version) and kept in a small LRU.
 * Nothing happens at import time: the font files are located on the first render.
 */
import type { TFunction } from "../i18n.ts";
import { resvgOptions, svgToPng } from "./png.ts";
import { type TrendAnswer, trendSvg } from "./svg.ts";

export type { TrendAnswer };

export interface RenderedChart {
  svg: string;
  png: Buffer;
  /** True when served from the renderer's cache. */
  cached: boolean;
}

export interface ChartRenderer {
  render(answer: TrendAnswer, t: TFunction, lang: string, dataVersion: string): RenderedChart;
}

export interface ChartRendererOptions {
  /** Directory holding Inter_400Regular.ttf and Inter_700Bold.ttf (default: ./fonts). */
  fontDir?: string;
  /** Charts kept in memory (default 64; each PNG is some tens of KB). */
  maxEntries?: number;
}

/** The cache key of a chart: its scope, language and the dataset version it was drawn from. */
export function chartKey(answer: TrendAnswer, lang: string, dataVersion: string): string {
  const scope = answer.scope.type === "province" ? `p:${answer.scope.province.code}` : `r:${answer.scope.region.code}`;
  return `${scope}|${lang}|${dataVersion}`;
}

export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  const maxEntries = Math.max(1, options.maxEntries ?? 64);
  const cache = new Map<string, { svg: string; png: Buffer }>();
  let resvg: ReturnType<typeof resvgOptions> | undefined;

  return {
    render(answer, t, lang, dataVersion) {
      const key = chartKey(answer, lang, dataVersion);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return { ...hit, cached: true };
      }
      resvg ??= resvgOptions(options.fontDir);
      const svg = trendSvg(answer, t);
      const png = svgToPng(svg, resvg);
      cache.set(key, { svg, png });
      while (cache.size > maxEntries) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return { svg, png, cached: false };
    },
  };
}
