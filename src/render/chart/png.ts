/**
 * SVG → PNG with resvg and the Inter TTFs shipped in ./fonts (OFL, see fonts/OFL.txt).
 * System fonts are never loaded: the chart looks the same on every machine, and a missing
 * font file is an error here rather than silently dropped text (resvg's behaviour).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";

export const FONT_FILES = ["Inter_400Regular.ttf", "Inter_700Bold.ttf"] as const;

/** The directory of the bundled fonts, next to this module. */
export function defaultFontDir(): string {
  return fileURLToPath(new URL("./fonts/", import.meta.url));
}

/** resvg options for the bundled fonts in `fontDir`; throws when a font file is missing. */
export function resvgOptions(fontDir: string = defaultFontDir()): ResvgRenderOptions {
  const fontFiles = FONT_FILES.map((f) => join(fontDir, f));
  const missing = fontFiles.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`chart fonts missing: ${missing.join(", ")}`);
  return {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Inter" },
    fitTo: { mode: "original" },
    background: "#ffffff",
    logLevel: "off",
  };
}

export function svgToPng(svg: string, options: ResvgRenderOptions): Buffer {
  return new Resvg(svg, options).render().asPng();
}
