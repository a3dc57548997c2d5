/** One problem in one data file, located so that a curator can fix it. */
export interface DataIssue {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** Thrown at start-up when data/ is not valid; the message lists every issue found. */
export class DataError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(
      `data/ is not valid (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  ${i.file}:${i.line}: ${i.field}: ${i.message}`).join("\n"),
    );
    this.name = "DataError";
  }
}
