/**
 * Two webhook instances of the real process (node --import tsx src/main.ts) on one
 * redis-server, replying to a fake Bot API on 127.0.0.1, updates posted to each instance's
 * webhook as Telegram (behind a load balancer) would:
 *  - a language chosen through one instance is used by the other (sessions in Redis);
 *  - one user's 30 messages spread over both get RATE_LIMIT answers and one "slow down";
 *  - a SIGHUP to one reloads both: the other instance answers from the new data;
 *  - /status for an admin, an unknown command for anyone else; /readyz and /metrics.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TOKEN, TOKEN_SECRET_PART } from "../helpers/logs.ts";
import { text, user } from "../helpers/updates.ts";
import { type FakeBotApi, startFakeBotApi } from "./fake-bot-api.ts";
import {
  type BotProcess,
  copyData,
  postUpdate,
  type RedisServer,
  redisBinary,
  startRedis,
  startWebhookInstance,
  until,
  WEBHOOK_SECRET,
  type WebhookInstance,
} from "./processes.ts";

const ADMIN = 900;

type Instance = WebhookInstance;

// CI installs redis-server (.ci/run); without it here the test says why it did not run.
describe.skipIf(!redisBinary && !process.env.CI)(
  `two instances on one Redis${redisBinary ? "" : " (skipped: no redis-server binary on PATH)"}`,
  { timeout: 120_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), "kkpham-instances-"));
    const dataDir = copyData(dir);
    let api: FakeBotApi;
    let redis: RedisServer;
    const instances: Instance[] = [];

    const start = (name: string): Promise<Instance> =>
      startWebhookInstance(name, {
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: api.url,
        REDIS_URL: redis.url,
        DATA_DIR: dataDir,
        STATE_DIR: join(dir, name),
        ADMIN_IDS: String(ADMIN),
      });

    async function post(to: Instance, update: Update): Promise<void> {
      expect(await postUpdate(to.hook, update)).toBe(200);
    }

    beforeAll(async () => {
      api = await startFakeBotApi();
      redis = await startRedis();
      instances.push(await start("a"), await start("b"));
    });

    afterAll(async () => {
      for (const i of instances) if (i.proc.child.exitCode === null) i.proc.child.kill("SIGKILL");
      redis?.stop();
      await api?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("share the chosen language", async () => {
      const [a, b] = instances as [Instance, Instance];
      const sari = user({ id: 101, language_code: "id" });
      await post(a, text("english please", { from: sari }));
      expect(api.textsTo(101).at(-1)).toContain("from now on I will answer in English");
      await post(b, text("/start", { from: sari }));
      expect(api.textsTo(101).at(-1)).toContain("Hi Sari");
    });

    it("share one rate limit: 30 messages over both get RATE_LIMIT (20) answers and one slow-down", async () => {
      const [a, b] = instances as [Instance, Instance];
      const busy = user({ id: 202 });
      for (let i = 0; i < 30; i++) await post(i % 2 ? b : a, text("OKU 2024", { from: busy }));
      const texts = api.textsTo(202);
      expect(texts.filter((t) => t.includes("Ogan Komering Ulu"))).toHaveLength(20);
      expect(texts.filter((t) => t.includes("Pelan-pelan"))).toHaveLength(1);
      expect(texts).toHaveLength(21);
    });

    it("drop a webhook resend that reaches the other instance", async () => {
      const [a, b] = instances as [Instance, Instance];
      const update = text("OKU 2023", { from: user({ id: 303 }) });
      await post(a, update);
      await post(b, update);
      expect(api.textsTo(303)).toHaveLength(1);
    });

    it("reload both on a SIGHUP to one: the other answers with the new data", async () => {
      const [a, b] = instances as [Instance, Instance];
      const asker = user({ id: 404 });
      await post(b, text("OKU 2025", { from: asker }));
      const before = api
        .textsTo(404)
        .at(-1)
        ?.replace(/<[^>]+>/g, "");
      expect(before).toContain("Ogan Komering Ulu");
      expect(before).not.toContain("2025: meraih penghargaan");

      appendFileSync(
        join(dataDir, "awards.csv"),
        "2025,16.01,peduli,reported,https://example.org/hari-ham-2025,announced at the Hari HAM ceremony\n",
      );
      a.proc.child.kill("SIGHUP");
      const onA = await a.proc.waitFor((l) => l.msg?.toString().startsWith("data reloaded") === true, "a: reload");
      expect(onA).toMatchObject({ reload: "signal", changes: [{ year: 2025, added: 1, changed: 0, removed: 0 }] });
      const onB = await b.proc.waitFor((l) => l.msg?.toString().startsWith("data reloaded") === true, "b: reload");
      expect(onB).toMatchObject({ reload: "peer", version: onA.version });

      await post(b, text("OKU 2025", { from: asker }));
      expect(
        api
          .textsTo(404)
          .at(-1)
          ?.replace(/<[^>]+>/g, ""),
      ).toContain("2025: meraih penghargaan");

      await post(b, text("/status", { from: user({ id: ADMIN }) }));
      expect(api.textsTo(ADMIN).at(-1)).toContain(String(onA.version));
      await post(b, text("/status", { from: user({ id: 405 }) }));
      expect(api.textsTo(405).at(-1)).toContain("Perintah itu tidak saya kenal");

      const metrics = await (await fetch(`${b.ops}/metrics`)).text();
      expect(metrics).toContain(`kkpham_data_info{version="${onA.version}"} 1`);
      expect(metrics).toMatch(/kkpham_rate_limited_total \d+/);
      expect(metrics).toMatch(/kkpham_replies_total\{kind="status"\} \d+/);
    });

    it("keep serving the old data when the new data is invalid; /reload by an admin reloads both", async () => {
      const [a, b] = instances as [Instance, Instance];
      const awards = join(dataDir, "awards.csv");
      const good = readFileSync(awards, "utf8");
      const served = (p: BotProcess) => p.lines().filter((l) => String(l.msg).startsWith("data reloaded")).length;
      const reloadsOfA = served(a.proc);

      writeFileSync(awards, `${good}2026,16.01,very_peduli,reported,https://example.org/x,\n`);
      b.proc.child.kill("SIGHUP");
      const failed = await b.proc.waitFor((l) => String(l.msg).startsWith("data reload failed"), "b: reload failed");
      const line = good.split("\n").filter((l) => l !== "").length + 1;
      expect(failed.problems).toEqual([expect.stringMatching(new RegExp(`awards\\.csv:${line}: predikat: `))]);
      await post(b, text("OKU 2025", { from: user({ id: 406 }) }));
      expect(
        api
          .textsTo(406)
          .at(-1)
          ?.replace(/<[^>]+>/g, ""),
      ).toContain("2025: meraih penghargaan");

      writeFileSync(awards, `${good}2025,16.02,peduli,reported,https://example.org/hari-ham-2025,\n`);
      await post(b, text("/reload", { from: user({ id: ADMIN, language_code: "en" }) }));
      const reply = api.textsTo(ADMIN).at(-1) ?? "";
      expect(reply).toContain("Data reloaded: version");
      expect(reply).toContain("2025: 1 added, 0 changed, 0 removed");
      await until("a: reload announced by b", () => (served(a.proc) > reloadsOfA ? true : undefined));
      expect(a.proc.lines().filter((l) => l.reload === "peer").length).toBeGreaterThan(0);
    });

    it("answer /healthz and /readyz on their own port, and stop cleanly on SIGTERM", async () => {
      for (const i of instances) {
        expect((await fetch(`${i.ops}/healthz`)).status).toBe(200);
        // Ready once the Bot API answered (setWebhook did) and Redis answers.
        await until("ready", async () => ((await fetch(`${i.ops}/readyz`)).status === 200 ? true : undefined));
      }
      for (const i of instances) {
        i.proc.child.kill("SIGTERM");
        expect(await i.proc.exited).toBe(0);
        expect(i.proc.output()).not.toContain(TEST_TOKEN);
        expect(i.proc.output()).not.toContain(TOKEN_SECRET_PART);
        expect(i.proc.output()).not.toContain(WEBHOOK_SECRET);
      }
    });
  },
);
