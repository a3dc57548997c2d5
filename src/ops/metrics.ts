/**
 * Prometheus metrics (prom-client), all named kkpham_…, in a registry of their own: nothing
 * is registered at import time or in prom-client's global registry, so tests can make as
 * many as they like. The bot and the ops code report through the small `Telemetry` callbacks
 * below, so they do not depend on prom-client at all.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export const PREFIX = "kkpham_";

/** What the running bot reports; every method is cheap and never throws. */
export interface Telemetry {
  update(type: string, seconds: number): void;
  reply(kind: string): void;
  error(): void;
  botApiRetry(method: string): void;
  rateLimited(): void;
  storeError(operation: string): void;
  data(version: string, rows: number): void;
  reload(outcome: "ok" | "unchanged" | "failed"): void;
}

export interface Metrics extends Telemetry {
  registry: Registry;
  /** Text exposition for GET /metrics. */
  text(): Promise<string>;
  contentType: string;
  /** Running totals for /status (no registry round trip). */
  totals(): { updates: number; errors: number };
}

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];

  const updates = new Counter({
    name: `${PREFIX}updates_total`,
    help: "Telegram updates received, by update type",
    labelNames: ["type"],
    registers,
  });
  const handling = new Histogram({
    name: `${PREFIX}update_duration_seconds`,
    help: "Time to handle one update, by update type",
    labelNames: ["type"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const replies = new Counter({
    name: `${PREFIX}replies_total`,
    help: "Answers sent or edited in place, by answer kind",
    labelNames: ["kind"],
    registers,
  });
  const errors = new Counter({ name: `${PREFIX}errors_total`, help: "Updates that failed with an error", registers });
  const retries = new Counter({
    name: `${PREFIX}bot_api_retries_total`,
    help: "Bot API calls retried after a 429 or 5xx, by method",
    labelNames: ["method"],
    registers,
  });
  const limited = new Counter({
    name: `${PREFIX}rate_limited_total`,
    help: "Updates refused by the per-user rate limit",
    registers,
  });
  const storeErrors = new Counter({
    name: `${PREFIX}store_errors_total`,
    help: "Failed calls to the session store, rate limit or duplicate filter, by operation",
    labelNames: ["operation"],
    registers,
  });
  const dataInfo = new Gauge({
    name: `${PREFIX}data_info`,
    help: "The data version being served (label), always 1",
    labelNames: ["version"],
    registers,
  });
  const dataRows = new Gauge({ name: `${PREFIX}data_rows`, help: "Award records in the data being served", registers });
  const reloads = new Counter({
    name: `${PREFIX}data_reloads_total`,
    help: "Data reloads, by outcome",
    labelNames: ["outcome"],
    registers,
  });

  let updateCount = 0;
  let errorCount = 0;
  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    totals: () => ({ updates: updateCount, errors: errorCount }),
    update(type, seconds) {
      updateCount++;
      updates.inc({ type });
      handling.observe({ type }, seconds);
    },
    reply: (kind) => replies.inc({ kind }),
    error() {
      errorCount++;
      errors.inc();
    },
    botApiRetry: (method) => retries.inc({ method }),
    rateLimited: () => limited.inc(),
    storeError: (operation) => storeErrors.inc({ operation }),
    data(version, rows) {
      dataInfo.reset();
      dataInfo.set({ version }, 1);
      dataRows.set(rows);
    },
    reload: (outcome) => reloads.inc({ outcome }),
  };
}
