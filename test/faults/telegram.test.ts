/**
 * The bot against a fake Bot API over HTTP on 127.0.0.1 that misbehaves: refused for a
 * while, 429 with retry_after, 5xx, slow answers, 409, and at start-up 401 or getMe 5xx.
 *
 * The outage test uses a short outage (3.5 s) with a short backoff cap (500 ms): the
 * uncapped runner backoff (100 ms doubling) would resume ~2.8 s after the API is back; the
 * capped one within the cap plus one request. The real 60 s case is measured by
 * test/faults/outage-60s.ts (not part of npm test).
 */
import { GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { pollingFatal, type Running, startPolling } from "../../src/transports/polling.ts";
import { fetchBotInfo, TokenRefused } from "../../src/transports/retry.ts";
import { type FakeBotApi, type Scripted, startFakeBotApi } from "../e2e/fake-bot-api.ts";
import { until } from "../e2e/processes.ts";
import { TEST_TOKEN, TOKEN_SECRET_PART } from "../helpers/logs.ts";
import { text, user } from "../helpers/updates.ts";
import { httpBot, linesAtLeast, sleep } from "./helpers.ts";

const CAP_MS = 500;
const POLLING = { retryMaxMs: CAP_MS, fetchLimit: 20, concurrency: 20 };

let api: FakeBotApi | undefined;
let running: Running | undefined;
afterEach(async () => {
  await running?.stop().catch(() => {});
  await api?.close();
  running = undefined;
  api = undefined;
});

const getUpdatesAfter = (a: FakeBotApi, t: number) => a.calls.find((c) => c.method === "getUpdates" && c.at >= t);

describe("polling through Bot API faults", { timeout: 30_000 }, () => {
  it("refused for 3.5 s: polling resumes within the backoff cap of the API coming back, one warning", async () => {
    api = await startFakeBotApi();
    const { bot, logs } = await httpBot(api.url);
    running = await startPolling(bot, logs.logger, POLLING);
    const a = api;
    await until("the first getUpdates", () => getUpdatesAfter(a, 0));
    await a.down();
    await sleep(3_500);
    await a.up();
    const upAt = Date.now();
    const resumed = await until("getUpdates after the outage", () => getUpdatesAfter(a, upAt));
    const resumeMs = resumed.at - upAt;
    expect(resumeMs).toBeLessThanOrEqual(CAP_MS + 1_000);
    // And it answers again.
    const u = user({ id: 7001 });
    a.push(text("OKU 2023", { from: u }));
    await until("the answer", () => a.textsTo(u.id).find((t) => t.includes("Ogan Komering Ulu")));
    const warnings = linesAtLeast(logs, 40).filter((l) => l.msg === "getUpdates failed; retrying");
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.reason)).toMatch(/^network: /);
    expect(logs.lines.some((l) => l.includes('"Bot API reachable again"'))).toBe(true);
    expect(logs.leaks()).toEqual([]);
  });

  it("429 with retry_after on getUpdates: waits that long, then goes on", async () => {
    let once = true;
    api = await startFakeBotApi({
      script: (method): Scripted | undefined => {
        if (method !== "getUpdates" || !once) return undefined;
        once = false;
        return { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 };
      },
    });
    const { bot, logs } = await httpBot(api.url);
    running = await startPolling(bot, logs.logger, POLLING);
    const a = api;
    const second = await until("a second getUpdates", () => a.calls.filter((c) => c.method === "getUpdates")[1]);
    const first = a.calls.find((c) => c.method === "getUpdates");
    expect(second.at - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    const u = user({ id: 7002 });
    a.push(text("OKU 2023", { from: u }));
    await until("the answer", () => a.textsTo(u.id)[0]);
  });

  it("500 and 502 on sendMessage are retried: each user gets one answer", async () => {
    const failing = new Map([
      [7003, 500],
      [7013, 502],
    ]);
    api = await startFakeBotApi({
      script: (method, params) => {
        const code = method === "sendMessage" ? failing.get(Number(params.chat_id)) : undefined;
        if (!code) return undefined;
        failing.delete(Number(params.chat_id));
        return { error_code: code, description: code === 500 ? "Internal Server Error" : "Bad Gateway" };
      },
    });
    const { bot, logs } = await httpBot(api.url);
    running = await startPolling(bot, logs.logger, POLLING);
    const a = api;
    a.push(text("OKU 2023", { from: user({ id: 7003 }) }), text("OKU 2023", { from: user({ id: 7013 }) }));
    for (const id of [7003, 7013]) {
      await until("the answer after a 5xx", () => (a.textsTo(id).length === 2 ? true : undefined), 20_000);
      expect(new Set(a.textsTo(id)).size).toBe(1);
    }
    expect(linesAtLeast(logs, 50)).toEqual([]);
  });

  it("slow answers (2 s per send) hold up nobody else: another user is answered meanwhile", async () => {
    const slowUser = 7004;
    api = await startFakeBotApi({
      script: (method, params) =>
        method === "sendMessage" && params.chat_id === slowUser ? { delayMs: 2_000 } : undefined,
    });
    const { bot, logs } = await httpBot(api.url);
    running = await startPolling(bot, logs.logger, POLLING);
    const a = api;
    a.push(text("OKU 2023", { from: user({ id: slowUser }) }), text("OKU 2023", { from: user({ id: 7005 }) }));
    await until("the fast user's answer", () => a.textsTo(7005)[0]);
    await until("the slow user's answer", () => a.calls.filter((c) => c.params.chat_id === slowUser)[0]);
    expect(linesAtLeast(logs, 50)).toEqual([]);
  });

  it("a flood: at most POLL_CONCURRENCY in flight, POLL_FETCH_LIMIT per batch; confirmed-but-unanswered stays within the bound", async () => {
    api = await startFakeBotApi({ script: (m) => (m === "sendMessage" ? { hang: true } : undefined) });
    const { bot, logs } = await httpBot(api.url);
    running = await startPolling(bot, logs.logger, { retryMaxMs: CAP_MS, fetchLimit: 3, concurrency: 5 });
    const a = api;
    const updates = Array.from({ length: 200 }, (_, i) => text("OKU 2023", { from: user({ id: 7600 + i }) }));
    a.push(...updates);
    await until("the sink to fill", () =>
      a.calls.filter((c) => c.method === "sendMessage").length >= 5 ? true : undefined,
    );
    await sleep(500);
    // Every send hangs: nothing is answered, so whatever is confirmed would die with the process.
    const confirmed = updates.filter((u) => u.update_id <= a.confirmed()).length;
    expect(a.calls.filter((c) => c.method === "sendMessage")).toHaveLength(5);
    expect(confirmed).toBeLessThanOrEqual(5);
    const limits = a.calls.filter((c) => c.method === "getUpdates").map((c) => Number(c.params.limit));
    expect(Math.max(...limits)).toBeLessThanOrEqual(3);
    // Stopping would wait for the hanging sends; this test only needs the counts.
    running = undefined;
  });

  it("409 Conflict: polling ends with a fatal line that says to use webhook mode for several instances", async () => {
    api = await startFakeBotApi({
      script: (method) =>
        method === "getUpdates"
          ? { error_code: 409, description: "Conflict: terminated by other getUpdates request" }
          : undefined,
    });
    const { bot, logs } = await httpBot(api.url);
    running = await startPolling(bot, logs.logger, POLLING);
    const err = await running.done.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(409);
    const fatal = linesAtLeast(logs, 60);
    expect(fatal).toHaveLength(1);
    expect(String(fatal[0]?.msg)).toContain("webhook mode");
    expect(pollingFatal(err)).toContain("another instance");
  });
});

describe("start-up against a failing Bot API", { timeout: 30_000 }, () => {
  it("getMe 502 three times: a warning per attempt with the reason and no token, then it starts", async () => {
    let failures = 3;
    api = await startFakeBotApi({
      script: (method) =>
        method === "getMe" && failures-- > 0 ? { error_code: 502, description: "Bad Gateway" } : undefined,
    });
    const { bot, logs } = await httpBot(api.url, { withBotInfo: false });
    const me = await fetchBotInfo(() => bot.api.getMe(), logs.logger, 200);
    expect(me.username).toBe("kkpham_e2e_bot");
    const warnings = linesAtLeast(logs, 40).filter((l) => l.msg === "getMe failed; retrying");
    expect(warnings.map((w) => w.attempt)).toEqual([1, 2, 3]);
    for (const w of warnings) expect(String(w.reason)).toContain("502");
    expect(logs.lines.join("\n")).not.toContain(TOKEN_SECRET_PART);
  });

  it("unreachable at start: a warning per attempt naming the network error, then it starts", async () => {
    api = await startFakeBotApi();
    const a = api;
    await a.down();
    const { bot, logs } = await httpBot(a.url, { withBotInfo: false });
    const started = fetchBotInfo(() => bot.api.getMe(), logs.logger, 200);
    await until("two failed attempts", () =>
      logs.lines.filter((l) => l.includes("getMe failed; retrying")).length >= 2 ? true : undefined,
    );
    await a.up();
    await expect(started).resolves.toMatchObject({ id: 4242 });
    const first = linesAtLeast(logs, 40).find((l) => l.msg === "getMe failed; retrying");
    expect(String(first?.reason)).toMatch(/^network: E/);
    expect(logs.lines.join("\n")).not.toContain(TEST_TOKEN);
  });

  it("401 at start-up is fatal at once: TokenRefused names BOT_TOKEN, no retries", async () => {
    api = await startFakeBotApi({
      script: (method) => (method === "getMe" ? { error_code: 401, description: "Unauthorized" } : undefined),
    });
    const { bot, logs } = await httpBot(api.url, { withBotInfo: false });
    const err = await fetchBotInfo(() => bot.api.getMe(), logs.logger, 200).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenRefused);
    expect((err as Error).message).toContain("BOT_TOKEN");
    expect(api.calls.filter((c) => c.method === "getMe")).toHaveLength(1);
  });
});
