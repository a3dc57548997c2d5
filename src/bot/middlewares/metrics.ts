/**
 * Counts every update by type and times its handling (kkpham_updates_total,
 * kkpham_update_duration_seconds). Outermost after the in-flight counter, so dropped
 * updates (repeats, stale, group chatter) are counted and timed too.
 */
import type { MiddlewareFn } from "grammy";

export function updateType(update: object): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}

export function updateMetrics(onUpdate: (type: string, seconds: number) => void): MiddlewareFn {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      onUpdate(updateType(ctx.update), (performance.now() - started) / 1000);
    }
  };
}
