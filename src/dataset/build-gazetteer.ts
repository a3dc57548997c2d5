/**
 * Regenerates data/provinces.csv and data/regions.csv from the `idn-area-data` package
 * (ODbL 1.0). Run with `npm run data:gazetteer` after upgrading the package; the result is
 * committed so that start-up reads plain files and never depends on a package's layout.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getProvinces, getRegencies } from "idn-area-data";
import { properCase } from "./proper-case.ts";

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));

function csvLine(fields: string[]): string {
  return fields.map((f) => (/[",\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
}

const provinces = await getProvinces();
const regencies = await getRegencies();

const provinceLines = ["code,name", ...provinces.map((p) => csvLine([p.code, properCase(p.name)]))];
const regionLines = [
  "code,province_code,type,name",
  ...regencies.map((r) => {
    const type = r.name.startsWith("KOTA ") ? "kota" : "kabupaten";
    return csvLine([r.code, r.province_code, type, properCase(r.name)]);
  }),
];
writeFileSync(`${dataDir}provinces.csv`, `${provinceLines.join("\n")}\n`);
writeFileSync(`${dataDir}regions.csv`, `${regionLines.join("\n")}\n`);
console.log(`wrote ${provinces.length} provinces and ${regencies.length} regions to ${dataDir}`);
