/** What the bot reports to Prometheus, and the ops HTTP server that serves it. */
import { HttpError, type Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { checkReadiness, watchBotApi } from "../../src/ops/health.ts";
import { createMetrics } from "../../src/ops/metrics.ts";
import { startOpsServer } from "../../src/ops/server.ts";
import { captureLogs } from "../helpers/logs.ts";
import { callback, text, user } from "../helpers/updates.ts";
import { bareOpsBot, makeOpsBot } from "./ops-bot.ts";

describe("metrics", () => {
  it("count updates by type, replies by answer kind, errors and rate-limited updates", async () => {
    const { bot, api, metrics } = await makeOpsBot({ env: { RATE_LIMIT: "2" } });
    const u = user({ id: 7 });
    await bot.handleUpdate(text("OKU 2024", { from: u }));
    await bot.handleUpdate(text("Musi", { from: u }));
    await bot.handleUpdate(text("OKU 2023", { from: u })); // over the limit of 2
    await bot.handleUpdate(callback("t|16", { from: user({ id: 8 }) }));
    await bot.handleUpdate(text("/start", { from: user({ id: 10 }) })); // a greeting: no answer kind
    api.fail("sendMessage", new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET")));
    await bot.handleUpdate(text("Lahat 2022", { from: user({ id: 9 }) }));

    const out = await metrics.text();
    expect(out).toContain('kkpham_updates_total{type="message"} 5');
    expect(out).toContain('kkpham_updates_total{type="callback_query"} 1');
    expect(out).toContain('kkpham_update_duration_seconds_count{type="message"} 5');
    expect(out).toContain('kkpham_replies_total{kind="status"} 1');
    expect(out).toContain('kkpham_replies_total{kind="choose"} 1');
    expect(out).toContain('kkpham_replies_total{kind="trend"} 1');
    expect(out).toContain('kkpham_replies_total{kind="bot_text"} 1');
    expect(out).toContain("kkpham_rate_limited_total 1");
    expect(out).toContain("kkpham_errors_total 1");
    expect(metrics.totals()).toEqual({ updates: 6, errors: 1 });
  });

  it("count Bot API retries after a 429, per method", async () => {
    let sends = 0;
    // Under auto-retry, standing in for Telegram: the first sendMessage gets a 429.
    const telegram: Transformer = async (_prev, method, payload) => {
      if (method !== "sendMessage") return { ok: true, result: true } as never;
      if (sends++ === 0) {
        return {
          ok: false,
          error_code: 429,
          description: "Too Many Requests",
          parameters: { retry_after: 0 },
        } as never;
      }
      const p = payload as { chat_id: number; text: string };
      return {
        ok: true,
        result: { message_id: 1, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text },
      } as never;
    };
    const { bot, metrics } = await bareOpsBot({ apiTransformers: [telegram] });
    await bot.handleUpdate(text("/help"));
    expect(sends).toBe(2);
    expect(await metrics.text()).toContain('kkpham_bot_api_retries_total{method="sendMessage"} 1');
    expect(metrics.totals().errors).toBe(0);
  });

  it("data version and rows; default process metrics prefixed kkpham_", async () => {
    const m = createMetrics();
    m.data("abc123", 42);
    m.data("def456", 43);
    const out = await m.text();
    expect(out).toContain('kkpham_data_info{version="def456"} 1');
    expect(out).not.toContain('version="abc123"');
    expect(out).toContain("kkpham_data_rows 43");
    expect(out).toContain("kkpham_process_cpu_user_seconds_total");
    for (const line of out.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^kkpham_/);
  });
});

describe("readiness", () => {
  it("names every reason it is not ready", async () => {
    const r = await checkReadiness({
      dataLoaded: () => false,
      pingStore: () => Promise.reject(new Error("connection refused")),
      botApi: { lastAnswer: () => 1_000 },
      now: () => 1_000 + 300_000,
    });
    expect(r).toEqual({
      ready: false,
      reasons: ["data: not loaded", "store: connection refused", "bot api: no answer for 300 s"],
    });
    const slow = await checkReadiness({
      dataLoaded: () => true,
      pingStore: () => new Promise(() => {}),
      botApi: { lastAnswer: () => null },
      storeTimeoutMs: 10,
    });
    expect(slow.reasons).toEqual(["store: no answer within 10 ms", "bot api: no answer yet"]);
  });

  it("the Bot API watch counts answers, even refusals, but not 401, 5xx or network errors", async () => {
    let t = 0;
    const watch = watchBotApi(() => ++t);
    const call = (res: unknown) => watch.transformer(async () => res as never, "sendMessage", {} as never);
    await call({ ok: false, error_code: 500, description: "x" });
    await call({ ok: false, error_code: 401, description: "Unauthorized" });
    expect(watch.lastAnswer()).toBeNull();
    await call({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(watch.lastAnswer()).toBe(1);
    await call({ ok: true, result: true });
    expect(watch.lastAnswer()).toBe(2);
    await expect(
      watch.transformer(
        async () => {
          throw new Error("ECONNREFUSED");
        },
        "getMe",
        {} as never,
      ),
    ).rejects.toThrow();
    expect(watch.lastAnswer()).toBe(2);
  });
});

describe("ops server", () => {
  it("answers /healthz, /readyz (503 with reasons, then 200) and /metrics on an ephemeral port", async () => {
    const metrics = createMetrics({ defaults: false });
    metrics.data("v1", 10);
    let ready = false;
    const logs = captureLogs({ level: "info" });
    const ops = await startOpsServer(
      { port: 0, host: "127.0.0.1" },
      {
        metrics,
        readiness: async () => (ready ? { ready, reasons: [] } : { ready, reasons: ["bot api: no answer yet"] }),
      },
      logs.logger,
    );
    const base = `http://127.0.0.1:${ops.port}`;
    try {
      expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok\n");
      const notReady = await fetch(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.text()).toBe("bot api: no answer yet\n");
      ready = true;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const m = await fetch(`${base}/metrics`);
      expect(m.headers.get("content-type")).toContain("text/plain");
      expect(await m.text()).toContain('kkpham_data_info{version="v1"} 1');
      expect((await fetch(`${base}/other`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(405);
      expect(logs.lines.some((l) => l.includes("ops server listening") && l.includes(String(ops.port)))).toBe(true);
    } finally {
      await ops.close();
    }
    expect(ops.server.listening).toBe(false);
  });

  it("a port in use is an error naming HEALTH_PORT", async () => {
    const metrics = createMetrics({ defaults: false });
    const handlers = { metrics, readiness: async () => ({ ready: true, reasons: [] }) };
    const logger = captureLogs().logger;
    const first = await startOpsServer({ port: 0, host: "127.0.0.1" }, handlers, logger);
    try {
      await expect(startOpsServer({ port: first.port, host: "127.0.0.1" }, handlers, logger)).rejects.toThrow(
        `HEALTH_PORT: cannot listen on 127.0.0.1:${first.port} (EADDRINUSE)`,
      );
    } finally {
      await first.close();
    }
  });
});
