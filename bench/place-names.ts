/**
 * Every way the dataset writes a place, for the two references: official region names
 * ("Kabupaten Ogan Komering Ulu"), base names ("Ogan Komering Ulu"), province names and the
 * aliases of data/aliases.csv, each with the codes it names.
 */
import type { Dataset } from "../src/dataset/dataset.ts";

export interface PlaceName {
  name: string;
  codes: string[];
}

export function placeNames(dataset: Dataset): PlaceName[] {
  const out: PlaceName[] = [];
  for (const r of dataset.regions.values()) {
    out.push({ name: r.name, codes: [r.code] });
    out.push({ name: r.baseName, codes: [r.code] });
  }
  for (const p of dataset.provinces.values()) out.push({ name: p.name, codes: [p.code] });
  for (const a of dataset.aliases) out.push({ name: a.alias, codes: a.codes });
  return out;
}
