/** /status and /reload: for ADMIN_IDS only; for anyone else unknown commands. */
import { describe, expect, it } from "vitest";
import type { StatusReport } from "../../src/bot/features/admin.ts";
import type { ReloadOutcome } from "../../src/ops/reload.ts";
import { text, user } from "../helpers/updates.ts";
import { makeOpsBot } from "./ops-bot.ts";

const ADMIN = 5150;
const status: StatusReport = {
  version: "abc123def456",
  rows: 1234,
  uptimeSeconds: 90_061,
  updates: 17,
  errors: 2,
  instance: "host-1:42",
};

async function adminBot(outcome: ReloadOutcome) {
  const reloads: number[] = [];
  const made = await makeOpsBot({
    admin: {
      adminIds: new Set([ADMIN]),
      status: () => status,
      reload: async () => {
        reloads.push(Date.now());
        return outcome;
      },
    },
  });
  return { ...made, reloads };
}

describe("admin commands", () => {
  it("/status for an admin: data version, rows, uptime, updates and errors", async () => {
    const { bot, api } = await adminBot({ status: "unchanged", version: "v", rows: 1 });
    await bot.handleUpdate(text("/status", { from: user({ id: ADMIN, language_code: "en" }) }));
    const reply = api.texts().at(-1) ?? "";
    for (const s of ["abc123def456", "1234 award rows", "1 d 1 h 1 min", "Updates: 17, errors: 2", "host-1:42"]) {
      expect(reply).toContain(s);
    }
  });

  it("/status and /reload are unknown commands for anyone else, and reload nothing", async () => {
    const { bot, api, reloads } = await adminBot({ status: "unchanged", version: "v", rows: 1 });
    const stranger = user({ id: ADMIN + 1 });
    await bot.handleUpdate(text("/status", { from: stranger }));
    await bot.handleUpdate(text("/reload", { from: stranger }));
    expect(api.texts()).toEqual([
      "Perintah itu tidak saya kenal. Lihat /help untuk daftar perintah.",
      "Perintah itu tidak saya kenal. Lihat /help untuk daftar perintah.",
    ]);
    expect(reloads).toEqual([]);
  });

  it("/reload replies with the outcome: the new version and rows per year", async () => {
    const { bot, api, reloads } = await adminBot({
      status: "reloaded",
      version: "new111",
      previous: "old000",
      rows: 2000,
      changes: [{ year: 2025, added: 17, changed: 1, removed: 0 }],
    });
    await bot.handleUpdate(text("/reload", { from: user({ id: ADMIN, language_code: "en" }) }));
    expect(reloads).toHaveLength(1);
    const reply = api.texts().at(-1) ?? "";
    expect(reply).toContain("Data reloaded: version <code>new111</code> (was <code>old000</code>), 2000 award rows.");
    expect(reply).toContain("2025: 17 added, 1 changed, 0 removed");
  });

  it("/reload that failed lists the problems (escaped), at most 20, and says the old version still serves", async () => {
    const problems = Array.from({ length: 23 }, (_, i) => `data/awards.csv:${i + 2}: predikat: not <valid>`);
    const { bot, api } = await adminBot({ status: "failed", version: "old000", problems });
    await bot.handleUpdate(text("/reload", { from: user({ id: ADMIN }) }));
    const reply = api.texts().join("\n");
    expect(reply).toContain("Muat ulang gagal; masih melayani versi <code>old000</code>");
    expect(reply).toContain("data/awards.csv:2: predikat: not &lt;valid&gt;");
    expect(reply).toContain("data/awards.csv:21: predikat");
    expect(reply).not.toContain("data/awards.csv:22: predikat");
    expect(reply).toContain("… dan 3 lagi (lihat log)");
  });
});
