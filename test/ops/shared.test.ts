/** Shared state without Redis, and what the bot does when the shared store fails. */
import { MemorySessionStorage } from "grammy";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { parseConfig } from "../../src/config.ts";
import { createMetrics } from "../../src/ops/metrics.ts";
import { countingErrors } from "../../src/state/counting-errors.ts";
import { memoryState, memoryUpdateFilter } from "../../src/state/shared.ts";
import { recordApi } from "../helpers/api.ts";
import { BOT_INFO, testCore } from "../helpers/bot.ts";
import { captureLogs, TEST_TOKEN } from "../helpers/logs.ts";
import { text, user } from "../helpers/updates.ts";

describe("memory shared state", () => {
  it("the update filter remembers ids up to its capacity, oldest forgotten first", async () => {
    const f = memoryUpdateFilter(2);
    expect(await f.firstSeen(1)).toBe(true);
    expect(await f.firstSeen(1)).toBe(false);
    await f.firstSeen(2);
    await f.firstSeen(3);
    expect(await f.firstSeen(1)).toBe(true);
    expect(await f.firstSeen(3)).toBe(false);
  });

  it("the bus delivers to every subscriber", async () => {
    const s = memoryState();
    const got: string[] = [];
    await s.bus.subscribe((m) => got.push(m));
    await s.bus.publish("v1");
    expect(got).toEqual(["v1"]);
  });
});

describe("a failing shared store", () => {
  it("lets updates through (logged and counted): an outage must not silence the bot", async () => {
    const broken = {
      consume: () => Promise.reject(new Error("ECONNREFUSED")),
    } as unknown as RateLimiterAbstract;
    const metrics = createMetrics({ defaults: false });
    const logs = captureLogs();
    const bot = createBot(parseConfig({ BOT_TOKEN: TEST_TOKEN, RATE_LIMIT: "1" }), {
      core: await testCore(),
      logger: logs.logger,
      storage: new MemorySessionStorage<SessionData>(),
      botInfo: BOT_INFO,
      telemetry: metrics,
      shared: {
        limiter: () => broken,
        updates: { firstSeen: () => Promise.reject(new Error("ECONNREFUSED")) },
      },
    });
    const api = recordApi(bot);
    const u = user({ id: 77 });
    await bot.handleUpdate(text("OKU 2024", { from: u }));
    await bot.handleUpdate(text("OKU 2023", { from: u }));
    expect(api.texts().filter((t) => t.includes("Ogan Komering Ulu"))).toHaveLength(2);
    const out = await metrics.text();
    expect(out).toContain('kkpham_store_errors_total{operation="rate_limit"} 2');
    expect(out).toContain('kkpham_store_errors_total{operation="dedupe"} 2');
    expect(logs.lines.filter((l) => l.includes("rate limit store unavailable"))).toHaveLength(2);
  });

  it("session store errors are counted and rethrown", async () => {
    const seen: string[] = [];
    const inner = new MemorySessionStorage<SessionData>();
    const failing = {
      read: () => Promise.reject(new Error("down")),
      write: (k: string, v: SessionData) => inner.write(k, v),
      delete: () => {
        throw new Error("down");
      },
    };
    const s = countingErrors<SessionData>(failing, (op) => seen.push(op));
    await expect(s.read("1")).rejects.toThrow("down");
    await s.write("1", { lang: "en" });
    await expect(s.delete("1")).rejects.toThrow("down");
    expect(seen).toEqual(["session_read", "session_delete"]);
    expect(inner.read("1")).toEqual({ lang: "en" });
  });
});
