/** Session stores: SQLite (default) at 100,000 users, the write-skipping wrapper, and Redis when a server binary exists. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StorageAdapter } from "grammy";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionData } from "../../src/bot/context.ts";
import { openStore } from "../../src/state/index.ts";
import { skipUnchanged } from "../../src/state/skip-unchanged.ts";
import { SqliteStorage } from "../../src/state/sqlite.ts";

const dir = mkdtempSync(join(tmpdir(), "kkpham-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SqliteStorage", () => {
  it("reads, writes, deletes, and survives reopening", () => {
    const file = join(dir, "basic.sqlite");
    const a = new SqliteStorage<SessionData>(file);
    expect(a.read("1")).toBeUndefined();
    a.write("1", { lang: "en" });
    a.write("2", { lang: "id" });
    a.write("2", {});
    a.delete("3");
    expect(a.read("1")).toEqual({ lang: "en" });
    expect(a.has("2")).toBe(true);
    a.delete("2");
    expect([...a.readAllKeys()]).toEqual(["1"]);
    a.close();
    a.close(); // idempotent
    const b = new SqliteStorage<SessionData>(file);
    expect(b.read("1")).toEqual({ lang: "en" });
    b.close();
  });

  it("holds 100,000 users: written in one transaction, read back by key quickly", () => {
    const file = join(dir, "big.sqlite");
    const db = new SqliteStorage<SessionData>(file);
    const n = 100_000;
    const started = performance.now();
    db.writeMany(
      (function* () {
        for (let i = 1; i <= n; i++) yield [String(i), { lang: i % 3 === 0 ? "en" : "id" }] as const;
      })(),
    );
    const wrote = performance.now() - started;
    expect(db.count()).toBe(n);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) db.read(String(1 + ((i * 7919) % n)));
    const perRead = (performance.now() - t0) / 1000;
    expect(db.read("99999")).toEqual({ lang: "en" });
    expect(db.read("100000")).toEqual({ lang: "id" });
    expect(db.read("100001")).toBeUndefined();
    db.write("50000", { lang: "en" });
    db.close();
    const again = new SqliteStorage<SessionData>(file);
    expect(again.read("50000")).toEqual({ lang: "en" });
    expect(again.count()).toBe(n);
    again.close();
    // Generous bounds for a slow CI machine; typically ~0.3 s and a few µs.
    expect(wrote).toBeLessThan(10_000);
    expect(perRead).toBeLessThan(1);
  });

  it("a damaged row reads as no session rather than failing", () => {
    const db = new SqliteStorage<SessionData>(":memory:");
    // biome-ignore lint/suspicious/noExplicitAny: reaching into the private handle to damage a row on purpose
    (db as any).db.prepare("INSERT INTO sessions VALUES ('7', '{oops', 0)").run();
    expect(db.read("7")).toBeUndefined();
    db.close();
  });
});

describe("skipUnchanged", () => {
  function counting(): StorageAdapter<SessionData> & { writes: number; deletes: number } {
    const map = new Map<string, SessionData>();
    const s = {
      writes: 0,
      deletes: 0,
      read: (k: string) => map.get(k),
      write: (k: string, v: SessionData) => {
        s.writes++;
        map.set(k, v);
      },
      delete: (k: string) => {
        s.deletes++;
        map.delete(k);
      },
    };
    return s;
  }

  it("skips writing back what was just read, and deleting what was not there", async () => {
    const inner = counting();
    const s = skipUnchanged(inner);
    expect(await s.read("1")).toBeUndefined();
    await s.delete("1");
    expect(inner.deletes).toBe(0);
    await s.read("1");
    await s.write("1", { lang: "en" });
    expect(inner.writes).toBe(1);
    expect(await s.read("1")).toEqual({ lang: "en" });
    await s.write("1", { lang: "en" });
    expect(inner.writes).toBe(1);
    await s.write("1", { lang: "id" }); // a write without a read goes through
    expect(inner.writes).toBe(2);
  });
});

describe("Redis store without a server", () => {
  it("an unreachable REDIS_URL fails start-up with a clear error that hides the password", async () => {
    const url = "redis://:hunter2secret@127.0.0.1:1";
    const err = await openStore<SessionData>({ stateDir: dir, redisUrl: url }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/^REDIS_URL: cannot connect to redis:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED/);
    expect(err?.message).not.toContain("hunter2secret");
  });
});

const redisBinary = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim();

// CI installs redis-server (.ci/run), so there a missing binary fails the run instead of skipping.
describe.skipIf(!redisBinary && !process.env.CI)(
  `Redis store${redisBinary ? "" : " (skipped: no redis-server binary on PATH)"}`,
  () => {
    it("stores sessions under a prefix and reads them back through a new connection", async () => {
      const port = 6390 + Math.floor(Math.random() * 100);
      const server = spawn(redisBinary, ["--port", String(port), "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
      try {
        await new Promise((r) => setTimeout(r, 300));
        const url = `redis://127.0.0.1:${port}`;
        const a = await openStore<SessionData>({ stateDir: dir, redisUrl: url });
        expect(a.kind).toBe("redis");
        await a.adapter.write("77", { lang: "en" });
        await a.close();
        const b = await openStore<SessionData>({ stateDir: dir, redisUrl: url });
        expect(await b.adapter.read("77")).toEqual({ lang: "en" });
        await b.adapter.delete("77");
        expect(await b.adapter.read("77")).toBeUndefined();
        await b.close();
      } finally {
        server.kill();
      }
    });
  },
);
