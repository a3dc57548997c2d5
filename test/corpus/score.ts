/**
 * Prints the generated corpus's score per class: `npx tsx test/corpus/score.ts`.
 * `--failures` also prints every failing line (question, expectation, reply), class by class.
 */
import { createTestCore, describeFailure, percent, readGenerated, scoreLines } from "./classes.ts";

const showFailures = process.argv.includes("--failures");
const scores = scoreLines(await createTestCore(), readGenerated());
const rows = scores.map((s) => [
  s.cls,
  String(s.total),
  String(s.passed),
  `${percent(s).toFixed(1)}%`,
  String(s.wrong),
]);
const total = scores.reduce((n, s) => n + s.total, 0);
const passed = scores.reduce((n, s) => n + s.passed, 0);
const wrong = scores.reduce((n, s) => n + s.wrong, 0);
rows.push(["all", String(total), String(passed), `${((100 * passed) / total).toFixed(1)}%`, String(wrong)]);
const widths = [16, 6, 7, 7, 7];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" ");
// wrong: lines whose reply states a result for a region the question did not name (zero-wrong.test.ts).
console.log(line(["class", "lines", "passed", "score", "wrong"]));
for (const row of rows) console.log(line(row));
if (showFailures) {
  for (const s of scores) {
    if (s.failures.length === 0) continue;
    console.log(`\n## ${s.cls}: ${s.failures.length} failing`);
    for (const f of s.failures) console.log(describeFailure(f));
  }
}
