/** The operator's dry run: what the loaded data would send, recording and sending nothing. */
import { describe, expect, it } from "vitest";
import { dryRunReport } from "../../src/notify/dry-run.ts";
import { openSqliteNotifyState } from "../../src/notify/state.ts";
import { text, user } from "../helpers/updates.ts";
import { makeOpsBot } from "../ops/ops-bot.ts";
import { award2026, coreOf, dataWith, followBot, harness, shippedData } from "./helpers.ts";

describe("dryRunReport", () => {
  it("says how many chats, for which years and regions; a real plan after it still sends all", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const { bot, api, core } = await followBot(state);
    const t = core.t("en");
    const shipped = await shippedData();
    expect(await dryRunReport(state, shipped, t, true)).toMatch(/^No results announced yet: .*\(\d+ results\)/);

    const after = await dataWith([award2026("16.01"), award2026("16.04", "cukup_peduli")]);
    const h = harness(state, bot, await coreOf(after));
    await h.notifier.afterData(shipped);
    for (const chat of [1, 2]) await state.follows.follow({ chat, scope: "16.01", lang: "id" });
    await state.follows.follow({ chat: 3, scope: "16", lang: "en" });

    const report = await dryRunReport(state, after, t, true);
    expect(report).toContain("Would send: 3 message(s) to 3 chat(s).");
    expect(report).toContain("2026: 2 region(s) — Kabupaten Ogan Komering Ulu, Kabupaten Lahat");
    expect(report).toContain("Outbox: 0 pending, 0 sent, 0 failed; 3 follows.");
    expect(await dryRunReport(state, after, core.t("id"), false)).toMatch(/^NOTIFY=off/);

    expect((await h.notifier.afterData(after)).queued).toBe(3);
    expect(await dryRunReport(state, after, t, true)).toContain("No result differs from what was announced");
    await h.worker.drainAll();
    expect(api.of("sendMessage")).toHaveLength(3);
  });
});

describe("/status for admins", () => {
  it("ends with what the loaded data would send to followers", async () => {
    const state = await openSqliteNotifyState(":memory:");
    const after = await dataWith([award2026("16.01")]);
    const { notifier } = harness(state, (await followBot(state)).bot, await coreOf(after));
    await notifier.afterData(await shippedData());
    await state.follows.follow({ chat: 7, scope: "16.01", lang: "id" });
    const { bot, api } = await makeOpsBot({
      admin: {
        adminIds: new Set([5150]),
        status: () => ({ version: "v", rows: 1, uptimeSeconds: 1, updates: 0, errors: 0, instance: "i" }),
        reload: async () => ({ status: "unchanged", version: "v", rows: 1 }),
        statusExtra: (t) => dryRunReport(state, after, t, true),
      },
    });
    await bot.handleUpdate(text("/status", { from: user({ id: 5150, language_code: "en" }) }));
    const reply = api.texts().at(-1) ?? "";
    expect(reply).toContain("Data version: <code>v</code>");
    expect(reply).toContain("Would send: 1 message(s) to 1 chat(s).");
    expect(reply).toContain("2026: 1 region(s) — Kabupaten Ogan Komering Ulu");
  });
});
