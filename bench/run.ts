/**
 * `npm run bench`: speed and memory, printed as figures and as ratios against a baseline
 * measured in the same run (never as pass/fail timings in tests).
 */
import { availableParallelism, loadavg } from "node:os";
import { loadDataset } from "../src/dataset/load.ts";
import { createI18n } from "../src/render/i18n.ts";
import { benchCharts } from "./chart.ts";
import { benchQuestions } from "./questions.ts";
import { sinkValue } from "./stats.ts";

const start = performance.now();
const dataset = await loadDataset();
const i18n = await createI18n();
// Other work on the machine moves the p99s most: the load is printed so runs can be compared.
const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`kkpham-bot bench — node ${process.version}, data ${dataset.version}, ${load()}\n`);
for (const line of benchQuestions(dataset, i18n)) console.log(line);

console.log("");
for (const line of await benchCharts()) console.log(line);
// The sink count is printed so the timed calls' results are used (and not optimised away).
console.log(
  `\nbench took ${((performance.now() - start) / 1000).toFixed(0)} s, ${load()} (${sinkValue()} results kept)`,
);
// The bench itself keeps one core busy; more than that means other processes took turns on the
// CPU during timed calls, which shows in the mixed-stream p99s (a wait, not the core's cost).
if ((loadavg()[0] ?? 0) > availableParallelism() - 0.5) {
  console.log("note: the machine was busy with other work; the p99s include waits for the CPU — rerun when idle");
}
