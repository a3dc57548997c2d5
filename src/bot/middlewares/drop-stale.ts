/**
 * After downtime Telegram hands over a backlog. A question asked ten minutes ago and answered
 * now only confuses, so messages older than `maxAgeSeconds` are dropped. Button taps and
 * inline queries carry no date of their own (a button's message may rightly be old), so they
 * always pass.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

export const DEFAULT_MAX_AGE_SECONDS = 5 * 60;

export function dropStale(maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS, now = () => Date.now()): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const date = ctx.message?.date ?? ctx.editedMessage?.date ?? ctx.channelPost?.date;
    if (date !== undefined && now() / 1000 - date > maxAgeSeconds) {
      ctx.logger.debug({ age_s: Math.round(now() / 1000 - date) }, "stale update dropped");
      return;
    }
    await next();
  };
}
