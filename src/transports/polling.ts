/**
 * Long polling through @grammyjs/runner (updates of different users handled concurrently,
 * each user's in order thanks to sequentialize in the bot). stop() stops fetching and then
 * waits for the updates already being handled.
 */
import { run } from "@grammyjs/runner";
import type { AppBot } from "../bot/bot.ts";
import { ALLOWED_UPDATES } from "../bot/bot.ts";
import type { Logger } from "../logger.ts";

export interface Running {
  stop(): Promise<void>;
  /** Settles when the transport ends by itself (a fatal fetch error, e.g. 401 or 409). */
  done: Promise<void>;
}

export async function startPolling(bot: AppBot, logger: Logger): Promise<Running> {
  // A webhook left from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, "deleteWebhook failed; polling anyway"));
  // The runner prints fetch errors with console.error, bypassing the token scrubber, so it
  // runs silent and failed getUpdates calls are logged here instead.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const res = await prev(method, payload, signal);
      if (method === "getUpdates" && !res.ok)
        logger.warn({ code: res.error_code, description: res.description }, "getUpdates failed");
      return res;
    } catch (err) {
      if (method === "getUpdates" && !signal?.aborted) logger.warn({ err }, "getUpdates failed; retrying");
      throw err;
    }
  });
  const handle = run(bot, { runner: { silent: true, fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info({ username: bot.botInfo.username }, "long polling started");
  const done = (handle.task() ?? Promise.resolve()).catch((err: unknown) => {
    logger.fatal({ err }, "polling stopped: Telegram refused getUpdates");
    throw err;
  });
  return {
    done,
    async stop() {
      if (handle.isRunning()) await handle.stop();
      await bot.idle();
    },
  };
}
