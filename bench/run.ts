/**
 * `npm run bench`: speed and memory, printed as figures and as ratios against a baseline
 * measured in the same run (never as pass/fail timings in tests).
 */
import { loadDataset } from "../src/dataset/load.ts";
import { createI18n } from "../src/render/i18n.ts";
import { benchCharts } from "./chart.ts";
import { benchQuestions } from "./questions.ts";

const dataset = await loadDataset();
const i18n = await createI18n();
console.log(`kkpham-bot bench — node ${process.version}, data ${dataset.version}\n`);
for (const line of benchQuestions(dataset, i18n)) console.log(line);

console.log("");
for (const line of await benchCharts()) console.log(line);
