/** Reads data/ from disk and builds the validated Dataset. */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDataset, DATA_FILES, type DataTexts } from "./build.ts";
import type { Dataset } from "./dataset.ts";

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));

export async function loadDataset(dir: string = DEFAULT_DATA_DIR): Promise<Dataset> {
  const entries = await Promise.all(
    Object.entries(DATA_FILES).map(async ([key, file]) => [key, await readFile(join(dir, file), "utf8")] as const),
  );
  // Errors name files relative to the working directory, as a curator would open them.
  const label = relative(process.cwd(), dir) || ".";
  return buildDataset(Object.fromEntries(entries) as DataTexts, label);
}
