/**
 * Environment + command line → a validated Config. A pure function: main.ts passes
 * `process.env` and `process.argv.slice(2)`, tests pass plain objects, and nothing is read
 * at import time. The mode is a discriminated union so each transport gets exactly the
 * settings it needs (a webhook cannot start without its secret, the console has no token).
 *
 * Errors name the variable and what it should be. They never repeat a value: a token
 * pasted into the wrong variable must not end up in a CI log.
 */
import { readFileSync } from "node:fs";
import { parseArgs, parseEnv } from "node:util";
import { z } from "zod";
import { LANGS, type Lang } from "./understand/request.ts";

export const OFFICIAL_API_ROOT = "https://api.telegram.org";
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

interface Common {
  logLevel: LogLevel;
  apiRoot: string;
  stateDir: string;
  /** data/ directory to load; null means the one shipped with the code. */
  dataDir: string | null;
  redisUrl: string | null;
  homeProvince: string;
  /**
   * Per user and window: `limit` messages, `inline` inline queries, `callbacks` button taps.
   * Each kind has its own budget: typing an inline query (one update per keystroke) or
   * tapping through buttons must not use up the messages.
   */
  rateLimit: { limit: number; windowMs: number; inline: number; callbacks: number };
  /** Results-day notifications to followers (NOTIFY=off: none planned or sent). */
  notify: boolean;
}

/**
 * Long polling: how far the runner may fetch ahead, and how fast it comes back after an
 * outage. The runner confirms a batch when it fetches the next one, so on `kill -9` at most
 * `concurrency` confirmed updates can be lost; `fetchLimit` caps each getUpdates batch.
 */
export interface PollingOptions {
  fetchLimit: number;
  concurrency: number;
  /** The longest wait between two failed Bot API attempts (getUpdates, getMe at start-up). */
  retryMaxMs: number;
}

/** The ops HTTP server (/healthz, /readyz, /metrics): on with HEALTH_PORT, always in webhook mode. */
export interface OpsListen {
  port: number;
  host: string;
}

/** What only the Telegram modes have: the token, the ops server, the admins. */
interface OnTelegram {
  token: string;
  /** Null: no ops server (polling without HEALTH_PORT). */
  ops: OpsListen | null;
  /** Telegram user ids allowed /status and /reload. */
  adminIds: ReadonlySet<number>;
  polling: PollingOptions;
  /** After SIGTERM/SIGINT, how long updates in flight may take before the process exits anyway. */
  shutdownTimeoutMs: number;
}

export interface AskOptions {
  /** The question, or "-" to read one question per line from stdin. */
  text: string;
  lang: Lang;
  json: boolean;
  chartFile: string | null;
}

export type Config =
  | (Common & { mode: "ask"; ask: AskOptions })
  | (Common & { mode: "console" })
  | (Common & OnTelegram & { mode: "polling" })
  | (Common &
      OnTelegram & {
        mode: "webhook";
        ops: OpsListen;
        webhook: { url: string; secret: string; port: number; host: string };
      });

export type Mode = Config["mode"];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{20,}$/;
const SECRET = /^[A-Za-z0-9_-]{12,256}$/;
/** Where the ops server listens in webhook mode when HEALTH_PORT is not set. */
export const DEFAULT_WEBHOOK_HEALTH_PORT = 9090;

/** A whole number from an env string, with one message for every way it can be wrong. */
const wholeNumber = (min: number, max: number, what: string) => {
  const error = `should be ${what}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const url = (what: string) =>
  z.string().refine((s) => /^https?:$/.test(safeUrl(s)?.protocol ?? ""), { error: `should be ${what}` });

const envSchema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(TOKEN, { error: "should look like 123456789:AAH… (the token @BotFather gave you); value not shown" })
    .optional(),
  WEBHOOK_URL: url("an https:// URL Telegram can reach, e.g. https://bot.example.org/telegram").optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(SECRET, { error: "should be 12–256 characters of A–Z a–z 0–9 _ - ; value not shown" })
    .optional(),
  // 0 asks the OS for a free port (tests); the chosen port is logged.
  PORT: wholeNumber(0, 65535, "a port number 0–65535").default(8080),
  HOST: z.string().default("0.0.0.0"),
  // 0 asks the OS for a free port (tests); the chosen port is logged.
  HEALTH_PORT: wholeNumber(0, 65535, "a port number 0–65535").optional(),
  HEALTH_HOST: z.string().optional(),
  ADMIN_IDS: z
    .string()
    .regex(/^\s*\d{1,20}\s*(,\s*\d{1,20}\s*)*,?\s*$/, {
      error: "should be Telegram user ids separated by commas, e.g. 12345678,87654321",
    })
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `should be one of ${LOG_LEVELS.join(", ")}` }).optional(),
  TELEGRAM_API_ROOT: url("an http(s) URL of a Bot API server, e.g. https://api.telegram.org").default(
    OFFICIAL_API_ROOT,
  ),
  STATE_DIR: z.string().min(1).default("./.data"),
  DATA_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .refine((s) => /^rediss?:$/.test(safeUrl(s)?.protocol ?? ""), {
      error: "should be redis://host:6379 or rediss://…",
    })
    .optional(),
  HOME_PROVINCE: z
    .string()
    .regex(/^\d{2}$/, { error: 'should be a two-digit province code, e.g. "16" (Sumatera Selatan)' })
    .default("16"),
  RATE_LIMIT: wholeNumber(1, 1000, "a whole number of messages, 1–1000").default(20),
  RATE_WINDOW_SECONDS: wholeNumber(1, 3600, "a whole number of seconds, 1–3600").default(60),
  RATE_LIMIT_INLINE: wholeNumber(1, 10000, "a whole number of inline queries, 1–10000").default(120),
  RATE_LIMIT_CALLBACKS: wholeNumber(1, 10000, "a whole number of button taps, 1–10000").default(60),
  POLL_FETCH_LIMIT: wholeNumber(1, 100, "a whole number of updates per getUpdates, 1–100").default(20),
  POLL_CONCURRENCY: wholeNumber(1, 500, "a whole number of updates handled at once, 1–500").default(20),
  POLL_RETRY_MAX_SECONDS: wholeNumber(1, 60, "a whole number of seconds, 1–60").default(3),
  SHUTDOWN_TIMEOUT_SECONDS: wholeNumber(1, 600, "a whole number of seconds, 1–600").default(10),
  NOTIFY: z.enum(["on", "off"], { error: "should be on or off" }).default("on"),
});

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

/**
 * The environment with a `.env` file underneath it: a variable set in the environment wins,
 * the file fills in the rest; no file, no change. Parsed by Node's own parser (the one behind
 * `process.loadEnvFile`), so no dependency and no mutation of `process.env`. A file that
 * exists but cannot be read is a configuration error naming the file, never its content.
 */
export function withEnvFile(env: Record<string, string | undefined>, file: string): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return env;
    throw new ConfigError([`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`]);
  }
  const fromFile = parseEnv(text);
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
  return { ...fromFile, ...set };
}

const ASK_USAGE = "use --ask TEXT|- [--lang id|en] [--json] [--chart FILE]";

function parseArgv(argv: readonly string[]): AskOptions | null {
  let values: { ask?: string; lang?: string; json?: boolean; chart?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        ask: { type: "string" },
        lang: { type: "string" },
        json: { type: "boolean" },
        chart: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    // node:util's message names the option ("Unknown option '--x'"); it never holds env values.
    throw new ConfigError([`command line: ${(err as Error).message}; ${ASK_USAGE}`]);
  }
  const problems: string[] = [];
  if (values.ask === undefined) {
    if (values.lang !== undefined || values.json || values.chart !== undefined) {
      problems.push(`--lang, --json and --chart: only with --ask; ${ASK_USAGE}`);
      throw new ConfigError(problems);
    }
    return null;
  }
  if (values.ask.trim() === "") problems.push(`--ask: needs a question, or - to read questions from stdin`);
  const lang = values.lang ?? "id";
  if (!(LANGS as readonly string[]).includes(lang)) problems.push(`--lang: should be ${LANGS.join(" or ")}`);
  if (values.chart !== undefined && values.ask === "-") problems.push("--chart: works with one question, not --ask -");
  if (values.chart !== undefined && values.chart.trim() === "") problems.push("--chart: should be a file path");
  if (problems.length) throw new ConfigError(problems);
  return { text: values.ask, lang: lang as Lang, json: values.json ?? false, chartFile: values.chart ?? null };
}

/** Parse and validate. Throws ConfigError naming every bad setting at once. */
export function parseConfig(env: Record<string, string | undefined>, argv: readonly string[] = []): Config {
  const ask = parseArgv(argv);
  // An empty line in .env ("REDIS_URL=") means "not set", not "set to nothing".
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  const e = parsed.data;
  const mode: Mode = ask ? "ask" : !e.BOT_TOKEN ? "console" : e.WEBHOOK_URL ? "webhook" : "polling";

  const problems: string[] = [];
  if (mode !== "ask" && !e.BOT_TOKEN && e.WEBHOOK_URL) {
    problems.push("BOT_TOKEN: required when WEBHOOK_URL is set (the token @BotFather gave you)");
  }
  if (mode === "webhook" && !e.WEBHOOK_SECRET) {
    problems.push("WEBHOOK_SECRET: required when WEBHOOK_URL is set; 12–256 characters of A–Z a–z 0–9 _ -");
  }
  if (mode === "webhook" && e.WEBHOOK_URL?.startsWith("http:") && e.TELEGRAM_API_ROOT === OFFICIAL_API_ROOT) {
    problems.push(
      "WEBHOOK_URL: should be https:// (Telegram only calls https webhooks; http works with a local Bot API server)",
    );
  }
  const webhookPort = e.PORT;
  const healthPort = e.HEALTH_PORT ?? (mode === "webhook" ? DEFAULT_WEBHOOK_HEALTH_PORT : undefined);
  if (mode === "webhook" && healthPort !== 0 && healthPort === webhookPort) {
    problems.push("HEALTH_PORT: should differ from PORT (the ops server has its own port)");
  }
  if (problems.length) throw new ConfigError(problems);

  const common: Common = {
    // The terminal modes keep the screen for the conversation: only warnings unless asked.
    logLevel: e.LOG_LEVEL ?? (mode === "ask" || mode === "console" ? "warn" : "info"),
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    stateDir: e.STATE_DIR,
    dataDir: e.DATA_DIR ?? null,
    redisUrl: e.REDIS_URL ?? null,
    homeProvince: e.HOME_PROVINCE,
    rateLimit: {
      limit: e.RATE_LIMIT,
      windowMs: e.RATE_WINDOW_SECONDS * 1000,
      inline: e.RATE_LIMIT_INLINE,
      callbacks: e.RATE_LIMIT_CALLBACKS,
    },
    notify: e.NOTIFY === "on",
  };
  if (ask) return { ...common, mode: "ask", ask };
  if (!e.BOT_TOKEN) return { ...common, mode: "console" };
  const host = e.HEALTH_HOST ?? e.HOST;
  const telegram = {
    token: e.BOT_TOKEN,
    adminIds: new Set((e.ADMIN_IDS ?? "").split(",").flatMap((s) => (s.trim() ? [Number(s.trim())] : []))),
    polling: {
      fetchLimit: e.POLL_FETCH_LIMIT,
      concurrency: e.POLL_CONCURRENCY,
      retryMaxMs: e.POLL_RETRY_MAX_SECONDS * 1000,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
  if (!e.WEBHOOK_URL || !e.WEBHOOK_SECRET) {
    return {
      ...common,
      ...telegram,
      mode: "polling",
      ops: healthPort === undefined ? null : { port: healthPort, host },
    };
  }
  return {
    ...common,
    ...telegram,
    mode: "webhook",
    ops: { port: healthPort ?? DEFAULT_WEBHOOK_HEALTH_PORT, host },
    webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: webhookPort, host: e.HOST },
  };
}
