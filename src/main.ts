/**
 * Entry point: picks the mode from argv/env (ask | console | polling | webhook), loads the
 * dataset, i18n, core, logger and session store, runs the transport, and stops gracefully
 * on SIGINT/SIGTERM (stop fetching or accepting, let running updates finish, close the
 * store). Importing this module does nothing; it runs only when executed.
 *
 * Exit codes: 0 ok, 1 runtime or data error, 2 configuration error.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pino from "pino";
import { type AppBot, createBot } from "./bot/bot.ts";
import { registerCommands } from "./bot/commands.ts";
import type { SessionData } from "./bot/context.ts";
import { langFromTelegram } from "./bot/middlewares/language.ts";
import { type Config, ConfigError, parseConfig } from "./config.ts";
import { type Core, createCore } from "./core.ts";
import { loadDataset } from "./dataset/load.ts";
import { createLogger, type Logger, scrubber } from "./logger.ts";
import { createChartRenderer } from "./render/chart/charts.ts";
import { createI18n } from "./render/i18n.ts";
import { openStore, type SessionStore } from "./state/index.ts";
import { runAsk } from "./transports/ask.ts";
import { CONSOLE_BOT_INFO, runConsole } from "./transports/console.ts";
import { type Running, startPolling } from "./transports/polling.ts";
import { startWebhook } from "./transports/webhook.ts";

type Env = Record<string, string | undefined>;

/** Start-up failures go straight to stderr: no transport thread that could lose the line. */
function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

async function loadCore(config: Config): Promise<Core> {
  const dataset = await loadDataset(...(config.dataDir ? [config.dataDir] : []));
  if (!dataset.provinces.has(config.homeProvince)) {
    // Only the data knows which province codes exist, so this setting is checked here.
    throw new ConfigError([
      `HOME_PROVINCE: should be a province code listed in the data's provinces.csv, e.g. "16" (Sumatera Selatan)`,
    ]);
  }
  return createCore({ dataset, i18n: await createI18n(), homeProvince: config.homeProvince });
}

/** Resolves with the exit code once the transport has stopped (a signal, or a fatal error). */
function untilStopped(running: Running, logger: Logger): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, "second signal: exiting without waiting");
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, "stopping: finishing the updates in progress");
      running.stop().then(
        () => resolve(0),
        (err: unknown) => {
          logger.error({ err }, "error while stopping");
          resolve(1);
        },
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    running.done.then(
      () => stopping || resolve(0),
      () => stopping || resolve(1),
    );
  });
}

async function serve(
  config: Config & { mode: "polling" | "webhook" },
  core: Core,
  store: SessionStore<SessionData>,
  logger: Logger,
): Promise<number> {
  const bot: AppBot = createBot(config, { core, logger, storage: store.adapter, chart: createChartRenderer() });
  try {
    await bot.init();
  } catch (err) {
    logger.fatal({ err }, "getMe failed: check BOT_TOKEN and that TELEGRAM_API_ROOT is reachable");
    return 1;
  }
  await registerCommands(bot.api, core, logger);
  const running =
    config.mode === "webhook" ? await startWebhook(bot, config.webhook, logger) : await startPolling(bot, logger);
  const code = await untilStopped(running, logger);
  await running.stop().catch(() => {});
  return code;
}

export async function main(argv: string[], env: Env): Promise<number> {
  let config: Config;
  try {
    config = parseConfig(env, argv);
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message, 2);
    throw err;
  }
  const terminal = config.mode === "ask" || config.mode === "console";
  const logger = createLogger({
    level: config.logLevel,
    ...(config.mode === "polling" || config.mode === "webhook" ? { token: config.token } : {}),
    ...(config.mode === "webhook" ? { secrets: [config.webhook.secret] } : {}),
    // The terminal modes keep stdout for the conversation or the answers.
    ...(terminal ? { destination: pino.destination({ fd: 2, sync: true }) } : {}),
  });

  let core: Core;
  try {
    core = await loadCore(config);
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message, 2);
    // A DataError names file:line: field for every problem; print it as it is.
    return fail((err as Error).message, 1);
  }

  if (config.mode === "ask") {
    return runAsk(
      core,
      config.ask,
      { input: process.stdin, output: process.stdout, error: process.stderr },
      createChartRenderer(),
    );
  }

  let store: SessionStore<SessionData>;
  try {
    store = await openStore<SessionData>(config, logger);
  } catch (err) {
    return fail((err as Error).message, 1);
  }
  logger.info({ store: store.kind, where: store.where }, "session store opened");
  try {
    if (config.mode === "console") {
      const lang = langFromTelegram(env.LANG?.slice(0, 2));
      const bot = createBot(config, {
        core,
        logger,
        storage: store.adapter,
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
    }
    return await serve(config, core, store, logger);
  } finally {
    await store.close();
    logger.info("stopped");
  }
}

const executed = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (executed) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
      // Everything is closed; if a stray handle still holds the loop, do not hang forever.
      setTimeout(() => process.exit(code), 10_000).unref();
    },
    (err: unknown) => {
      const scrub = scrubber([process.env.BOT_TOKEN, process.env.WEBHOOK_SECRET]);
      process.stderr.write(`${scrub(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
      process.exit(1);
    },
  );
}
