/**
 * Helpers for tests that run the bot as a process: a free port, a redis-server of our own,
 * a bot process whose log lines can be awaited, and a copy of data/ to change.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Redis } from "ioredis";

export const ROOT = new URL("../../", import.meta.url).pathname;

export const redisBinary = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim();

/** A port free right now (redis-server cannot be asked for an ephemeral one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface RedisServer {
  url: string;
  stop(): void;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    redisBinary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  await until("redis-server to accept connections", async () => {
    const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on("error", () => {});
    try {
      await c.connect();
      return (await c.ping()) === "PONG" ? true : undefined;
    } catch {
      return undefined;
    } finally {
      c.disconnect();
    }
  });
  return { url, stop: () => void child.kill("SIGKILL") };
}

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** JSON log lines parsed (non-JSON lines skipped). */
  lines(): Record<string, unknown>[];
  /** Resolves with the first log line matching. */
  waitFor(
    pred: (line: Record<string, unknown>) => boolean,
    what: string,
    ms?: number,
  ): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

export function startProcess(args: string[], env: Record<string, string>, cwd = ROOT): BotProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const lines = () =>
    out.split("\n").flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return {
    child,
    output: () => out,
    lines,
    exited,
    waitFor: (pred, what, ms = 30_000) =>
      until(
        what,
        () => {
          if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${what}:\n${out}`);
          return lines().find(pred);
        },
        ms,
      ).catch((err: Error) => {
        throw new Error(`${err.message}\n--- output ---\n${out}`);
      }),
  };
}

/** The bot from source, as `npm start` runs it. */
export function startBot(env: Record<string, string>): BotProcess {
  return startProcess(["--import", "tsx", "src/main.ts"], env);
}

export function copyData(to: string): string {
  const dir = join(to, "data");
  cpSync(join(ROOT, "data"), dir, { recursive: true });
  return dir;
}

/** "host:port" from a log line's `listen` field → the port. */
export function portOf(line: Record<string, unknown>): number {
  return Number(String(line.listen).split(":").pop());
}

/** The webhook secret every test instance uses (Telegram's X-Telegram-Bot-Api-Secret-Token). */
export const WEBHOOK_SECRET = "e2e_webhook_secret_0123";

export interface WebhookInstance {
  proc: BotProcess;
  /** Where to POST updates. */
  hook: string;
  /** The ops server (/healthz, /readyz, /metrics). */
  ops: string;
}

/**
 * One webhook instance of the real process on 127.0.0.1 (ephemeral ports), with `env` on top of
 * the common settings; resolves once its ops server listens and its webhook is registered.
 */
export async function startWebhookInstance(name: string, env: Record<string, string>): Promise<WebhookInstance> {
  const proc = startBot({
    WEBHOOK_URL: "http://bot.internal/hook",
    WEBHOOK_SECRET,
    HOST: "127.0.0.1",
    PORT: "0",
    HEALTH_PORT: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  const ops = await proc.waitFor((l) => l.msg === "ops server listening", `${name}: ops server`);
  const hook = await proc.waitFor((l) => l.msg === "webhook registered", `${name}: webhook`);
  return { proc, hook: `http://127.0.0.1:${portOf(hook)}/hook`, ops: `http://127.0.0.1:${portOf(ops)}` };
}

/** POSTs an update to a webhook as Telegram does, with the secret header; the status it got. */
export async function postUpdate(hook: string, update: unknown): Promise<number> {
  const res = await fetch(hook, {
    method: "POST",
    body: JSON.stringify(update),
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
  });
  return res.status;
}
