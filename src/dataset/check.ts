/**
 * `npm run data:check`: validates data/ exactly as start-up does and prints the coverage:
 * rows per province and year, and whether each (province, year) is complete or partial.
 */
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
} catch (err) {
  if (err instanceof DataError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
