/**
 * The pino factory. The bot token must never reach a log line, and field redaction alone
 * cannot promise that: grammY's HttpError wraps node-fetch's FetchError, whose message is
 * "request to https://api.telegram.org/bot<TOKEN>/getMe failed…", and pino serializes that
 * nested error as plain strings. So besides redacting known field names, every finished line
 * is scrubbed just before it is written (pino's `hooks.streamWrite`), which covers messages,
 * stacks, causes and any field we did not think of.
 *
 * No transport in tests or production: pino-pretty runs only when stdout is a terminal and
 * we are not under vitest (a transport's worker thread keeps test runners alive and can lose
 * the last lines before an exit).
 */
import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

export type { Logger };

export interface LoggerInit {
  level: string;
  /** The bot token; scrubbed from every line. */
  token?: string;
  /** Further secrets to scrub (the webhook secret). */
  secrets?: string[];
  /** Where lines go; defaults to stdout. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

export const REDACTED = "[REDACTED]";

const REDACT_PATHS = [
  "token",
  "botToken",
  "secret",
  "secretToken",
  "webhookSecret",
  "*.token",
  "*.botToken",
  "*.secret",
  "config.token",
  "config.webhook.secret",
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/**
 * Every form a secret can take in a line: as is, URL-encoded (the ":" of a token), and a
 * token's private half alone (someone may log it split at the colon).
 */
export function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
    const half = s.slice(s.indexOf(":") + 1);
    if (half !== s && half.length >= 16) forms.add(half);
  }
  // Longest first, so the whole token is replaced before its half could be.
  return [...forms].filter((f) => f.length >= 8).sort((a, b) => b.length - a.length);
}

export function scrubber(secrets: readonly (string | undefined)[]): (s: string) => string {
  const forms = secretForms(secrets);
  if (forms.length === 0) return (s) => s;
  return (s) => {
    let out = s;
    for (const f of forms) if (out.includes(f)) out = out.replaceAll(f, REDACTED);
    return out;
  };
}

/**
 * Errors as pino serializes them (with causes), minus what a user typed: a failed Bot API
 * call (GrammyError) carries its whole payload, the reply text included. The line keeps
 * the method, the chat id and the error; never the payload, at any level.
 */
export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.errWithCause(err as Error) as unknown;
  if (!serialized || typeof serialized !== "object" || !("payload" in serialized)) return serialized;
  const { payload, ...out } = serialized as Record<string, unknown> & { payload?: { chat_id?: unknown } };
  if (payload && typeof payload === "object" && payload.chat_id !== undefined) out.chat_id = payload.chat_id;
  return out;
}

function wantsPretty(): boolean {
  if (!process.stdout.isTTY || process.env.VITEST) return false;
  try {
    // A dev dependency: absent after `npm ci --omit=dev`, and then JSON lines are fine.
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

export function createLogger(init: LoggerInit): Logger {
  const scrub = scrubber([init.token, ...(init.secrets ?? [])]);
  const options: LoggerOptions = {
    level: init.level,
    base: undefined,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
    hooks: { streamWrite: scrub },
  };
  if (init.destination) return pino(options, init.destination);
  if (wantsPretty()) {
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } },
    });
  }
  return pino(options);
}
