/**
 * A real redis-server stopped and started mid-run, under the bot's own session store and
 * shared state (REDIS_URL). While it is down every message is answered at once (language
 * from memory or from the Telegram client), a language switch says it could not be saved,
 * /readyz's check fails, each client warns once; when it is back, service is normal.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { parseConfig } from "../../src/config.ts";
import { checkReadiness } from "../../src/ops/health.ts";
import { openStore, type SessionStore } from "../../src/state/index.ts";
import { REDIS_PREFIX } from "../../src/state/redis.ts";
import { openRedisState, type SharedState } from "../../src/state/shared.ts";
import { freePort, redisBinary, until } from "../e2e/processes.ts";
import { recordApi } from "../helpers/api.ts";
import { BOT_INFO, testCore } from "../helpers/bot.ts";
import { captureLogs, TEST_TOKEN } from "../helpers/logs.ts";
import { callback, text, user } from "../helpers/updates.ts";

function redisOn(port: number): ChildProcess {
  return spawn(redisBinary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
}

async function answers(url: string): Promise<boolean> {
  const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  c.on("error", () => {});
  try {
    await c.connect();
    return (await c.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    c.disconnect();
  }
}

const APOLOGY = /kesalahan di pihak saya|went wrong on my side/;

describe.skipIf(!redisBinary && !process.env.CI)("Redis stopped and started mid-run", { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "kkpham-redis-fault-"));
  let server: ChildProcess | undefined;
  let store: SessionStore<SessionData> | undefined;
  let shared: SharedState | undefined;
  afterAll(async () => {
    await shared?.close();
    await store?.close();
    server?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers through the outage and is back to normal when Redis is", async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    server = redisOn(port);
    await until("redis to start", async () => ((await answers(url)) ? true : undefined));

    const logs = captureLogs({ level: "info" });
    store = await openStore<SessionData>({ stateDir: dir, redisUrl: url }, logs.logger);
    shared = await openRedisState(url, "42", logs.logger);
    const s = store;
    const bot = createBot(parseConfig({ BOT_TOKEN: TEST_TOKEN, RATE_LIMIT: "1000" }), {
      core: await testCore(),
      logger: logs.logger,
      storage: s.adapter,
      persist: s.persist,
      shared,
      botInfo: BOT_INFO,
    });
    const api = recordApi(bot);
    const lastText = () => api.texts().at(-1) ?? "";

    // Before: a user picks English; it is in Redis.
    const chose = user({ id: 501, language_code: "id" });
    await bot.handleUpdate(callback("l|en", { from: chose }));
    const check = new Redis(url);
    expect(await check.get(`${REDIS_PREFIX}501`)).toContain('"en"');
    check.disconnect();

    // Redis goes away.
    server.kill("SIGKILL");
    await until("the store to notice", async () => {
      try {
        await s.ping();
        return undefined;
      } catch {
        return true;
      }
    });
    const ready = await checkReadiness({
      dataLoaded: () => true,
      pingStore: s.ping,
      botApi: { lastAnswer: () => Date.now() },
    });
    expect(ready.ready).toBe(false);
    expect(ready.reasons.join()).toMatch(/^store: /);

    const during: { who: string; from: ReturnType<typeof user>; expect: RegExp }[] = [
      { who: "chose English before", from: chose, expect: /Ogan Komering Ulu/ },
      { who: "English Telegram client", from: user({ id: 502, language_code: "en-GB" }), expect: /Ogan Komering Ulu/ },
      { who: "Indonesian Telegram client", from: user({ id: 503, language_code: "id" }), expect: /Ogan Komering Ulu/ },
    ];
    const started = performance.now();
    let answered = 0;
    for (let round = 0; round < 5; round++) {
      for (const d of during) {
        api.clear();
        await bot.handleUpdate(text("OKU 2023", { from: d.from }));
        expect(lastText(), d.who).toMatch(d.expect);
        expect(lastText(), d.who).not.toMatch(APOLOGY);
        answered++;
      }
    }
    const perAnswerMs = (performance.now() - started) / answered;
    // The language: from memory for the user who chose it, else the Telegram client's.
    api.clear();
    await bot.handleUpdate(text("/help", { from: chose }));
    const enHelp = lastText();
    api.clear();
    await bot.handleUpdate(text("/help", { from: user({ id: 502, language_code: "en" }) }));
    expect(lastText()).toBe(enHelp);
    api.clear();
    await bot.handleUpdate(text("/help", { from: user({ id: 503, language_code: "id" }) }));
    expect(lastText()).not.toBe(enHelp);

    // A switch during the outage is not confirmed: the user is told it was not saved.
    const switcher = user({ id: 504, language_code: "en" });
    api.clear();
    await bot.handleUpdate(callback("l|id", { from: switcher }));
    expect(api.of("answerCallbackQuery")[0]?.payload.text).toContain("could not save");
    expect(api.of("editMessageText")).toHaveLength(0);

    const warned = (msg: string) => logs.lines.filter((l) => l.includes(`"msg":"${msg}`)).length;
    expect(warned("session store unavailable")).toBe(1);
    // Two clients (sessions, shared state): one warning each for the whole outage.
    expect(warned("redis connection lost")).toBe(2);
    expect(logs.lines.filter((l) => l.includes('"update failed"'))).toEqual([]);

    // Redis is back (empty: it kept nothing on disk).
    server = redisOn(port);
    await until("the store to answer again", async () => {
      try {
        await s.ping();
        return true;
      } catch {
        return undefined;
      }
    });
    api.clear();
    await bot.handleUpdate(callback("l|id", { from: switcher }));
    expect(api.of("answerCallbackQuery")[0]?.payload.text).toContain("Bahasa Indonesia");
    const after = new Redis(url);
    expect(await after.get(`${REDIS_PREFIX}504`)).toContain('"id"');
    after.disconnect();
    api.clear();
    await bot.handleUpdate(text("OKU 2023", { from: user({ id: 503, language_code: "id" }) }));
    expect(lastText()).toMatch(/Ogan Komering Ulu/);
    expect(logs.lines.some((l) => l.includes('"session store back'))).toBe(true);
    expect(logs.leaks()).toEqual([]);
    // The figure for the note: answers during the outage, and how long each took.
    console.info(`redis outage: ${answered} of ${answered} answered, ${perAnswerMs.toFixed(1)} ms each`);
  });
});
