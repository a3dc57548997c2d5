/**
 * Two instances on one redis-server: both plan the same reload, both drain the shared
 * outbox with the shared rate limits; every follower gets the message once, from one of them.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realClock } from "../../src/notify/clock.ts";
import { sharedGate } from "../../src/notify/gate.ts";
import { openNotifyState } from "../../src/notify/state.ts";
import { openRedisState } from "../../src/state/shared.ts";
import { type RedisServer, redisBinary, startRedis } from "../e2e/processes.ts";
import { award2026, coreOf, dataWith, followBot, harness, sentTo, shippedData } from "./helpers.ts";

let redis: RedisServer | undefined;
beforeAll(async () => {
  if (redisBinary) redis = await startRedis();
});
afterAll(() => redis?.stop());

// CI installs redis-server (.ci/run), so there a missing binary fails the run instead of skipping.
describe.skipIf(!redisBinary && !process.env.CI)(
  `results day on two instances${redisBinary ? "" : " (skipped: no redis-server binary on PATH)"}`,
  () => {
    it("sends each message once, shared between the instances", async () => {
      const url = redis?.url ?? "";
      const config = { stateDir: "/nonexistent", redisUrl: url };
      const [a, b] = [await openNotifyState(config, "7"), await openNotifyState(config, "7")];
      const [sharedA, sharedB] = [await openRedisState(url, "7"), await openRedisState(url, "7")];
      const after = await dataWith([award2026("16.01"), award2026("16.04", "cukup_peduli")]);
      const core = await coreOf(after);
      const botA = await followBot(a);
      const botB = await followBot(b);
      const hA = harness(a, botA.bot, core, { clock: realClock, gate: sharedGate(sharedA.limiter) });
      const hB = harness(b, botB.bot, core, { clock: realClock, gate: sharedGate(sharedB.limiter) });
      try {
        await hA.notifier.afterData(await shippedData());
        // Followers made on instance A are seen by B (one store).
        for (let chat = 1; chat <= 30; chat++)
          await a.follows.follow({ chat, scope: chat % 3 ? "16.01" : "16.04", lang: "id" });
        await a.follows.follow({ chat: 31, scope: "16", lang: "en" });
        expect(await b.follows.count()).toBe(31);

        // Both instances reload the same data (the peer announcement): the outbox keeps one of each.
        const [pa, pb] = await Promise.all([hA.notifier.afterData(after), hB.notifier.afterData(after)]);
        expect(pa.queued + pb.queued).toBe(31);
        expect(pa.messages).toBe(31);

        const [na, nb] = await Promise.all([hA.worker.drainAll(), hB.worker.drainAll()]);
        expect(na + nb).toBe(31);
        const all = [...sentTo(botA.api), ...sentTo(botB.api)].sort((x, y) => x - y);
        expect(all).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
        expect(await a.outbox.counts()).toEqual({ pending: 0, sent: 31, failed: 0 });
        expect((await hB.notifier.afterData(after)).queued).toBe(0);
        // A chat that follows nothing any more leaves no row behind in the shared outbox.
        await b.follows.unfollow(1);
        const raw = new Redis(url);
        const ids = await raw.smembers("kkpham:7:notify:ids");
        raw.disconnect();
        expect(ids).toHaveLength(30);
        expect(ids.filter((id) => id.startsWith("1|"))).toEqual([]);
      } finally {
        for (const s of [a, b, sharedA, sharedB]) await s.close();
      }
    });
  },
);
