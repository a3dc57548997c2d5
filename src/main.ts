/**
 * Entry point: reads `.env` under the environment, picks the mode from argv/env (ask |
 * console | polling | webhook), and loads what that mode needs when it needs it: `--ask`
 * never loads grammY, the stores, the chart renderer (unless --chart) or pino. Stops
 * gracefully on SIGINT/SIGTERM (stop fetching or accepting, let running updates finish,
 * close the stores). Importing this module does nothing; it runs only when executed.
 *
 * Start-up phases leave performance marks (kkpham:config, :modules, :data, :i18n, :core,
 * :answer) for `npm run bench:startup`; they cost nothing when nobody reads them.
 *
 * Exit codes (src/ops/exit-codes.ts, README "Operations"): 0 ok, 1 runtime or data error,
 * 2 configuration error, 3 token refused (401), 4 another instance polling (409), 5 shutdown
 * deadline passed, 6 a second signal.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Config, ConfigError, parseConfig, withEnvFile } from "./config.ts";

type Env = Record<string, string | undefined>;

/** EXIT.shutdownTimeout, without importing the ops layer into --ask. */
const EXIT_SHUTDOWN_TIMEOUT = 5;

export interface MainOptions {
  /** A `.env` file read under `env` (the environment wins); null or absent: none. */
  envFile?: string | null;
}

/** Start-up failures go straight to stderr: no transport thread that could lose the line. */
function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

/** A data or settings error at start-up: settings exit 2, data (file:line: field) exit 1. */
function startupFailure(err: unknown): number {
  if (err instanceof ConfigError) return fail(err.message, 2);
  return fail((err as Error).message, 1);
}

async function ask(config: Config & { mode: "ask" }): Promise<number> {
  const [{ loadData, buildCore }, { createI18n }, { runAsk }] = await Promise.all([
    import("./ops/core-loader.ts"),
    import("./render/i18n.ts"),
    import("./transports/ask.ts"),
  ]);
  performance.mark("kkpham:modules");
  let core: import("./core.ts").Core;
  try {
    const dataset = await loadData(config);
    const i18n = await createI18n();
    performance.mark("kkpham:i18n");
    core = buildCore(dataset, i18n, config);
  } catch (err) {
    return startupFailure(err);
  }
  const chart = config.ask.chartFile ? (await import("./render/chart/charts.ts")).createChartRenderer() : undefined;
  const code = await runAsk(
    core,
    config.ask,
    { input: process.stdin, output: process.stdout, error: process.stderr },
    chart,
  );
  performance.mark("kkpham:answer");
  return code;
}

export async function main(argv: string[], env: Env, opts: MainOptions = {}): Promise<number> {
  let config: Config;
  try {
    config = parseConfig(opts.envFile ? withEnvFile(env, opts.envFile) : env, argv);
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message, 2);
    throw err;
  }
  performance.mark("kkpham:config");
  if (config.mode === "ask") return ask(config);
  if (config.mode === "console") return (await import("./transports/console-mode.ts")).runConsoleMode(config, env);
  return (await import("./ops/service.ts")).runService(config);
}

const executed = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (executed) {
  // `.env` in the working directory: `npm start` and the container both run from the project root.
  main(process.argv.slice(2), process.env, { envFile: resolve(".env") }).then(
    (code) => {
      process.exitCode = code;
      // Everything is closed; if a stray handle still holds the loop, do not hang forever.
      // Past the shutdown deadline a stuck handler holds it for sure: exit now.
      setTimeout(() => process.exit(code), code === EXIT_SHUTDOWN_TIMEOUT ? 0 : 10_000).unref();
    },
    async (err: unknown) => {
      const { scrubber } = await import("./logger.ts");
      let env: Env = process.env;
      try {
        env = withEnvFile(process.env, resolve(".env"));
      } catch {
        // An unreadable .env was reported already; scrub what the environment holds.
      }
      const scrub = scrubber([env.BOT_TOKEN, env.WEBHOOK_SECRET]);
      process.stderr.write(`${scrub(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
      process.exit(1);
    },
  );
}
