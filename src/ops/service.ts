/**
 * The bot as a service (polling or webhook), in start-up order:
 *  1. logger (token and webhook secret scrubbed), metrics, the ops server when configured
 *     (so /healthz answers and /readyz says "data: not loaded" while the rest starts);
 *  2. data and Core, behind a swappable reference so a reload can replace them;
 *  3. session store and shared state (Redis when REDIS_URL is set, else SQLite + memory);
 *  4. the bot (getMe, command menus), the transport, and the reload paths: SIGHUP, /reload
 *     for ADMIN_IDS, and announcements from the other instances;
 * then waits for SIGINT/SIGTERM and stops in reverse: transport (running updates finish),
 * ops server, shared state, store.
 */
import { hostname } from "node:os";
import { GrammyError } from "grammy";
import type { AppBot } from "../bot/bot.ts";
import { createBot } from "../bot/bot.ts";
import { registerCommands } from "../bot/commands.ts";
import type { SessionData } from "../bot/context.ts";
import { type Config, ConfigError } from "../config.ts";
import type { Core } from "../core.ts";
import type { Dataset } from "../dataset/dataset.ts";
import { createLogger, type Logger } from "../logger.ts";
import { dryRunReport } from "../notify/dry-run.ts";
import { type Notifications, openNotifications } from "../notify/service.ts";
import { createChartRenderer } from "../render/chart/charts.ts";
import { createI18n } from "../render/i18n.ts";
import { openStore, type SessionStore } from "../state/index.ts";
import { memoryState, openRedisState, type SharedState } from "../state/shared.ts";
import type { Running } from "../transports/polling.ts";
import { fetchBotInfo, reasonOf, TokenRefused } from "../transports/retry.ts";
import { buildCore, loadData } from "./core-loader.ts";
import { EXIT } from "./exit-codes.ts";
import { checkReadiness, watchBotApi } from "./health.ts";
import { createMetrics } from "./metrics.ts";
import { peerSync } from "./peers.ts";
import { createReloader, type ReloadOutcome } from "./reload.ts";
import { type OpsServer, startOpsServer } from "./server.ts";
import { createSwappable } from "./swappable.ts";

type TelegramConfig = Config & { mode: "polling" | "webhook" };

/** With nothing else calling the Bot API for this long, a getMe keeps /readyz informed. */
const PROBE_MS = 30_000;

/** The bot's id (the token's first part): keeps two bots' keys on one Redis apart. */
const botScope = (token: string) => token.split(":")[0] ?? "bot";

function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

/** The exit code for a transport that ended by itself: 401 and 409 have their own. */
function exitFor(err: unknown): number {
  if (err instanceof GrammyError && err.error_code === 401) return EXIT.unauthorized;
  if (err instanceof GrammyError && err.error_code === 409) return EXIT.conflict;
  return EXIT.failure;
}

/**
 * Resolves with the exit code once the transport has stopped (a signal, or a fatal error).
 * After a signal the updates in flight get `deadlineMs` to finish; past it the process
 * exits non-zero with a log line, and a second signal exits at once.
 */
function untilStopped(running: Running, logger: Logger, deadlineMs: number, onStopping: () => void): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, "second signal: exiting at once, updates in flight are abandoned");
        process.exit(EXIT.secondSignal);
      }
      stopping = true;
      onStopping();
      logger.info({ signal, deadline_s: deadlineMs / 1000 }, "stopping: finishing the updates in progress");
      const timer = setTimeout(() => {
        logger.error(
          { deadline_s: deadlineMs / 1000 },
          "shutdown deadline passed with updates still running (SHUTDOWN_TIMEOUT_SECONDS); exiting",
        );
        resolve(EXIT.shutdownTimeout);
      }, deadlineMs);
      timer.unref();
      running.stop().then(
        () => {
          clearTimeout(timer);
          resolve(EXIT.ok);
        },
        (err: unknown) => {
          clearTimeout(timer);
          logger.error({ err }, "error while stopping");
          resolve(EXIT.failure);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    running.done.then(
      () => stopping || resolve(EXIT.ok),
      (err: unknown) => stopping || resolve(exitFor(err)),
    );
  });
}

export async function runService(config: TelegramConfig): Promise<number> {
  const logger = createLogger({
    level: config.logLevel,
    token: config.token,
    ...(config.mode === "webhook" ? { secrets: [config.webhook.secret] } : {}),
  });
  const instance = `${hostname()}:${process.pid}`;
  const started = Date.now();
  const metrics = createMetrics();
  const watch = watchBotApi();
  let dataLoaded = false;
  // Set on SIGTERM/SIGINT: /readyz turns 503 at once, so a load balancer stops sending
  // updates while the ones in flight finish.
  let stopping = false;
  let store: SessionStore<SessionData> | null = null;
  let ops: OpsServer | null = null;
  let shared: SharedState | null = null;
  const cleanup: (() => Promise<void> | void)[] = [];
  // Until the data is loaded there is nothing to reload; a SIGHUP then must not end the
  // process (its default action). The real handler replaces this one below.
  const early = () => logger.warn("SIGHUP before start-up finished: ignored");
  process.on("SIGHUP", early);
  cleanup.push(() => void process.off("SIGHUP", early));

  try {
    if (config.ops) {
      const opened = startOpsServer(
        config.ops,
        {
          metrics,
          readiness: async () => {
            const r = await checkReadiness({
              dataLoaded: () => dataLoaded,
              pingStore: () => (store ? store.ping() : Promise.reject(new Error("not open yet"))),
              botApi: watch,
            });
            return stopping ? { ready: false, reasons: ["stopping", ...r.reasons] } : r;
          },
        },
        logger,
      );
      try {
        ops = await opened;
      } catch (err) {
        return fail((err as Error).message, 1);
      }
      const server = ops;
      cleanup.push(() => server.close());
    }

    let dataset: Dataset;
    let core: Core;
    const i18n = await createI18n();
    try {
      dataset = await loadData(config);
      core = buildCore(dataset, i18n, config);
    } catch (err) {
      if (err instanceof ConfigError) return fail(err.message, 2);
      return fail((err as Error).message, 1);
    }
    metrics.data(dataset.version, dataset.records.length);
    dataLoaded = true;
    logger.info({ version: dataset.version, rows: dataset.records.length }, "data loaded");

    try {
      store = await openStore<SessionData>(config, logger, (op) => metrics.storeError(op));
      shared = config.redisUrl
        ? await openRedisState(config.redisUrl, config.token.split(":")[0] ?? "bot", logger)
        : memoryState();
    } catch (err) {
      return fail((err as Error).message, 1);
    }
    const openStoreRef = store;
    const sharedRef = shared;
    cleanup.push(
      () => sharedRef.close(),
      () => openStoreRef.close(),
    );
    logger.info({ store: store.kind, where: store.where, shared: shared.kind }, "session store opened");
    let notify: Notifications;
    try {
      const sessions = store.adapter;
      notify = await openNotifications({
        config,
        logger,
        scope: botScope(config.token),
        registry: metrics.registry,
        shared,
        // Read past the session middleware: a user's language as they last chose it.
        sessionLang: async (chat) => (await sessions.read(String(chat)))?.lang,
      });
    } catch (err) {
      return fail((err as Error).message, 1);
    }
    const notifyRef = notify;
    cleanup.push(() => notifyRef.close());

    const core$ = createSwappable(core);
    const peers = peerSync(shared.bus, instance, logger);
    const reloader = createReloader({
      target: core$,
      initial: dataset,
      logger,
      load: async () => {
        const next = await loadData(config);
        return { value: buildCore(next, i18n, config), dataset: next };
      },
      onOutcome: (o: ReloadOutcome, source) => {
        metrics.reload(o.status === "reloaded" ? "ok" : o.status);
        if (o.status === "reloaded") metrics.data(o.version, o.rows);
        if (o.status === "reloaded") notifyRef.afterReload(reloader.dataset());
        peers.announce(o, source);
      },
    });

    const bot: AppBot = createBot(config, {
      core: core$.proxy,
      pin: core$.pin,
      logger,
      storage: store.adapter,
      persist: store.persist,
      chart: createChartRenderer(),
      telemetry: metrics,
      shared,
      apiTransformers: [watch.transformer],
      follow: notify.follow,
      admin: {
        adminIds: config.adminIds,
        reload: () => reloader.reload("admin"),
        status: () => ({
          version: reloader.dataset().version,
          rows: reloader.dataset().records.length,
          uptimeSeconds: Math.round((Date.now() - started) / 1000),
          ...metrics.totals(),
          instance,
        }),
        statusExtra: (t) => dryRunReport(notifyRef.state, reloader.dataset(), t, config.notify),
      },
    });
    try {
      // Retried through outages and 5xx with a warning per attempt; 401 is fatal at once.
      bot.botInfo = await fetchBotInfo(() => bot.api.getMe(), logger, config.polling.retryMaxMs);
    } catch (err) {
      if (err instanceof TokenRefused) {
        logger.fatal(err.message);
        return EXIT.unauthorized;
      }
      logger.fatal({ reason: reasonOf(err) }, "getMe failed: check BOT_TOKEN and TELEGRAM_API_ROOT");
      return EXIT.failure;
    }
    await registerCommands(bot.api, core$.proxy, logger);
    await notify.start(bot.api, core$.proxy, reloader.dataset());

    await peers.listen(reloader);
    const onHup = () => {
      logger.info("SIGHUP: reloading the data");
      void reloader.reload("signal");
    };
    process.off("SIGHUP", early);
    process.on("SIGHUP", onHup);
    cleanup.push(() => void process.off("SIGHUP", onHup));
    const probe = setInterval(() => {
      const last = watch.lastAnswer();
      if (last === null || Date.now() - last > PROBE_MS) bot.api.getMe().catch(() => {});
    }, PROBE_MS).unref();
    cleanup.push(() => clearInterval(probe));

    const running =
      config.mode === "webhook"
        ? await (await import("../transports/webhook.ts")).startWebhook(bot, config.webhook, logger)
        : await (await import("../transports/polling.ts")).startPolling(bot, logger, config.polling);
    const code = await untilStopped(running, logger, config.shutdownTimeoutMs, () => {
      stopping = true;
    });
    // Past the deadline a handler is stuck: waiting for it again would hang for ever.
    if (code !== EXIT.shutdownTimeout) await running.stop().catch(() => {});
    return code;
  } finally {
    for (const step of cleanup.reverse()) {
      try {
        await step();
      } catch (err) {
        logger.warn({ err }, "error while closing");
      }
    }
    logger.info("stopped");
  }
}
