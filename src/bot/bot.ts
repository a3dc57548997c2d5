/**
 * createBot(config, deps): the one bot object every transport runs (polling, webhook, the
 * terminal chat). Nothing here touches the network: start-up calls (getMe, setMyCommands)
 * belong to the transports, and tests pass `botInfo` plus a recording API transformer.
 *
 * Middleware order, outermost first, and why:
 *  1. in-flight counter — a graceful stop waits for updates already being handled.
 *  2. error boundary (not bot.catch, which webhooks never call) around everything below.
 *  3. per-update child logger — so even dropped updates log with their update_id.
 *  4. dedupe, drop stale, relevance — cheap drops before any storage read: repeats,
 *     backlog after downtime, edited messages, group chatter not addressed to the bot.
 *  5. sequentialize per user — a user's updates run one at a time, so the session read and
 *     write of one cannot interleave with the next (grammY "Scaling Up II").
 *  6. session per user (not per chat: inline queries have no chat) — the chosen language.
 *  7. language — ctx.lang, ctx.t, ctx.setLang.
 *  8. rate limit — after language, so the "slow down" text is in the user's language
 *     (not in the terminal chat: its one local user may pipe in a whole list).
 *  9. features, one Composer each; `unhandled` last.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type StorageAdapter, session, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.ts";
import type { Core } from "../core.ts";
import type { Logger } from "../logger.ts";
import { type ChartFileStore, chartFilesIn } from "../state/chart-files.ts";
import type { ChartRenderer } from "./chart.ts";
import type { BotContext, SessionData } from "./context.ts";
import type { FeatureDeps } from "./deps.ts";
import { callbacksFeature } from "./features/callbacks.ts";
import { cekFeature } from "./features/cek.ts";
import { daftarFeature } from "./features/daftar.ts";
import { helpFeature } from "./features/help.ts";
import { inlineFeature } from "./features/inline.ts";
import { languageFeature } from "./features/language.ts";
import { nontextFeature } from "./features/nontext.ts";
import { startFeature } from "./features/start.ts";
import { textFeature } from "./features/text.ts";
import { trenFeature } from "./features/tren.ts";
import { unhandledFeature } from "./features/unhandled.ts";
import { dedupe } from "./middlewares/dedupe.ts";
import { dropStale } from "./middlewares/drop-stale.ts";
import { errorHandler } from "./middlewares/error.ts";
import { inFlight } from "./middlewares/in-flight.ts";
import { language } from "./middlewares/language.ts";
import { updateLogger } from "./middlewares/logger.ts";
import { rateLimit } from "./middlewares/rate-limit.ts";
import { relevance } from "./middlewares/relevance.ts";
import { createResponder } from "./send.ts";

export interface BotDeps {
  core: Core;
  logger: Logger;
  storage: StorageAdapter<SessionData>;
  /** Trend charts as photos; without it trend answers go out as text. */
  chart?: ChartRenderer;
  /**
   * Where chart file_ids are remembered. Default: the session storage itself (chart-files.ts),
   * except in the terminal chat, whose "uploads" never reach Telegram.
   */
  chartFiles?: ChartFileStore;
  /** Skip getMe (tests, the terminal chat). */
  botInfo?: UserFromGetMe;
}

export type AppBot = Bot<BotContext> & {
  /** Resolves once no update is being handled (for a graceful stop). */
  idle(): Promise<void>;
};

/** The update types the bot handles; passed to getUpdates / setWebhook. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

/** The terminal chat has no token; grammY still wants a non-empty one. Never sent anywhere. */
const NO_TOKEN = "0:console-no-network";

/**
 * Retry sends and edits on 429 and 5xx (auto-retry), but not calls where a late success is
 * worthless or that must fail fast: callback and inline answers expire after ~10 s, start-up
 * calls should be logged and skipped, and the runner retries getUpdates itself.
 */
const NO_RETRY = new Set([
  "answerCallbackQuery",
  "answerInlineQuery",
  "setMyCommands",
  "setMyDescription",
  "setMyShortDescription",
  "sendChatAction",
  "setMessageReaction",
  "getUpdates",
  "setWebhook",
  "getMe",
  "deleteWebhook",
]);

function retrying(): Transformer {
  const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 });
  return (prev, method, payload, signal) =>
    NO_RETRY.has(method) ? prev(method, payload, signal) : retry(prev, method, payload, signal);
}

export function createBot(config: Config, deps: BotDeps): AppBot {
  const token = config.mode === "polling" || config.mode === "webhook" ? config.token : NO_TOKEN;
  const bot = new Bot<BotContext>(token, {
    client: { apiRoot: config.apiRoot },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  bot.api.config.use(retrying());

  const tracker = inFlight();
  const chartFiles = deps.chartFiles ?? (config.mode === "console" ? undefined : chartFilesIn(deps.storage));
  const features: FeatureDeps = {
    core: deps.core,
    respond: createResponder(deps.core, { chart: deps.chart, chartFiles }),
  };

  bot.use(tracker.middleware);
  const b = bot.errorBoundary(errorHandler(deps.logger, deps.core.t("id")));
  b.use(updateLogger(deps.logger));
  b.use(dedupe(), dropStale(), relevance());
  b.use(sequentialize((ctx: BotContext) => ctx.from?.id.toString()));
  b.use(session({ getSessionKey: (ctx) => ctx.from?.id.toString(), storage: deps.storage }));
  b.use(language(deps.core));
  // The terminal chat has one local user, who may paste a whole list of questions.
  if (config.mode !== "console") b.use(rateLimit(config.rateLimit));
  b.use(
    startFeature(features),
    helpFeature(features),
    languageFeature(features),
    cekFeature(features),
    trenFeature(features),
    daftarFeature(features),
    callbacksFeature(features),
    inlineFeature(features),
    textFeature(features),
    nontextFeature(features),
    unhandledFeature(features),
  );

  // Only reached if the error boundary's own handler throws.
  bot.catch((err) => deps.logger.error({ err: err.error }, "error handler failed"));
  return Object.assign(bot, { idle: tracker.idle });
}
