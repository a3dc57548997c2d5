/**
 * createBot(config, deps): the one bot object every transport runs (polling, webhook, the
 * terminal chat). Nothing here touches the network: start-up calls (getMe, setMyCommands)
 * belong to the transports, and tests pass `botInfo` plus a recording API transformer.
 *
 * Middleware order, outermost first, and why:
 *  1. in-flight counter — a graceful stop waits for updates already being handled.
 *  2. Core pin (with a reloadable Core) — the whole update, error apology included, runs
 *     on the Core current when it arrived; a reload meanwhile serves only later updates.
 *  3. update metrics — every update counted and timed, the dropped ones too.
 *  4. error boundary (not bot.catch, which webhooks never call) around everything below.
 *  5. per-update child logger — so even dropped updates log with their update_id.
 *  6. dedupe, drop stale, relevance — cheap drops before any session read: repeats
 *     (remembered in Redis when shared, so a resend to another instance is dropped too),
 *     backlog after downtime, edited messages, group chatter not addressed to the bot.
 *  7. sequentialize per user — a user's updates run one at a time, so the session read and
 *     write of one cannot interleave with the next (grammY "Scaling Up II"). Anonymous
 *     group admins are keyed by their group (user-key.ts), not by Telegram's shared stand-in.
 *  8. session per user (not per chat: inline queries have no chat) — the chosen language.
 *  9. language — ctx.lang, ctx.t, ctx.setLang (persists before the caller confirms).
 * 10. rate limit — after language, so the "slow down" text is in the user's language
 *     (not in the terminal chat: its one local user may pipe in a whole list); counted in
 *     Redis when shared, so N instances give a user the limit of one.
 * 11. features, one Composer each; admin first (its commands must be claimed before
 *     anything treats them as unknown), `unhandled` last.
 *
 * Telemetry (metrics) and shared state (Redis) are optional deps: tests and the terminal
 * chat run without them, with in-process state and no counting.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type StorageAdapter, session, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.ts";
import type { Core } from "../core.ts";
import type { Logger } from "../logger.ts";
import type { Telemetry } from "../ops/metrics.ts";
import { type ChartFileStore, chartFilesIn } from "../state/chart-files.ts";
import type { SharedState } from "../state/shared.ts";
import type { ChartRenderer } from "./chart.ts";
import type { BotContext, SessionData } from "./context.ts";
import type { FeatureDeps } from "./deps.ts";
import { type AdminDeps, adminFeature } from "./features/admin.ts";
import { callbacksFeature } from "./features/callbacks.ts";
import { cekFeature } from "./features/cek.ts";
import { daftarFeature } from "./features/daftar.ts";
import { type FollowDeps, followButtons, followFeature } from "./features/follow.ts";
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
import { updateMetrics } from "./middlewares/metrics.ts";
import { outgoingLimits } from "./middlewares/outgoing-limits.ts";
import { rateLimit } from "./middlewares/rate-limit.ts";
import { relevance } from "./middlewares/relevance.ts";
import { userKey } from "./middlewares/user-key.ts";
import { createResponder, type Responder } from "./send.ts";

export interface BotDeps {
  core: Core;
  logger: Logger;
  storage: StorageAdapter<SessionData>;
  /**
   * The store a language choice is written to before it is confirmed; it must throw when
   * the write fails (`storage` may hold a failed write back for later). Default: `storage`.
   */
  persist?: StorageAdapter<SessionData>;
  /** Trend charts as photos; without it trend answers go out as text. */
  chart?: ChartRenderer;
  /**
   * Where chart file_ids are remembered. Default: the session storage itself (chart-files.ts),
   * except in the terminal chat, whose "uploads" never reach Telegram.
   */
  chartFiles?: ChartFileStore;
  /** Skip getMe (tests, the terminal chat). */
  botInfo?: UserFromGetMe;
  /** Runs each whole update against one Core (the reloadable Core's pin). */
  pin?: <R>(fn: () => R) => R;
  /** Metrics callbacks; none: nothing counted. */
  telemetry?: Telemetry;
  /** Rate-limit counts and the duplicate filter shared between instances (Redis). */
  shared?: Pick<SharedState, "limiter" | "updates">;
  /** /status and /reload for ADMIN_IDS; none: both are unknown commands. */
  admin?: AdminDeps;
  /** Extra API transformers installed under auto-retry (the Bot API watch for /readyz). */
  apiTransformers?: Transformer[];
  /** Results day: /ikuti, /berhenti, /langganan and the 🔔 toggle; none: no following. */
  follow?: FollowDeps;
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

/** `onRetry` hears every attempt after the first (kkpham_bot_api_retries_total). */
function retrying(onRetry: (method: string) => void = () => {}): Transformer {
  const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 });
  return (prev, method, payload, signal) => {
    if (NO_RETRY.has(method)) return prev(method, payload, signal);
    let attempts = 0;
    const counted: typeof prev = (m, p, s) => {
      if (++attempts > 1) onRetry(m);
      return prev(m, p, s);
    };
    return retry(counted, method, payload, signal);
  };
}

/** Bot-level texts (greeting, help, language prompt, admin replies) carry no answer kind. */
export const BOT_TEXT_KIND = "bot_text";

/** Counts each reply by its answer kind (kkpham_replies_total) without touching the features. */
function countingReplies(inner: Responder, onReply: (kind: string) => void): Responder {
  return {
    send: (ctx, ex) => inner.send(ctx, ex).then(() => onReply(ex.answer.kind)),
    edit: (ctx, ex) => inner.edit(ctx, ex).then(() => onReply(ex.answer.kind)),
    keys: (ctx, buttons) => inner.keys(ctx, buttons),
    text: (ctx, html, buttons) => inner.text(ctx, html, buttons).then(() => onReply(BOT_TEXT_KIND)),
  };
}

export function createBot(config: Config, deps: BotDeps): AppBot {
  const token = config.mode === "polling" || config.mode === "webhook" ? config.token : NO_TOKEN;
  const bot = new Bot<BotContext>(token, {
    // 60 s: above getUpdates' 30 s long poll; a Bot API that stops answering fails a call
    // in a minute (and is retried) instead of grammY's default 500 s.
    client: { apiRoot: config.apiRoot, timeoutSeconds: 60 },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  // grammY runs the transformer installed first closest to the network: the watch sees
  // every attempt auto-retry makes.
  for (const t of deps.apiTransformers ?? []) bot.api.config.use(t);
  const tm = deps.telemetry;
  bot.api.config.use(retrying(tm ? (m) => tm.botApiRetry(m) : undefined));
  // Outermost: every call is cut to Telegram's limits before anything else sees it.
  bot.api.config.use(outgoingLimits(deps.logger));

  const tracker = inFlight();
  const chartFiles = deps.chartFiles ?? (config.mode === "console" ? undefined : chartFilesIn(deps.storage));
  const responder = createResponder(deps.core, {
    chart: deps.chart,
    chartFiles,
    extra: deps.follow && followButtons(deps.follow.store),
  });
  const features: FeatureDeps = {
    core: deps.core,
    respond: tm ? countingReplies(responder, (k) => tm.reply(k)) : responder,
  };
  const storeError = (operation: string) => tm?.storeError(operation);

  bot.use(tracker.middleware);
  const pin = deps.pin;
  if (pin) bot.use((_ctx, next) => pin(next));
  if (tm) bot.use(updateMetrics((type, seconds) => tm.update(type, seconds)));
  const b = bot.errorBoundary(
    errorHandler(
      deps.logger,
      (lang) => deps.core.t(lang),
      () => tm?.error(),
    ),
  );
  b.use(updateLogger(deps.logger));
  b.use(dedupe(deps.shared?.updates, storeError), dropStale(), relevance());
  b.use(sequentialize(userKey));
  b.use(session({ getSessionKey: userKey, storage: deps.storage }));
  b.use(language(deps.core, deps.persist ?? deps.storage));
  // The terminal chat has one local user, who may paste a whole list of questions.
  if (config.mode !== "console") {
    b.use(
      rateLimit({
        ...config.rateLimit,
        ...(deps.shared ? { state: deps.shared } : {}),
        onLimited: () => tm?.rateLimited(),
        onStoreError: storeError,
      }),
    );
  }
  if (deps.admin) b.use(adminFeature(features, deps.admin));
  b.use(
    startFeature(features),
    helpFeature(features),
    languageFeature(features),
    cekFeature(features),
    trenFeature(features),
    daftarFeature(features),
    // Before callbacks: it claims the 🔔/🔕 buttons and passes every other tap on.
    ...(deps.follow ? [followFeature(features, deps.follow)] : []),
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
