/**
 * Reads data/ from disk and builds the validated Dataset. Errors are for an operator: a
 * file that cannot be read names its path and the setting behind it (DATA_DIR), and a
 * data directory with thousands of problems prints the first MAX_SHOWN_ISSUES and the
 * count, not megabytes.
 */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDataset, DATA_FILES, type DataTexts } from "./build.ts";
import type { Dataset } from "./dataset.ts";
import { DataError, type DataIssue } from "./errors.ts";

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));
export const MAX_SHOWN_ISSUES = 50;

async function readDataFile(dir: string, file: string): Promise<string> {
  const path = join(dir, file);
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const setting = dir === DEFAULT_DATA_DIR ? "the shipped data/ (DATA_DIR not set)" : "DATA_DIR";
    throw new Error(`DATA_DIR: cannot read ${path}: ${e.code ?? e.message}; check ${setting}`);
  }
}

/** The first MAX_SHOWN_ISSUES issues, one a line, then how many more there are. */
export function summarizeIssues(issues: readonly DataIssue[]): string {
  const shown = issues.slice(0, MAX_SHOWN_ISSUES).map((i) => `  ${i.file}:${i.line}: ${i.field}: ${i.message}`);
  const more = issues.length - shown.length;
  return (
    `data/ is not valid (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${shown.join("\n")}` +
    (more > 0 ? `\n  … and ${more} more (fix these first; the rest are often the same mistake)` : "")
  );
}

export async function loadDataset(dir: string = DEFAULT_DATA_DIR): Promise<Dataset> {
  const entries = await Promise.all(
    Object.entries(DATA_FILES).map(async ([key, file]) => [key, await readDataFile(dir, file)] as const),
  );
  // Errors name files relative to the working directory, as a curator would open them.
  const label = relative(process.cwd(), dir) || ".";
  try {
    return buildDataset(Object.fromEntries(entries) as DataTexts, label);
  } catch (err) {
    if (err instanceof DataError && err.issues.length > MAX_SHOWN_ISSUES) {
      err.message = summarizeIssues(err.issues);
      // The stack repeats the message it was made with: all of the issues.
      err.stack = `${err.name}: ${err.message}`;
    }
    throw err;
  }
}
