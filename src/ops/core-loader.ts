/**
 * Data → Core, the two steps start-up and every reload share: load and validate the data
 * directory (with the HOME_PROVINCE check only the data can make), then build the Core
 * (indexes) over it with an i18next instance made once. Timed with performance marks
 * (kkpham:data, kkpham:core) that `npm run bench:startup` reads.
 */

import type { i18n } from "i18next";
import { ConfigError } from "../config.ts";
import { type Core, createCore } from "../core.ts";
import type { Dataset } from "../dataset/dataset.ts";
import { loadDataset } from "../dataset/load.ts";

export interface DataSettings {
  dataDir: string | null;
  homeProvince: string;
}

export async function loadData(settings: DataSettings): Promise<Dataset> {
  const dataset = await loadDataset(...(settings.dataDir ? [settings.dataDir] : []));
  if (!dataset.provinces.has(settings.homeProvince)) {
    // Only the data knows which province codes exist, so this setting is checked here.
    throw new ConfigError([
      `HOME_PROVINCE: should be a province code listed in the data's provinces.csv, e.g. "16" (Sumatera Selatan)`,
    ]);
  }
  performance.mark("kkpham:data");
  return dataset;
}

export function buildCore(dataset: Dataset, i18n: i18n, settings: DataSettings): Core {
  const core = createCore({ dataset, i18n, homeProvince: settings.homeProvince });
  performance.mark("kkpham:core");
  return core;
}
