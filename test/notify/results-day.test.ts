/**
 * Results day end to end in one process: the bot takes follows (handleUpdate), new data is
 * planned against the ledger, the worker drains the outbox through the bot's recorded API on
 * a virtual clock. Who gets what, exactly once; a second reload; a crash mid-broadcast;
 * 403 and 429.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Registry } from "prom-client";
import { describe, expect, it, onTestFinished } from "vitest";
import { virtualClock } from "../../src/notify/clock.ts";
import { notifyCounters } from "../../src/notify/metrics.ts";
import { openSqliteNotifyState } from "../../src/notify/state.ts";
import { groupChat, text, user } from "../helpers/updates.ts";
import { award2026, coreOf, dataWith, followBot, harness, interceptSends, sentTo, shippedData } from "./helpers.ts";

const plain = (html: string) => html.replace(/<[^>]+>/g, "");

describe("a reload that adds one 2026 result", () => {
  it("notifies exactly the followers of that region and of its province, once each, in their language", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api } = await followBot(state);
    const after = await dataWith([award2026("16.01")]);
    const h = harness(state, bot, await coreOf(after));
    expect((await h.notifier.afterData(await shippedData())).baseline).toBe(true);

    // Followers: of OKU (id, en, a group), of Sumsel, of both, of another region and province.
    await bot.handleUpdate(text("/ikuti OKU", { from: user({ id: 1 }) }));
    await bot.handleUpdate(text("/follow OKU", { from: user({ id: 2, language_code: "en" }) }));
    await bot.handleUpdate(text("/ikuti Sumsel", { from: user({ id: 3 }) }));
    await bot.handleUpdate(text("/ikuti OKU", { from: user({ id: 4 }) }));
    await bot.handleUpdate(text("/ikuti Sumatera Selatan", { from: user({ id: 4 }) }));
    await bot.handleUpdate(text("/ikuti Lahat", { from: user({ id: 5 }) }));
    await bot.handleUpdate(text("/ikuti Jawa Timur", { from: user({ id: 6 }) }));
    await state.follows.follow({ chat: groupChat(-100_5).id, scope: "16.01", lang: "id" });
    api.clear();

    const planned = await h.notifier.afterData(after);
    expect(planned).toMatchObject({
      baseline: false,
      queued: 5,
      chats: 5,
      years: [{ year: 2026, regions: ["16.01"] }],
    });
    expect(await h.worker.drainAll()).toBe(5);
    expect(sentTo(api).sort((a, b) => a - b)).toEqual([-100_5, 1, 2, 3, 4]);

    const to = (chat: number) =>
      plain(String(api.of("sendMessage").find((c) => c.payload.chat_id === chat)?.payload.text));
    expect(to(1)).toMatch(/^🔔 Hasil baru: Kabupaten Ogan Komering Ulu, 2026/);
    expect(to(1)).toContain("2026: meraih");
    expect(to(1)).toContain("example.org");
    expect(to(2)).toMatch(/^🔔 New result: Kabupaten Ogan Komering Ulu, 2026/);
    expect(to(2)).toContain("2026: won");
    // The province followers get the year's summary, one message, not one per region.
    expect(to(3)).toMatch(/^🔔 Hasil baru: Sumatera Selatan, 2026/);
    expect(to(3)).toContain("Ogan Komering Ulu");
    expect(to(4)).toBe(to(3));
    const stop = api.buttonData(api.of("sendMessage").find((c) => c.payload.chat_id === 2));
    expect(stop).toContain("u|16.01");

    // The same data again (a second reload, a restart, another instance): nothing.
    api.clear();
    expect((await h.notifier.afterData(after)).queued).toBe(0);
    const restarted = harness(state, bot, await coreOf(after));
    expect((await restarted.notifier.afterData(after)).messages).toBe(0);
    expect(await restarted.worker.drainAll()).toBe(0);
    expect(api.of("sendMessage")).toEqual([]);
  });

  it("a changed result is news again; a new source for the same result is not", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api } = await followBot(state);
    const first = await dataWith([award2026("16.01", "cukup_peduli")]);
    const h = harness(state, bot, await coreOf(first));
    await h.notifier.afterData(await shippedData());
    await state.follows.follow({ chat: 9, scope: "16.01", lang: "id" });
    expect((await h.notifier.afterData(first)).queued).toBe(1);
    const sameResult = await dataWith([
      "2026,16.01,cukup_peduli,reported,https://example.org/another-source,a second source",
    ]);
    expect((await h.notifier.afterData(sameResult)).queued).toBe(0);
    expect((await h.notifier.afterData(await dataWith([award2026("16.01", "peduli")]))).queued).toBe(1);
    await h.worker.drainAll();
    expect(sentTo(api)).toEqual([9, 9]);
  });

  it("NOTIFY is a setting: off by NOTIFY=off, on by default", async () => {
    const { parseConfig } = await import("../../src/config.ts");
    expect(parseConfig({}).notify).toBe(true);
    expect(parseConfig({ NOTIFY: "off" }).notify).toBe(false);
    expect(() => parseConfig({ NOTIFY: "maybe" })).toThrow(/NOTIFY: should be on or off/);
  });
});

describe("exactly once through failures", () => {
  it("a crash after half of a broadcast resumes on restart without duplicates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kkpham-crash-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "state.sqlite");
    const after = await dataWith([award2026("16.01")]);
    const core = await coreOf(after);

    const a = await openSqliteNotifyState(file);
    const botA = await followBot(a);
    const hA = harness(a, botA.bot, core);
    await hA.notifier.afterData(await shippedData());
    for (let chat = 1; chat <= 10; chat++) await a.follows.follow({ chat, scope: "16.01", lang: "id" });
    expect((await hA.notifier.afterData(after)).queued).toBe(10);
    // The sixth send never returns: the process dies there.
    interceptSends(botA.bot, (_chat, n) => (n === 6 ? new Promise(() => {}) : undefined));
    void hA.worker.drainDue();
    while (botA.api.of("sendMessage").length < 5) await new Promise((r) => setImmediate(r));
    await a.close();

    const b = await openSqliteNotifyState(file);
    const botB = await followBot(b);
    const clock = virtualClock(hA.clock.now() + 61_000); // after the dead process's lease
    const hB = harness(b, botB.bot, core, { clock });
    expect((await hB.notifier.afterData(after)).queued).toBe(0);
    expect(await hB.worker.drainAll()).toBe(5);
    const all = [...sentTo(botA.api), ...sentTo(botB.api)].sort((x, y) => x - y);
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await b.outbox.counts()).toEqual({ pending: 0, sent: 10, failed: 0 });
    await b.close();
  });

  it("403 (blocked, or removed from the group) deletes that chat's follows and counts it", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api } = await followBot(state);
    const registry = new Registry();
    const h = harness(state, bot, await coreOf(await dataWith([award2026("16.01")])), {
      counters: notifyCounters(registry),
    });
    await h.notifier.afterData(await shippedData());
    for (const chat of [1, 2, 3]) await state.follows.follow({ chat, scope: "16.01", lang: "id" });
    await state.follows.follow({ chat: 2, scope: "16", lang: "id" });
    interceptSends(bot, (chat) =>
      chat === 2 ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined,
    );
    await h.notifier.afterData(await dataWith([award2026("16.01")]));
    expect(await h.worker.drainAll()).toBe(2);
    expect(sentTo(api).sort()).toEqual([1, 3]);
    expect(await state.follows.list(2)).toEqual([]);
    expect(await state.follows.count()).toBe(2);
    const metric = await registry.getSingleMetricAsString("kkpham_notify_messages_total");
    expect(metric).toContain('outcome="removed"} 1');
    expect(metric).toContain('outcome="sent"} 2');
    expect(metric).toContain('outcome="queued"} 3');
  });

  it("429 pauses sending for retry_after, then resumes with the same message", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api } = await followBot(state);
    const h = harness(state, bot, await coreOf(await dataWith([award2026("16.01")])));
    await h.notifier.afterData(await shippedData());
    for (const chat of [1, 2, 3]) await state.follows.follow({ chat, scope: "16.01", lang: "id" });
    await h.notifier.afterData(await dataWith([award2026("16.01")]));
    const at: { chat: number; time: number }[] = [];
    let refusedAt = 0;
    interceptSends(bot, (chat, n) => {
      if (n === 2) {
        refusedAt = h.clock.now();
        return {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 7",
          parameters: { retry_after: 7 },
        };
      }
      at.push({ chat, time: h.clock.now() });
      return undefined;
    });
    expect(await h.worker.drainAll()).toBe(3);
    expect(h.clock.slept).toContain(7_000);
    expect(sentTo(api).sort()).toEqual([1, 2, 3]);
    // Nothing went out during the pause.
    expect(at.filter((s) => s.time > refusedAt && s.time < refusedAt + 7_000)).toEqual([]);
    expect(at).toHaveLength(3);
  });
});

describe("the users' data", () => {
  it("a chat that stops following before its message goes out gets nothing; /berhenti forgets its outbox rows", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api } = await followBot(state);
    const after = await dataWith([award2026("16.01")]);
    const h = harness(state, bot, await coreOf(after));
    await h.notifier.afterData(await shippedData());
    for (const chat of [1, 2, 3]) await bot.handleUpdate(text("/ikuti OKU", { from: user({ id: chat }) }));
    expect((await h.notifier.afterData(after)).queued).toBe(3);
    await bot.handleUpdate(text("/berhenti OKU", { from: user({ id: 3 }) }));
    api.clear();
    expect(await h.worker.drainAll()).toBe(2);
    expect(sentTo(api).sort()).toEqual([1, 2]);
    expect(await state.outbox.counts()).toEqual({ pending: 0, sent: 2, failed: 0 });

    await bot.handleUpdate(text("/berhenti", { from: user({ id: 1 }) }));
    expect(await state.follows.list(1)).toEqual([]);
    expect(await state.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 0 });
    // Forgetting the ids does not bring the announced result back: the ledger holds it.
    expect((await h.notifier.afterData(after)).messages).toBe(0);
  });
});

describe("a group upgraded to a supergroup", () => {
  it("moves its follows and the message to the new chat id", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api } = await followBot(state);
    const h = harness(state, bot, await coreOf(await dataWith([award2026("16.01")])));
    await h.notifier.afterData(await shippedData());
    await state.follows.follow({ chat: -500, scope: "16.01", lang: "en" });
    await h.notifier.afterData(await dataWith([award2026("16.01")]));
    interceptSends(bot, (chat) =>
      chat === -500
        ? {
            ok: false,
            error_code: 400,
            description: "Bad Request: group chat was upgraded to a supergroup chat",
            parameters: { migrate_to_chat_id: -100_500 },
          }
        : undefined,
    );
    expect(await h.worker.drainAll()).toBe(1);
    expect(sentTo(api)).toEqual([-100_500]);
    expect(await state.follows.list(-500)).toEqual([]);
    expect(await state.follows.list(-100_500)).toEqual([{ chat: -100_500, scope: "16.01", lang: "en" }]);
  });
});

describe("the language of a notification", () => {
  it("is the user's language now, even if they switched after following", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api, storage } = await followBot(state);
    const after = await dataWith([award2026("16.01")]);
    const h = harness(state, bot, await coreOf(after), {
      sessionLang: async (chat) => storage.read(String(chat))?.lang,
    });
    await h.notifier.afterData(await shippedData());
    const sari = user({ id: 77, language_code: "id" });
    await bot.handleUpdate(text("/ikuti OKU", { from: sari }));
    await bot.handleUpdate(text("english please", { from: sari }));
    await h.notifier.afterData(after);
    api.clear();
    await h.worker.drainAll();
    expect(api.texts()[0]).toMatch(/^🔔 <b>New result: Kabupaten Ogan Komering Ulu, 2026/);
  });
});
