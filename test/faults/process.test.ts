/**
 * The real process (node --import tsx src/main.ts) long-polling a fake Bot API on
 * 127.0.0.1: exit codes for 401 and 409, SIGTERM with updates in flight, a stuck handler
 * past SHUTDOWN_TIMEOUT_SECONDS, a second signal, and `kill -9` in the middle of language
 * switches (the SQLite store stays intact and no switch the user saw confirmed is lost).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Update } from "grammy/types";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/ops/exit-codes.ts";
import { sqliteFile } from "../../src/state/index.ts";
import { type FakeBotApi, type FakeBotApiOptions, startFakeBotApi } from "../e2e/fake-bot-api.ts";
import { type BotProcess, startBot, until } from "../e2e/processes.ts";
import { TEST_TOKEN } from "../helpers/logs.ts";
import { botMessage, privateChat, text, user } from "../helpers/updates.ts";

const dirs: string[] = [];
let api: FakeBotApi | undefined;
let proc: BotProcess | undefined;
afterEach(async () => {
  if (proc && proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill("SIGKILL");
  await api?.close();
  api = undefined;
  proc = undefined;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(opts: FakeBotApiOptions = {}, env: Record<string, string> = {}) {
  api = await startFakeBotApi(opts);
  const stateDir = mkdtempSync(join(tmpdir(), "kkpham-faults-"));
  dirs.push(stateDir);
  proc = startBot({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.url,
    STATE_DIR: stateDir,
    LOG_LEVEL: "info",
    RATE_LIMIT: "1000",
    ...env,
  });
  return { api, proc, stateDir };
}

const started = (p: BotProcess) => p.waitFor((l) => l.msg === "long polling started", "polling to start");

describe("the process through faults", { timeout: 60_000 }, () => {
  it("401 at start-up: exits 3 at once with a line naming BOT_TOKEN", async () => {
    const { proc: p } = await start({
      script: (m) => (m === "getMe" ? { error_code: 401, description: "Unauthorized" } : undefined),
    });
    expect(await p.exited).toBe(EXIT.unauthorized);
    expect(p.output()).toContain("BOT_TOKEN: Telegram refused the token (401 Unauthorized)");
  });

  it("409 Conflict while polling: exits 4, saying several instances need webhook mode", async () => {
    const { proc: p } = await start({
      script: (m) =>
        m === "getUpdates"
          ? { error_code: 409, description: "Conflict: terminated by other getUpdates request" }
          : undefined,
    });
    expect(await p.exited).toBe(EXIT.conflict);
    expect(p.output()).toContain("use webhook mode (WEBHOOK_URL) for several instances");
  });

  it("SIGTERM with updates in flight: they are answered, then it exits 0", async () => {
    const { api: a, proc: p } = await start({ script: (m) => (m === "sendMessage" ? { delayMs: 1_000 } : undefined) });
    await started(p);
    const users = [8101, 8102, 8103, 8104, 8105];
    a.push(...users.map((id) => text("OKU 2023", { from: user({ id }) })));
    await until("every send in flight", () =>
      a.calls.filter((c) => c.method === "sendMessage").length === users.length ? true : undefined,
    );
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(EXIT.ok);
    // Each send was answered before the exit (the process waited for the 1 s answers).
    expect(p.lines().some((l) => l.msg === "stopped")).toBe(true);
    expect(p.lines().filter((l) => Number(l.level) >= 50)).toEqual([]);
  });

  it("a stuck handler: SIGTERM exits 5 after SHUTDOWN_TIMEOUT_SECONDS with a line saying so", async () => {
    const { api: a, proc: p } = await start(
      { script: (m) => (m === "sendMessage" ? { hang: true } : undefined) },
      { SHUTDOWN_TIMEOUT_SECONDS: "1" },
    );
    await started(p);
    a.push(text("OKU 2023", { from: user({ id: 8201 }) }));
    await until("the send to hang", () => a.calls.find((c) => c.method === "sendMessage"));
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(EXIT.shutdownTimeout);
    expect(p.output()).toContain("shutdown deadline passed");
  });

  it("a second signal exits 6 at once and says so", async () => {
    const { api: a, proc: p } = await start({ script: (m) => (m === "sendMessage" ? { hang: true } : undefined) });
    await started(p);
    a.push(text("OKU 2023", { from: user({ id: 8301 }) }));
    await until("the send to hang", () => a.calls.find((c) => c.method === "sendMessage"));
    p.child.kill("SIGTERM");
    await p.waitFor((l) => String(l.msg).startsWith("stopping"), "the first signal to be seen");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(EXIT.secondSignal);
    expect(p.output()).toContain("second signal: exiting at once");
  });

  it("kill -9 during language switches: the store is intact and every confirmed switch is saved", async () => {
    // Slow edits widen the window between the confirmation (the toast) and the end of the update.
    const {
      api: a,
      proc: p,
      stateDir,
    } = await start({
      script: (m) => (m === "editMessageText" ? { delayMs: 400 } : undefined),
    });
    await started(p);
    const users = Array.from({ length: 120 }, (_, i) => 9000 + i);
    let updateId = 500_000;
    a.push(
      ...users.map((id): Update => {
        const from = user({ id, language_code: "id" });
        return {
          update_id: updateId++,
          callback_query: {
            id: `switch-${id}`,
            from,
            chat_instance: "ci",
            data: "l|en",
            message: botMessage("…", { chat: privateChat(from) }) as never,
          },
        } as Update;
      }),
    );
    const confirmations = () =>
      a.calls.filter((c) => c.method === "answerCallbackQuery" && String(c.params.text ?? "").includes("English"));
    await until("some switches confirmed", () => (confirmations().length >= 30 ? true : undefined));
    p.child.kill("SIGKILL");
    await p.exited;
    const confirmed = confirmations().map((c) => Number(String(c.params.callback_query_id).slice("switch-".length)));
    const db = new Database(sqliteFile(stateDir), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const rows = db.prepare("SELECT key, value FROM sessions").all() as { key: string; value: string }[];
      const saved = new Map(rows.map((r) => [Number(r.key), (JSON.parse(r.value) as { lang?: string }).lang]));
      const lost = confirmed.filter((id) => saved.get(id) !== "en");
      expect(lost).toEqual([]);
    } finally {
      db.close();
    }
  });
});
