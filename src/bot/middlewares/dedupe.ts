/**
 * Telegram delivers at least once: a webhook re-sends an update it did not see acknowledged
 * in time, and a restart can re-fetch the last batch. Remember recent update ids and skip
 * repeats, so nobody gets the same answer twice. With Redis the ids are remembered there,
 * so a resend that reaches another instance is skipped too. If the filter's store fails,
 * the update is handled: a rare double answer beats a lost one.
 */
import type { MiddlewareFn } from "grammy";
import { memoryUpdateFilter, type UpdateFilter } from "../../state/shared.ts";
import type { BotContext } from "../context.ts";

export function dedupe(
  filter: UpdateFilter = memoryUpdateFilter(),
  onStoreError: (operation: string) => void = () => {},
): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    let first = true;
    try {
      first = await filter.firstSeen(ctx.update.update_id);
    } catch (err) {
      onStoreError("dedupe");
      ctx.logger.warn({ err }, "duplicate filter unavailable; handling the update");
    }
    if (!first) {
      ctx.logger.debug("duplicate update skipped");
      return;
    }
    await next();
  };
}
