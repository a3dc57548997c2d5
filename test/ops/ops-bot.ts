/** A bot for ops tests: the test helpers' Core, plus metrics and the admin commands. */
import { MemorySessionStorage } from "grammy";
import { type AppBot, type BotDeps, createBot } from "../../src/bot/bot.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { parseConfig } from "../../src/config.ts";
import { createMetrics, type Metrics } from "../../src/ops/metrics.ts";
import { type Recorder, recordApi } from "../helpers/api.ts";
import { BOT_INFO, testCore } from "../helpers/bot.ts";
import { captureLogs, TEST_TOKEN } from "../helpers/logs.ts";

export interface OpsBotOptions {
  env?: Record<string, string>;
  admin?: BotDeps["admin"];
  /** Installed under auto-retry; the test's own stand-in for Telegram. */
  apiTransformers?: BotDeps["apiTransformers"];
}

/** Without a recorder: the caller's apiTransformers answer the Bot API calls. */
export async function bareOpsBot(opts: OpsBotOptions = {}): Promise<{ bot: AppBot; metrics: Metrics }> {
  const metrics = createMetrics({ defaults: false });
  const bot = createBot(parseConfig({ BOT_TOKEN: TEST_TOKEN, RATE_LIMIT: "1000", ...opts.env }), {
    core: await testCore(),
    logger: captureLogs().logger,
    storage: new MemorySessionStorage<SessionData>(),
    botInfo: BOT_INFO,
    telemetry: metrics,
    ...(opts.admin ? { admin: opts.admin } : {}),
    ...(opts.apiTransformers ? { apiTransformers: opts.apiTransformers } : {}),
  });
  return { bot, metrics };
}

/** With the recording API standing in for Telegram (outermost: auto-retry never runs). */
export async function makeOpsBot(opts: OpsBotOptions = {}): Promise<{ bot: AppBot; api: Recorder; metrics: Metrics }> {
  const { bot, metrics } = await bareOpsBot(opts);
  return { bot, api: recordApi(bot), metrics };
}
