/**
 * A bot for tests: the real Core over the real data/, a capturing logger, an in-memory or
 * given session store, a recording API and a botInfo fixture, so nothing touches the network.
 * Every bot made here checks at the end of its test that no log line holds the token.
 */
import { MemorySessionStorage, type StorageAdapter } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { expect, onTestFinished } from "vitest";
import { type AppBot, createBot } from "../../src/bot/bot.ts";
import type { ChartRenderer } from "../../src/bot/chart.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { parseConfig } from "../../src/config.ts";
import { type Core, createCore } from "../../src/core.ts";
import { loadDataset } from "../../src/dataset/load.ts";
import { createI18n } from "../../src/render/i18n.ts";
import { CONSOLE_BOT_INFO } from "../../src/transports/console.ts";
import { type Recorder, recordApi } from "./api.ts";
import { type CapturedLogs, captureLogs, TEST_TOKEN } from "./logs.ts";

export const BOT_INFO: UserFromGetMe = { ...CONSOLE_BOT_INFO, id: 42, username: "kkpham_test_bot" };

let core: Promise<Core> | undefined;

/** The clock of every test bot: 1 December 2026, before that year's ceremony. */
export const TEST_NOW = new Date("2026-12-01T09:00:00Z");

/** One Core per test file: the dataset and indexes are built once, as in production. */
export function testCore(): Promise<Core> {
  core ??= (async () =>
    createCore({ dataset: await loadDataset(), i18n: await createI18n(), homeProvince: "16", now: () => TEST_NOW }))();
  return core;
}

export interface TestBot {
  bot: AppBot;
  api: Recorder;
  logs: CapturedLogs;
  core: Core;
  storage: StorageAdapter<SessionData>;
}

export async function makeBot(
  opts: { storage?: StorageAdapter<SessionData>; env?: Record<string, string>; chart?: ChartRenderer } = {},
): Promise<TestBot> {
  const c = await testCore();
  const logs = captureLogs();
  const config = parseConfig({ BOT_TOKEN: TEST_TOKEN, RATE_LIMIT: "1000", ...opts.env });
  const storage = opts.storage ?? new MemorySessionStorage<SessionData>();
  const bot = createBot(config, {
    core: c,
    logger: logs.logger,
    storage,
    botInfo: BOT_INFO,
    ...(opts.chart ? { chart: opts.chart } : {}),
  });
  const api = recordApi(bot);
  onTestFinished(() => {
    expect(logs.leaks(), "a log line holds the bot token").toEqual([]);
  });
  return { bot, api, logs, core: c, storage };
}
