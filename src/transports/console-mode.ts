/**
 * The terminal chat as a mode of main.ts: data, Core, the session store, the same bot
 * object as on Telegram (no rate limit, no network), then runConsole on stdin/stdout. Logs
 * go to stderr, so the conversation keeps stdout.
 */
import { join } from "node:path";
import pino from "pino";
import { createBot } from "../bot/bot.ts";
import type { SessionData } from "../bot/context.ts";
import { langFromTelegram } from "../bot/middlewares/language.ts";
import { type Config, ConfigError } from "../config.ts";
import type { Core } from "../core.ts";
import { createLogger } from "../logger.ts";
import { buildCore, loadData } from "../ops/core-loader.ts";
import { createChartRenderer } from "../render/chart/charts.ts";
import { createI18n } from "../render/i18n.ts";
import { openStore, type SessionStore } from "../state/index.ts";
import { CONSOLE_BOT_INFO, runConsole } from "./console.ts";

function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export async function runConsoleMode(
  config: Config & { mode: "console" },
  env: Record<string, string | undefined>,
): Promise<number> {
  const logger = createLogger({ level: config.logLevel, destination: pino.destination({ fd: 2, sync: true }) });
  let core: Core;
  try {
    core = buildCore(await loadData(config), await createI18n(), config);
  } catch (err) {
    return fail((err as Error).message, err instanceof ConfigError ? 2 : 1);
  }
  let store: SessionStore<SessionData>;
  try {
    store = await openStore<SessionData>(config, logger);
  } catch (err) {
    return fail((err as Error).message, 1);
  }
  logger.info({ store: store.kind, where: store.where }, "session store opened");
  try {
    const lang = langFromTelegram(env.LANG?.slice(0, 2));
    const bot = createBot(config, {
      core,
      logger,
      storage: store.adapter,
      persist: store.persist,
      chart: createChartRenderer(),
      botInfo: CONSOLE_BOT_INFO,
    });
    await runConsole(bot, {
      input: process.stdin,
      output: process.stdout,
      chartsDir: join(config.stateDir, "charts"),
      user: { id: 1, first_name: env.USER || "Console", language_code: lang },
      banner: core.t(lang)("bot.console.banner"),
      color: Boolean(process.stdout.isTTY) && !env.NO_COLOR,
      interactive: Boolean(process.stdin.isTTY),
    });
    return 0;
  } finally {
    await store.close();
    logger.info("stopped");
  }
}
