/**
 * Results day, from new data to the outbox: after the data is loaded (start-up) and after
 * every successful reload, the notifier compares the data with the ledger, records the
 * changes and the messages they mean in one atomic step, and wakes the worker (dry-run.ts
 * plans the same way and records nothing).
 *
 * Every instance plans after its own reload; the outbox keeps each message once, so which
 * instance records first does not matter. Planning runs one at a time per process.
 */
import type { Dataset } from "../dataset/dataset.ts";
import type { Logger } from "../logger.ts";
import type { FollowStore } from "../state/follows.ts";
import type { Outbox } from "../state/outbox.ts";
import type { Clock } from "./clock.ts";
import { realClock } from "./clock.ts";
import { type NotifyCounters, noCounters } from "./metrics.ts";
import { type PlanSummary, planNotifications, summarize } from "./plan.ts";

export interface Notifier {
  /** Plan, record and wake the worker; the summary of what was planned, with how many were new. */
  afterData(dataset: Dataset): Promise<PlanSummary & { queued: number }>;
}

export interface NotifierOptions {
  follows: FollowStore;
  outbox: Outbox;
  logger: Logger;
  counters?: NotifyCounters;
  clock?: Clock;
  /** Called after new items were recorded (the worker's kick). */
  onQueued?(): void;
}

export function createNotifier(opts: NotifierOptions): Notifier {
  const clock = opts.clock ?? realClock;
  const counters = opts.counters ?? noCounters;
  let queue: Promise<unknown> = Promise.resolve();

  async function once(dataset: Dataset) {
    const plan = await planNotifications(dataset, await opts.outbox.ledger(), opts.follows);
    const queued = await opts.outbox.record(plan.entries, plan.items, clock.now());
    const summary = summarize(plan);
    if (queued > 0) counters.count("queued", queued);
    opts.logger.info(
      { version: dataset.version, ...summary, queued },
      plan.baseline
        ? "notify: ledger filled from the data (first run); nobody notified"
        : `notify: ${summary.years.length} year(s) with new results; ${queued} message(s) queued for ${summary.chats} chat(s)`,
    );
    if (queued > 0) opts.onQueued?.();
    return { ...summary, queued };
  }

  return {
    afterData(dataset) {
      const run = queue.then(() => once(dataset));
      queue = run.catch(() => {});
      return run;
    },
  };
}
