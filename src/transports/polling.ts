/**
 * Long polling through @grammyjs/runner (updates of different users handled concurrently,
 * each user's in order thanks to sequentialize in the bot). stop() stops fetching and then
 * waits for the updates already being handled.
 *
 * Through outages getUpdates is retried by `pollingRetry` (capped backoff, one warning per
 * outage), not by the runner, whose wait doubles without a cap. The runner confirms a batch
 * by fetching the next one: with at most `concurrency` updates in the sink and `fetchLimit`
 * per batch, a `kill -9` loses at most `concurrency` confirmed updates (README, Operations).
 */
import { run } from "@grammyjs/runner";
import { GrammyError } from "grammy";
import type { AppBot } from "../bot/bot.ts";
import { ALLOWED_UPDATES } from "../bot/bot.ts";
import type { PollingOptions } from "../config.ts";
import type { Logger } from "../logger.ts";
import { pollingRetry } from "./retry.ts";

export interface Running {
  stop(): Promise<void>;
  /** Settles when the transport ends by itself (a fatal fetch error, e.g. 401 or 409). */
  done: Promise<void>;
}

export const DEFAULT_POLLING: PollingOptions = { fetchLimit: 20, concurrency: 20, retryMaxMs: 3_000 };

/** The fatal line for a getUpdates the runner gave up on: what happened and what to do. */
export function pollingFatal(err: unknown): string {
  if (err instanceof GrammyError && err.error_code === 409) {
    return (
      "polling stopped: 409 Conflict: another instance is polling with this token, or a webhook was set " +
      "meanwhile; run one polling instance, or use webhook mode (WEBHOOK_URL) for several instances"
    );
  }
  if (err instanceof GrammyError && err.error_code === 401) {
    return "polling stopped: 401 Unauthorized: Telegram refused BOT_TOKEN (revoked?)";
  }
  return "polling stopped: Telegram refused getUpdates";
}

export async function startPolling(
  bot: AppBot,
  logger: Logger,
  opts: PollingOptions = DEFAULT_POLLING,
): Promise<Running> {
  // A webhook left from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, "deleteWebhook failed; polling anyway"));
  // The runner prints fetch errors with console.error, bypassing the token scrubber, so it
  // runs silent; failed getUpdates calls are retried and logged by pollingRetry instead.
  bot.api.config.use(pollingRetry(logger, { capMs: opts.retryMaxMs, fetchLimit: opts.fetchLimit }));
  const handle = run(bot, {
    runner: { silent: true, fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
    sink: { concurrency: opts.concurrency },
  });
  logger.info(
    { username: bot.botInfo.username, fetch_limit: opts.fetchLimit, concurrency: opts.concurrency },
    "long polling started",
  );
  const done = (handle.task() ?? Promise.resolve()).catch((err: unknown) => {
    logger.fatal({ err }, pollingFatal(err));
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
