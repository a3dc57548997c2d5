import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_FILES, type DataTexts } from "../../src/dataset/build.ts";
import { DEFAULT_DATA_DIR } from "../../src/dataset/load.ts";

/** The real data/ texts, read once; tests derive small broken variants from them. */
export function realTexts(): DataTexts {
  return Object.fromEntries(
    Object.entries(DATA_FILES).map(([key, file]) => [key, readFileSync(join(DEFAULT_DATA_DIR, file), "utf8")]),
  ) as DataTexts;
}

/** The texts with `line` appended to one file; returns the new line's number too. */
export function withLine(texts: DataTexts, file: keyof DataTexts, line: string): { texts: DataTexts; line: number } {
  const body = texts[file].endsWith("\n") ? texts[file] : `${texts[file]}\n`;
  return { texts: { ...texts, [file]: `${body}${line}\n` }, line: body.split("\n").length };
}
