/**
 * Readiness: the bot is ready when its data is loaded, its store answers and the Bot API
 * answered recently. Each check says why it fails, so a 503 from /readyz names the reason.
 *
 * "The Bot API answered" is watched by a transformer on every call the bot makes: a reply
 * from Telegram (even a refusal such as 403 "bot was blocked") proves the API is reachable
 * and the token accepted; a network failure, a 401 or a 5xx does not. Long polling calls
 * getUpdates all the time; a webhook bot may stay quiet for hours, so `probe()` calls getMe
 * when nothing answered for a while (main.ts runs it on a timer).
 */
import type { Transformer } from "grammy";

export interface BotApiWatch {
  transformer: Transformer;
  /** ms timestamp of the last answer, or null before the first. */
  lastAnswer(): number | null;
}

export function watchBotApi(now: () => number = Date.now): BotApiWatch {
  let last: number | null = null;
  return {
    lastAnswer: () => last,
    transformer: async (prev, method, payload, signal) => {
      const res = await prev(method, payload, signal);
      if (res.ok || (res.error_code !== 401 && res.error_code < 500)) last = now();
      return res;
    },
  };
}

export interface ReadinessChecks {
  /** Data loaded and validated (false until the first load succeeds). */
  dataLoaded(): boolean;
  /** Resolves when the session store answers; rejects (or times out) otherwise. */
  pingStore(): Promise<void>;
  botApi: Pick<BotApiWatch, "lastAnswer">;
  /** How old the last Bot API answer may be (default 120 s). */
  botApiMaxAgeMs?: number;
  /** How long the store may take to answer (default 2 s). */
  storeTimeoutMs?: number;
  now?: () => number;
}

export interface Readiness {
  ready: boolean;
  reasons: string[];
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(c: ReadinessChecks): Promise<Readiness> {
  const now = (c.now ?? Date.now)();
  const reasons: string[] = [];
  if (!c.dataLoaded()) reasons.push("data: not loaded");
  try {
    await within(c.pingStore(), c.storeTimeoutMs ?? 2_000);
  } catch (err) {
    reasons.push(`store: ${(err as Error).message}`);
  }
  const last = c.botApi.lastAnswer();
  const maxAge = c.botApiMaxAgeMs ?? 120_000;
  if (last === null) reasons.push("bot api: no answer yet");
  else if (now - last > maxAge) reasons.push(`bot api: no answer for ${Math.round((now - last) / 1000)} s`);
  return { ready: reasons.length === 0, reasons };
}
