/**
 * A bot over real HTTP for the fault suite: the real Core, a capturing logger, and the
 * grammY client pointed at the fake Bot API on 127.0.0.1 (test/e2e/fake-bot-api.ts).
 */
import { MemorySessionStorage, type StorageAdapter } from "grammy";
import { type AppBot, createBot } from "../../src/bot/bot.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { parseConfig } from "../../src/config.ts";
import type { SharedState } from "../../src/state/shared.ts";
import { FAKE_BOT } from "../e2e/fake-bot-api.ts";
import { recordApi } from "../helpers/api.ts";
import { BOT_INFO, type TestBot, testCore } from "../helpers/bot.ts";
import { type CapturedLogs, captureLogs, TEST_TOKEN } from "../helpers/logs.ts";

export interface HttpBot {
  bot: AppBot;
  logs: CapturedLogs;
}

export async function httpBot(
  apiUrl: string,
  opts: {
    storage?: StorageAdapter<SessionData>;
    persist?: StorageAdapter<SessionData>;
    shared?: SharedState;
    env?: Record<string, string>;
    withBotInfo?: boolean;
  } = {},
): Promise<HttpBot> {
  const logs = captureLogs({ level: "debug" });
  const config = parseConfig({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: apiUrl, RATE_LIMIT: "1000", ...opts.env });
  const bot = createBot(config, {
    core: await testCore(),
    logger: logs.logger,
    storage: opts.storage ?? new MemorySessionStorage<SessionData>(),
    ...(opts.persist ? { persist: opts.persist } : {}),
    ...(opts.shared ? { shared: opts.shared } : {}),
    ...(opts.withBotInfo === false ? {} : { botInfo: { ...BOT_INFO, ...FAKE_BOT, is_bot: true as const } }),
  });
  return { bot, logs };
}

/** Parsed log lines at or above a pino level (30 info, 40 warn, 50 error, 60 fatal). */
export function linesAtLeast(logs: CapturedLogs, level: number): Record<string, unknown>[] {
  return logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => Number(l.level) >= level);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** makeBot (test/helpers/bot.ts) with a separate store for language switches. */
export async function recordingBot(opts: {
  storage?: StorageAdapter<SessionData>;
  persist: StorageAdapter<SessionData>;
}): Promise<TestBot> {
  const core = await testCore();
  const logs = captureLogs();
  const storage = opts.storage ?? new MemorySessionStorage<SessionData>();
  const bot = createBot(parseConfig({ BOT_TOKEN: TEST_TOKEN, RATE_LIMIT: "1000" }), {
    core,
    logger: logs.logger,
    storage,
    persist: opts.persist,
    botInfo: BOT_INFO,
  });
  return { bot, api: recordApi(bot), logs, core, storage };
}
