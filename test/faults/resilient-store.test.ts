/**
 * The session store through an outage of its backend (resilient.ts): reads answer from
 * memory, failed writes are kept and written back once the backend answers, the newest
 * write wins, past the cap writes are dropped and counted, and the whole outage is one
 * warning and one recovery line.
 */
import { MemorySessionStorage } from "grammy";
import { describe, expect, it } from "vitest";
import type { SessionData } from "../../src/bot/context.ts";
import { resilientStorage } from "../../src/state/resilient.ts";
import { captureLogs } from "../helpers/logs.ts";

function flaky() {
  const inner = new MemorySessionStorage<SessionData>();
  let down = false;
  const guard = <R>(fn: () => R): R => {
    if (down) throw new Error("ECONNREFUSED");
    return fn();
  };
  return {
    inner,
    setDown: (d: boolean) => {
      down = d;
    },
    adapter: {
      read: (k: string) => guard(() => inner.read(k)),
      write: (k: string, v: SessionData) => guard(() => inner.write(k, v)),
      delete: (k: string) => guard(() => inner.delete(k)),
    },
  };
}

describe("resilient session store", () => {
  it("answers from memory while down, writes back what it kept when the backend is back", async () => {
    const f = flaky();
    const logs = captureLogs({ level: "info" });
    const r = resilientStorage(f.adapter, { where: "test", logger: logs.logger });
    await r.adapter.write("1", { lang: "en" });
    f.setDown(true);
    expect(await r.adapter.read("1")).toEqual({ lang: "en" });
    expect(await r.adapter.read("2")).toBeUndefined();
    await r.adapter.write("2", { lang: "en" });
    await r.adapter.write("2", { lang: "id" });
    await r.adapter.write("3", { lang: "en" });
    expect(r.down()).toBe(true);
    expect(r.pending()).toBe(2);
    await expect(r.strict.write("4", { lang: "en" })).rejects.toThrow("ECONNREFUSED");
    f.setDown(false);
    await r.adapter.read("5");
    await new Promise((res) => setTimeout(res, 10));
    expect(r.down()).toBe(false);
    expect(r.pending()).toBe(0);
    expect(f.inner.read("2")).toEqual({ lang: "id" });
    expect(f.inner.read("3")).toEqual({ lang: "en" });
    expect(f.inner.read("4")).toBeUndefined();
    const msgs = logs.lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(msgs.filter((m) => m.startsWith("session store unavailable"))).toHaveLength(1);
    expect(msgs.filter((m) => m.startsWith("session store back"))).toHaveLength(1);
  });

  it("past maxPending, writes are dropped and counted in the recovery line", async () => {
    const f = flaky();
    const logs = captureLogs({ level: "info" });
    const r = resilientStorage(f.adapter, { where: "test", logger: logs.logger, maxPending: 2, retryMs: 20 });
    f.setDown(true);
    for (const k of ["a", "b", "c", "d"]) await r.adapter.write(k, { lang: "en" });
    expect(r.pending()).toBe(2);
    // Only kept keys are read (answered from memory): the retry timer brings them back.
    expect(await r.adapter.read("a")).toEqual({ lang: "en" });
    f.setDown(false);
    await new Promise((res) => setTimeout(res, 100));
    expect(f.inner.read("a")).toEqual({ lang: "en" });
    const back = logs.lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => String(l.msg).startsWith("session store back"));
    expect(back).toMatchObject({ written: 2, dropped: 2 });
  });

  it("a backend that hangs counts as down after timeoutMs", async () => {
    const r = resilientStorage<SessionData>(
      { read: () => new Promise(() => {}), write: () => new Promise(() => {}), delete: () => new Promise(() => {}) },
      { where: "test", timeoutMs: 50 },
    );
    expect(await r.adapter.read("x")).toBeUndefined();
    expect(r.down()).toBe(true);
  });
});
