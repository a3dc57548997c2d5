/**
 * Results day in the real service: two webhook instances on one redis-server against the
 * fake Bot API. A user follows through instance a; new data (a 2026 round) lands in the
 * shared data directory and a SIGHUP to a reloads both; the follower gets the message once,
 * and the shared outbox says it was recorded and sent once.
 */
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openNotifyState } from "../../src/notify/state.ts";
import { type FakeBotApi, startFakeBotApi } from "../e2e/fake-bot-api.ts";
import {
  type BotProcess,
  copyData,
  postUpdate,
  type RedisServer,
  redisBinary,
  startRedis,
  startWebhookInstance,
  until,
  type WebhookInstance,
} from "../e2e/processes.ts";
import { TEST_TOKEN } from "../helpers/logs.ts";
import { text, user } from "../helpers/updates.ts";

describe.skipIf(!redisBinary && !process.env.CI)(
  `results day in two service instances${redisBinary ? "" : " (skipped: no redis-server binary on PATH)"}`,
  { timeout: 120_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), "kkpham-results-day-"));
    const dataDir = copyData(dir);
    let api: FakeBotApi;
    let redis: RedisServer;
    const procs: WebhookInstance[] = [];

    async function start(name: string) {
      const instance = await startWebhookInstance(name, {
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: api.url,
        REDIS_URL: redis.url,
        DATA_DIR: dataDir,
        STATE_DIR: join(dir, name),
      });
      await instance.proc.waitFor((l) => String(l.msg).startsWith("notify: "), `${name}: first plan`);
      return instance;
    }

    const post = async (hook: string, update: Update) => {
      expect(await postUpdate(hook, update)).toBe(200);
    };

    beforeAll(async () => {
      api = await startFakeBotApi();
      redis = await startRedis();
      procs.push(await start("a"));
      procs.push(await start("b"));
    });

    afterAll(async () => {
      for (const p of procs) if (p.proc.child.exitCode === null) p.proc.child.kill("SIGKILL");
      redis?.stop();
      await api?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("a reload on one instance notifies the follower once", async () => {
      const [a, b] = procs as [(typeof procs)[0], (typeof procs)[0]];
      await post(a.hook, text("/ikuti OKU", { from: user({ id: 501 }) }));
      expect(api.textsTo(501).at(-1)).toContain("Anda sekarang mengikuti");

      appendFileSync(
        join(dataDir, "rounds.csv"),
        "2026,yes,2026-12-10,Jakarta,78,,,,,yes,,https://example.org/r,e2e\n",
      );
      appendFileSync(join(dataDir, "awards.csv"), "2026,16.01,peduli,reported,https://example.org/a,e2e\n");
      a.proc.child.kill("SIGHUP");
      const reloaded = await a.proc.waitFor((l) => String(l.msg).startsWith("data reloaded"), "a: reload");
      // Each instance plans after its reload; whichever records first queues the one message.
      const planned = (p: BotProcess) =>
        p.waitFor((l) => typeof l.queued === "number" && l.version === reloaded.version, "plan after reload");
      const [pa, pb] = await Promise.all([planned(a.proc), planned(b.proc)]);
      expect(Number(pa.queued) + Number(pb.queued)).toBe(1);

      const got = await until("the notification", () => {
        const t = api.textsTo(501).filter((s) => s.includes("Hasil baru"));
        return t.length ? t : undefined;
      });
      expect(got[0]).toContain("Kabupaten Ogan Komering Ulu, 2026");
      const state = await openNotifyState({ stateDir: dir, redisUrl: redis.url }, TEST_TOKEN.split(":")[0] ?? "");
      try {
        await until("the outbox to drain", async () =>
          (await state.outbox.counts()).pending === 0 ? true : undefined,
        );
        expect(await state.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 0 });
      } finally {
        await state.close();
      }
      expect(api.textsTo(501).filter((s) => s.includes("Hasil baru"))).toHaveLength(1);
    });
  },
);
