/**
 * `npm run data:check`: validates data/ exactly as start-up does and prints the coverage:
 * rows per province and year, and whether each (province, year) is complete or partial.
 */
import type { Dataset } from "./dataset.ts";
import { DataError } from "./errors.ts";
import { loadDataset } from "./load.ts";

try {
  const dataset = await loadDataset(process.argv[2]);
  const coverage = dataset.coverage();
  const rows = coverage.map(({ province, count }) => ({
    province: `${province.code} ${province.name}`,
    year: count.year,
    rows: count.known,
    regions: count.total,
    won: count.won,
    status: count.complete ? "complete" : "partial",
    reported: count.reported ?? "",
  }));
  const widths = {
    province: Math.max(8, ...rows.map((r) => r.province.length)),
  };
  console.log(`${"province".padEnd(widths.province)}  year  rows/regions  won  status    reported winners`);
  for (const r of rows) {
    console.log(
      `${r.province.padEnd(widths.province)}  ${r.year}  ${`${r.rows}/${r.regions}`.padStart(12)}  ${String(r.won).padStart(3)}  ${r.status.padEnd(8)}  ${r.reported}`,
    );
  }
  const complete = rows.filter((r) => r.status === "complete").length;
  const held = [...dataset.rounds.values()].filter((r) => r.held).map((r) => r.year);
  const skipped = [...dataset.rounds.values()].filter((r) => !r.held).map((r) => r.year);
  console.log(
    `\n${dataset.records.length} award records, ${dataset.regions.size} regions in ${dataset.provinces.size} provinces, ` +
      `${dataset.aliases.length} aliases; ${rows.length} province-years (${complete} complete, ${rows.length - complete} partial); ` +
      `rounds ${held[0]}–${held.at(-1)}, no round in ${skipped.join(", ") || "none"}; data version ${dataset.version}`,
  );
  console.log(summary(dataset));
} catch (err) {
  if (err instanceof DataError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

/** One line per file about the award itself: how many rows and what they cover. */
function summary(dataset: Dataset): string {
  const rounds = [...dataset.rounds.values()];
  const noResults = rounds.filter((r) => r.held && !r.resultsFound).map((r) => r.year);
  const years = rounds.map((r) => r.year);
  const national = years.flatMap((y) => dataset.nationalCounts(y));
  const awards = [...dataset.provinces.keys()].flatMap((p) => dataset.provinceAwards(p));
  const topics = new Set(dataset.programme.map((f) => f.topic));
  return [
    `rounds.csv: ${rounds.length} rounds; held without a result list found: ${noResults.join(", ") || "none"}`,
    `national_counts.csv: ${national.length} figures for ${new Set(national.map((c) => c.year)).size} rounds ` +
      `(${national.filter((c) => c.primary).length} primary, ${national.filter((c) => !c.primary).length} competing)`,
    `province_awards.csv: ${awards.length} rows for ${new Set(awards.map((a) => a.province)).size} provinces ` +
      `(${["provincial", "leadership", "kanwil"].map((c) => `${awards.filter((a) => a.category === c).length} ${c}`).join(", ")}; ` +
      `${awards.filter((a) => !a.awarded).length} not awarded)`,
    `programme.csv: ${dataset.programme.length} facts in ${topics.size} topics (${[...topics].join(", ")})`,
    `towns.csv: ${dataset.towns.length} towns named for a region they are not (the bot asks "did you mean …?")`,
  ].join("\n");
}
