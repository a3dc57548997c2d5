/**
 * Results-day counters in the ops registry: kkpham_notify_messages_total{outcome} with
 * queued (recorded in the outbox), sent, failed (given up after retries, or not renderable)
 * and removed (a 403: the chat's follows were deleted). Registered on the registry given,
 * never prom-client's global one.
 */
import { Counter, type Registry } from "prom-client";
import { PREFIX } from "../ops/metrics.ts";

export type NotifyOutcome = "queued" | "sent" | "failed" | "removed";

export interface NotifyCounters {
  count(outcome: NotifyOutcome, n?: number): void;
}

export const noCounters: NotifyCounters = { count: () => {} };

export function notifyCounters(registry: Registry): NotifyCounters {
  const messages = new Counter({
    name: `${PREFIX}notify_messages_total`,
    help: "Results-day notifications, by outcome: queued, sent, failed, removed (chat gone: follows deleted)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  for (const outcome of ["queued", "sent", "failed", "removed"]) messages.inc({ outcome }, 0);
  return { count: (outcome, n = 1) => messages.inc({ outcome }, n) };
}
