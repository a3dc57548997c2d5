/**
 * `npm run notify -- --dry-run [--lang id|en]`: reads the settings as the bot does (.env,
 * STATE_DIR or REDIS_URL with BOT_TOKEN for its keys, DATA_DIR), loads and validates the data
 * and prints what it would send to followers. Records nothing, sends nothing. Exit codes: 0,
 * 2 for bad settings or arguments, 1 for bad data or an unreachable store.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, parseConfig, withEnvFile } from "../config.ts";
import { loadData } from "../ops/core-loader.ts";
import { createI18n } from "../render/i18n.ts";
import { LANGS, type Lang } from "../understand/request.ts";
import { dryRunReport } from "./dry-run.ts";
import { openNotifyState } from "./state.ts";

const USAGE = "usage: npm run notify -- --dry-run [--lang id|en]";

async function main(): Promise<number> {
  let values: { "dry-run"?: boolean; lang?: string };
  try {
    ({ values } = parseArgs({ options: { "dry-run": { type: "boolean" }, lang: { type: "string" } }, strict: true }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const lang = (values.lang ?? "en") as Lang;
  if (!values["dry-run"] || !LANGS.includes(lang)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(withEnvFile(process.env, resolve(".env")));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return err instanceof ConfigError ? 2 : 1;
  }
  const scope = "token" in config ? (config.token.split(":")[0] ?? "bot") : "bot";
  try {
    const [dataset, i18n] = await Promise.all([loadData(config), createI18n()]);
    const state = await openNotifyState(config, scope);
    try {
      process.stdout.write(`${await dryRunReport(state, dataset, i18n.getFixedT(lang), config.notify)}\n`);
    } finally {
      await state.close();
    }
    return 0;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main();
