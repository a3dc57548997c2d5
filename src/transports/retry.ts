/**
 * Retrying the Bot API through outages, with a capped backoff: 100 ms doubling up to
 * `capMs` (POLL_RETRY_MAX_SECONDS), never more. The runner's own retry doubles without a
 * cap (after a 60 s outage it waited ~42 s more), so getUpdates failures never reach it:
 * the transformer below retries them itself. grammY's bot.init() retries getMe silently;
 * `fetchBotInfo` retries it with one warning per attempt instead.
 *
 * Reasons in log lines are built from the error code or description, never from the
 * request URL (which holds the token).
 */
import { GrammyError, HttpError, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../logger.ts";

export const FIRST_RETRY_MS = 100;

/** The wait before attempt `n + 1` after `n` failures (n ≥ 1). */
export function backoff(failures: number, capMs: number): number {
  return Math.min(capMs, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 30));
}

/** Why a call failed, in words fit for a log line: a code, never a URL. */
export function reasonOf(err: unknown): string {
  if (err instanceof GrammyError) return `${err.error_code} ${err.description}`;
  if (err instanceof HttpError) {
    const inner = err.error as { code?: string; cause?: { code?: string }; name?: string } | undefined;
    return `network: ${inner?.code ?? inner?.cause?.code ?? inner?.name ?? "error"}`;
  }
  return (err as Error)?.name ?? "error";
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Codes after which retrying cannot help: the token is refused, or another poller holds the lock. */
export function isFatal(code: number): boolean {
  return code === 401 || code === 404 || code === 409;
}

export interface PollingRetry {
  capMs: number;
  /** Each getUpdates asks for at most this many updates. */
  fetchLimit: number;
}

/**
 * Around getUpdates only: caps the batch size, and retries network failures, 5xx and 429
 * (after retry_after) with the capped backoff until the call succeeds or the runner stops
 * (its abort signal). 401/409 pass through, so the runner ends and the process exits. The
 * first failure of an outage is a warning, the rest debug lines, and the recovery one info
 * line with how long it took.
 */
export function pollingRetry(logger: Logger, opts: PollingRetry): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    const p = payload as { limit?: number };
    const args = { ...payload, limit: Math.min(p.limit ?? 100, opts.fetchLimit) } as typeof payload;
    let failures = 0;
    let since = 0;
    for (;;) {
      let reason: string;
      let wait: number;
      try {
        const res = await prev(method, args, signal);
        if (res.ok) {
          if (failures > 0) {
            logger.info({ failures, outage_s: Math.round((Date.now() - since) / 100) / 10 }, "Bot API reachable again");
          }
          return res;
        }
        if (isFatal(res.error_code) || res.error_code < 400 || (res.error_code < 500 && res.error_code !== 429)) {
          return res;
        }
        reason = `${res.error_code} ${res.description}`;
        failures++;
        wait =
          res.error_code === 429 && typeof res.parameters?.retry_after === "number"
            ? res.parameters.retry_after * 1000
            : backoff(failures, opts.capMs);
      } catch (err) {
        if (signal?.aborted) throw err;
        reason = reasonOf(err);
        failures++;
        wait = backoff(failures, opts.capMs);
      }
      if (failures === 1) {
        since = Date.now();
        logger.warn({ reason, retry_in_ms: wait }, "getUpdates failed; retrying");
      } else logger.debug({ reason, failures, retry_in_ms: wait }, "getUpdates failed again");
      await sleep(wait, signal as AbortSignal | undefined);
    }
  };
}

export class TokenRefused extends Error {
  constructor() {
    super("BOT_TOKEN: Telegram refused the token (401 Unauthorized); check it with @BotFather");
    this.name = "TokenRefused";
  }
}

/**
 * getMe until it answers: each failed attempt is a warning with its reason and the next
 * wait. 401 throws TokenRefused at once; another 4xx is thrown as is (retrying cannot fix it).
 */
export async function fetchBotInfo(
  getMe: () => Promise<UserFromGetMe>,
  logger: Logger,
  capMs: number,
  signal?: AbortSignal,
): Promise<UserFromGetMe> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getMe();
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 401) throw new TokenRefused();
      if (err instanceof GrammyError && err.error_code < 500 && err.error_code !== 429) throw err;
      const wait =
        err instanceof GrammyError && typeof err.parameters.retry_after === "number"
          ? err.parameters.retry_after * 1000
          : backoff(attempt, capMs);
      logger.warn({ attempt, reason: reasonOf(err), retry_in_ms: wait }, "getMe failed; retrying");
      await sleep(wait, signal);
    }
  }
}
