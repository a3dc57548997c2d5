/**
 * Telegram delivers at least once: a webhook re-sends an update it did not see acknowledged
 * in time, and a restart can re-fetch the last batch. Remember recent update ids and skip
 * repeats, so nobody gets the same answer twice.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

export function dedupe(capacity = 2_000): MiddlewareFn<BotContext> {
  const seen = new Set<number>();
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) {
      ctx.logger.debug("duplicate update skipped");
      return;
    }
    seen.add(id);
    // A Set iterates in insertion order, so the first key is the oldest.
    if (seen.size > capacity) seen.delete(seen.values().next().value as number);
    await next();
  };
}
