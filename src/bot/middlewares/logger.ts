/** A child logger per update (update_id), and one debug line per update: its type and duration, never its text. */
import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.ts";
import type { BotContext } from "../context.ts";

export function updateLogger(logger: Logger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id });
    const started = performance.now();
    await next();
    if (ctx.logger.isLevelEnabled("debug")) {
      const type = Object.keys(ctx.update).find((k) => k !== "update_id");
      ctx.logger.debug({ type, ms: Math.round((performance.now() - started) * 10) / 10 }, "update handled");
    }
  };
}
