/** Reads one CSV file of data/ into rows that remember their line number. */
import { CsvError, parse } from "csv-parse/sync";
import type { z } from "zod";
import type { DataIssue } from "./errors.ts";

export interface CsvRow<T> {
  line: number;
  value: T;
}

/**
 * Parses `text` (the contents of `file`) and validates each row with `schema`. Rows that
 * fail become issues naming the file, the line and the field; the others are returned.
 */
export function readCsv<S extends z.ZodType>(
  file: string,
  text: string,
  columns: readonly string[],
  schema: S,
  issues: DataIssue[],
): CsvRow<z.output<S>>[] {
  const header =
    text
      .split(/\r?\n/, 1)[0]
      ?.replace(/^\uFEFF/, "")
      .split(",") ?? [];
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    issues.push({
      file,
      line: 1,
      field: missing.join(","),
      message: `missing column(s); expected ${columns.join(",")}`,
    });
    return [];
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  // The line the last complete record ended on: a stray quote is noticed where parsing stops
  // making sense, often lines later, but the record that holds it starts after this one.
  let lastEnd = 1;
  try {
    records = parse(text, {
      columns: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as never;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = lastEnd + 1;
    const field = typeof err.column === "string" ? err.column : "(row)";
    issues.push({ file, line, field, message: `${err.message} (the record starts on line ${line})` });
    return [];
  }
  const rows: CsvRow<z.output<S>>[] = [];
  for (const { record, info } of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      rows.push({ line: info.lines, value: parsed.data });
    } else {
      for (const issue of parsed.error.issues) {
        issues.push({ file, line: info.lines, field: String(issue.path[0] ?? "(row)"), message: issue.message });
      }
    }
  }
  return rows;
}
