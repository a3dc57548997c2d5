/**
 * Drains the outbox: claims a batch of due items (leased, so no other instance takes them),
 * and sends each within the limits of `gate`:
 *  - a chat that had a message less than its interval ago: the item goes back, due when the
 *    chat is free (the others go on meanwhile);
 *  - the total rate: the worker sleeps until the next slot;
 *  - 429: everything pauses for retry_after, and the claimed items go back due after it
 *    (the pause is waited for between drains, so stopping never waits it out);
 *  - 403 (the user blocked the bot, the bot left the group) or "chat not found": the chat's
 *    follows are deleted and the item dropped (counted "removed");
 *  - a group upgraded to a supergroup (400 with migrate_to_chat_id): its follows and the
 *    message move to the new id;
 *  - any other error: retried with a growing delay, given up after `maxAttempts`.
 * A message whose chat stopped following meanwhile is dropped unsent. An item is marked done
 * right after Telegram accepted it.
 */
import { GrammyError } from "grammy";
import type { Logger } from "../logger.ts";
import type { FollowStore } from "../state/follows.ts";
import type { Outbox, OutboxItem } from "../state/outbox.ts";
import { type Clock, realClock } from "./clock.ts";
import type { Gate } from "./gate.ts";
import { type NotifyCounters, noCounters } from "./metrics.ts";

export interface WorkerOptions {
  outbox: Outbox;
  follows: FollowStore;
  gate: Gate;
  /** Sends one item; throws the Bot API's error (GrammyError) when Telegram refuses it. */
  send(item: OutboxItem): Promise<void>;
  logger: Logger;
  counters?: NotifyCounters;
  clock?: Clock;
  /** Items claimed at once (a second's worth at 25/s). */
  batch?: number;
  /** How long a claim holds; a worker that died leaves its items to others after this. */
  leaseMs?: number;
  maxAttempts?: number;
  /** How often an idle running worker looks for due items. */
  idleMs?: number;
}

export interface Worker {
  /** Sends everything due now, and what falls due meanwhile; resolves with how many were sent. */
  drainDue(): Promise<number>;
  /** Like drainDue, until the outbox has nothing pending (waiting for items leased by others). */
  drainAll(): Promise<number>;
  /** Runs drainDue every idleMs (and at once after kick; after a 429 when the pause ends) until stop. */
  start(): void;
  kick(): void;
  stop(): Promise<void>;
}

/** What a failed send means for the item. */
type Failure =
  | { kind: "pause"; ms: number }
  | { kind: "gone" }
  | { kind: "moved"; to: number }
  | { kind: "retry" }
  | { kind: "drop" };

export class UnsendableError extends Error {}

function classify(err: unknown): Failure {
  if (err instanceof UnsendableError) return { kind: "drop" };
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return { kind: "pause", ms: (err.parameters.retry_after ?? 1) * 1000 };
    if (err.error_code === 403) return { kind: "gone" };
    if (err.error_code === 400 && /chat not found/i.test(err.description)) return { kind: "gone" };
    const to = err.parameters.migrate_to_chat_id;
    if (err.error_code === 400 && to !== undefined) return { kind: "moved", to };
    if (err.error_code === 400) return { kind: "drop" };
  }
  return { kind: "retry" };
}

export function createWorker(opts: WorkerOptions): Worker {
  const clock = opts.clock ?? realClock;
  const counters = opts.counters ?? noCounters;
  const batch = opts.batch ?? 25;
  const leaseMs = opts.leaseMs ?? 60_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const idleMs = opts.idleMs ?? 1_000;
  const { outbox, gate, logger } = opts;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  // After a 429 nothing is sent before this time; waited for outside drainDue, so a stop
  // never waits out a long retry_after.
  let pausedUntil = 0;
  const pauseLeft = () => Math.max(0, pausedUntil - clock.now());

  async function sendOne(item: OutboxItem): Promise<"sent" | "paused" | "other"> {
    if (!(await opts.follows.isFollowing(item.chat, item.scope))) {
      // Stopped following after the message was planned: it does not go out.
      await outbox.drop(item.id);
      return "other";
    }
    const chatWait = await gate.chat(item.chat, clock.now());
    if (chatWait > 0) {
      await outbox.later(item.id, clock.now() + chatWait, false);
      return "other";
    }
    for (let w = await gate.global(clock.now()); w > 0; w = await gate.global(clock.now())) await clock.sleep(w);
    try {
      await opts.send(item);
    } catch (err) {
      const f = classify(err);
      const log = logger.child({ chat: item.chat, item: item.id });
      switch (f.kind) {
        case "pause":
          log.warn({ retryAfterMs: f.ms }, "notify: 429 from Telegram, pausing");
          pausedUntil = clock.now() + f.ms;
          await outbox.later(item.id, pausedUntil, false);
          return "paused";
        case "gone": {
          const removed = await opts.follows.unfollow(item.chat);
          await outbox.fail(item.id);
          counters.count("removed");
          log.info({ removed }, "notify: chat unreachable (403 or not found), its follows deleted");
          return "other";
        }
        case "moved": {
          // The group became a supergroup: its follows move to the new id, and so does the message.
          for (const x of await opts.follows.list(item.chat)) await opts.follows.follow({ ...x, chat: f.to });
          await opts.follows.unfollow(item.chat);
          const id = `${f.to}${item.id.slice(String(item.chat).length)}`;
          const moved = { id, chat: f.to, scope: item.scope, year: item.year, lang: item.lang };
          await outbox.record(new Map(), [moved], clock.now());
          log.info({ to: f.to }, "notify: group upgraded to a supergroup, its follows moved");
          return "other";
        }
        case "drop":
          await outbox.fail(item.id);
          counters.count("failed");
          log.warn({ err }, "notify: message refused, dropped");
          return "other";
        case "retry":
          if (item.attempts + 1 >= maxAttempts) {
            await outbox.fail(item.id);
            counters.count("failed");
            log.error({ err, attempts: item.attempts + 1 }, "notify: giving up on a message");
          } else {
            await outbox.later(item.id, clock.now() + 2 ** item.attempts * 5_000, true);
            log.warn({ err }, "notify: send failed, will retry");
          }
          return "other";
      }
    }
    await outbox.done(item.id);
    counters.count("sent");
    return "sent";
  }

  async function drainDue(): Promise<number> {
    let sent = 0;
    while (!stopping && pauseLeft() === 0) {
      const items = await outbox.claim(batch, clock.now(), leaseMs);
      if (items.length === 0) break;
      for (const [i, item] of items.entries()) {
        if (stopping) {
          for (const rest of items.slice(i)) await outbox.later(rest.id, clock.now(), false);
          break;
        }
        const r = await sendOne(item);
        if (r === "sent") sent++;
        if (r === "paused") {
          // Telegram said wait: the rest of the batch goes back, due after the pause.
          for (const rest of items.slice(i + 1)) await outbox.later(rest.id, pausedUntil, false);
          break;
        }
      }
    }
    return sent;
  }

  return {
    drainDue,
    async drainAll() {
      let sent = 0;
      for (;;) {
        sent += await drainDue();
        if (stopping) return sent;
        if (pauseLeft() > 0) await clock.sleep(pauseLeft());
        else if ((await outbox.counts()).pending === 0) return sent;
        else await clock.sleep(idleMs / 4);
      }
    },
    start() {
      if (loop) return;
      loop = (async () => {
        while (!stopping) {
          try {
            await drainDue();
          } catch (err) {
            logger.error({ err }, "notify: outbox drain failed; retrying");
          }
          if (stopping) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.max(idleMs, pauseLeft()));
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      })();
    },
    kick: () => wake?.(),
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
