/**
 * Results-day test kit: the shipped data and copies with new rows (a 2026 round), a bot with
 * the follow feature over a given notify state, and a notifier + worker on a virtual clock
 * sending through that bot's (recorded) API. Nothing reaches Telegram or waits on a timer.
 */
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemorySessionStorage, type Transformer } from "grammy";
import { onTestFinished } from "vitest";
import { type AppBot, createBot } from "../../src/bot/bot.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { parseConfig } from "../../src/config.ts";
import { type Core, createCore } from "../../src/core.ts";
import type { Dataset } from "../../src/dataset/dataset.ts";
import { loadDataset } from "../../src/dataset/load.ts";
import { type Clock, virtualClock } from "../../src/notify/clock.ts";
import { type Gate, memoryGate } from "../../src/notify/gate.ts";
import type { NotifyCounters } from "../../src/notify/metrics.ts";
import { createNotifier } from "../../src/notify/notifier.ts";
import { apiSender, type SessionLang } from "../../src/notify/service.ts";
import type { NotifyState } from "../../src/notify/state.ts";
import { createWorker } from "../../src/notify/worker.ts";
import { loadData } from "../../src/ops/core-loader.ts";
import { createI18n } from "../../src/render/i18n.ts";
import { copyData } from "../e2e/processes.ts";
import { type Recorder, recordApi } from "../helpers/api.ts";
import { BOT_INFO, TEST_NOW, testCore } from "../helpers/bot.ts";
import { captureLogs, TEST_TOKEN } from "../helpers/logs.ts";

let shipped: Promise<Dataset> | undefined;
export const shippedData = () => {
  shipped ??= loadDataset();
  return shipped;
};

/** A 2026 round, so 2026 results validate. */
const ROUND_2026 = "2026,yes,2026-12-10,Jakarta,78,,,,,yes,,https://example.org/round-2026,a test round\n";

/** The shipped data plus these awards.csv rows (`year,region,predikat,evidence,sources,note`). */
export async function dataWith(rows: string[]): Promise<Dataset> {
  const dir = mkdtempSync(join(tmpdir(), "kkpham-notify-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const data = copyData(dir);
  appendFileSync(join(data, "rounds.csv"), ROUND_2026);
  appendFileSync(join(data, "awards.csv"), rows.map((r) => `${r}\n`).join(""));
  return loadData({ dataDir: data, homeProvince: "16" });
}

export const award2026 = (region: string, predikat = "peduli") =>
  `2026,${region},${predikat},reported,https://example.org/results-2026,results day test`;

export async function coreOf(dataset: Dataset): Promise<Core> {
  return createCore({ dataset, i18n: await createI18n(), homeProvince: "16", now: () => TEST_NOW });
}

export interface FollowBot {
  bot: AppBot;
  api: Recorder;
  core: Core;
  storage: MemorySessionStorage<SessionData>;
}

/** The real bot with the follow feature over `state`, on the shipped data. */
export async function followBot(state: NotifyState, core?: Core): Promise<FollowBot> {
  const c = core ?? (await testCore());
  const storage = new MemorySessionStorage<SessionData>();
  const bot = createBot(parseConfig({ BOT_TOKEN: TEST_TOKEN, RATE_LIMIT: "1000" }), {
    core: c,
    logger: captureLogs().logger,
    storage,
    botInfo: BOT_INFO,
    follow: { store: state.follows },
  });
  return { bot, api: recordApi(bot), core: c, storage };
}

/** Installed after recordApi, so it runs first: answers sendMessage itself when `rule` says so. */
export function interceptSends(bot: AppBot, rule: (chat: number, n: number) => unknown | undefined): void {
  let n = 0;
  const t: Transformer = (prev, method, payload, signal) => {
    if (method === "sendMessage") {
      const answer = rule(Number((payload as { chat_id: number }).chat_id), ++n);
      if (answer !== undefined) return answer as never;
    }
    return prev(method, payload, signal);
  };
  bot.api.config.use(t);
}

export interface Harness {
  clock: ReturnType<typeof virtualClock>;
  notifier: ReturnType<typeof createNotifier>;
  worker: ReturnType<typeof createWorker>;
}

/** Notifier and worker over `state`, sending through `bot`'s API with `core`'s data. */
export function harness(
  state: NotifyState,
  bot: AppBot,
  core: Core,
  opts: { clock?: Clock; gate?: Gate; counters?: NotifyCounters; sessionLang?: SessionLang } = {},
): Harness {
  const clock = (opts.clock ?? virtualClock()) as ReturnType<typeof virtualClock>;
  const logger = captureLogs().logger;
  const common = {
    follows: state.follows,
    outbox: state.outbox,
    logger,
    clock,
    ...(opts.counters ? { counters: opts.counters } : {}),
  };
  return {
    clock,
    notifier: createNotifier(common),
    worker: createWorker({
      ...common,
      gate: opts.gate ?? memoryGate(),
      send: apiSender(bot.api, core, opts.sessionLang),
    }),
  };
}

/** Chats of the recorded sendMessage calls, in order. */
export const sentTo = (api: Recorder) => api.of("sendMessage").map((c) => Number(c.payload.chat_id));
