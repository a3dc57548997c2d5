/**
 * Results day in the running service (src/ops/service.ts calls this): the follows and the
 * outbox in the session store's backend, the notifier, and the worker that sends through
 * the bot's API (with its auto-retry underneath). Order:
 *   open (before the bot: the follow feature needs the store) → start (after getMe: plans
 *   once for the data loaded at start-up, so changes made while the bot was down are not
 *   missed, then drains) → afterReload (each successful reload) → close (stop the worker,
 *   then the store).
 * NOTIFY=off keeps following (users can still follow) but plans and sends nothing.
 */
import type { Api } from "grammy";
import type { Registry } from "prom-client";
import type { FollowDeps } from "../bot/features/follow.ts";
import { chunkHtml } from "../bot/html.ts";
import { keyboard } from "../bot/send.ts";
import type { Core } from "../core.ts";
import type { Dataset } from "../dataset/dataset.ts";
import type { Logger } from "../logger.ts";
import type { OutboxPayload } from "../state/outbox.ts";
import type { SharedState } from "../state/shared.ts";
import type { Lang } from "../understand/request.ts";
import { memoryGate, sharedGate } from "./gate.ts";
import { notification } from "./message.ts";
import { type NotifyCounters, noCounters, notifyCounters } from "./metrics.ts";
import { createNotifier, type Notifier } from "./notifier.ts";
import { type NotifyState, openNotifyState } from "./state.ts";
import { createWorker, UnsendableError, type Worker } from "./worker.ts";

export interface Notifications {
  state: NotifyState;
  follow: FollowDeps;
  notifier: Notifier;
  start(api: Api, core: Core, dataset: Dataset): Promise<void>;
  afterReload(dataset: Dataset): void;
  close(): Promise<void>;
}

export interface NotificationsOptions {
  config: { stateDir: string; redisUrl: string | null; notify: boolean };
  logger: Logger;
  /** The bot's id: keeps two bots on one Redis apart. */
  scope: string;
  registry?: Registry;
  shared?: Pick<SharedState, "kind" | "limiter">;
  /** The user's current language from the session store. */
  sessionLang?: SessionLang;
}

/** A user's language now (their session), for a private chat; undefined: the one they followed in. */
export type SessionLang = (chat: number) => Promise<Lang | undefined>;

/**
 * Sends one notification: the rendered text (in chunks if long), the buttons on the last. A
 * private chat gets the user's current language (they may have switched since following);
 * a group the language its admin followed in.
 */
export function apiSender(api: Api, core: Core, sessionLang?: SessionLang) {
  return async (item: OutboxPayload) => {
    const now = item.chat > 0 ? await sessionLang?.(item.chat).catch(() => undefined) : undefined;
    const n = notification(core, now ? { ...item, lang: now } : item);
    if (!n) throw new UnsendableError(`scope ${item.scope} is not in the data`);
    const chunks = chunkHtml(n.html);
    for (const [i, chunk] of chunks.entries()) {
      const markup = i === chunks.length - 1 ? keyboard(n.buttons) : undefined;
      await api.sendMessage(item.chat, chunk, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(markup ? { reply_markup: markup } : {}),
      });
    }
  };
}

export async function openNotifications(opts: NotificationsOptions): Promise<Notifications> {
  const { logger } = opts;
  const state = await openNotifyState(opts.config, opts.scope, logger);
  const counters: NotifyCounters = opts.registry ? notifyCounters(opts.registry) : noCounters;
  let worker: Worker | null = null;
  const notifier = createNotifier({
    follows: state.follows,
    outbox: state.outbox,
    logger,
    counters,
    onQueued: () => worker?.kick(),
  });
  const plan = (dataset: Dataset) =>
    notifier.afterData(dataset).catch((err: unknown) => {
      logger.error({ err }, "notify: planning the notifications failed; they are planned again after the next reload");
    });
  logger.info({ store: state.kind, notify: opts.config.notify }, "results-day notifications ready");
  return {
    state,
    follow: { store: state.follows },
    notifier,
    async start(api, core, dataset) {
      if (!opts.config.notify) return;
      worker = createWorker({
        outbox: state.outbox,
        follows: state.follows,
        gate: opts.shared?.kind === "redis" ? sharedGate(opts.shared.limiter) : memoryGate(),
        send: apiSender(api, core, opts.sessionLang),
        logger,
        counters,
      });
      await plan(dataset);
      worker.start();
    },
    afterReload(dataset) {
      if (opts.config.notify) void plan(dataset);
    },
    async close() {
      await worker?.stop();
      await state.close();
    },
  };
}
