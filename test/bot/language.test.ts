/** The language switch: by button and by words, persisted per user, surviving a new bot on the same SQLite file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { SessionData } from "../../src/bot/context.ts";
import { encodeButton } from "../../src/render/callback-data.ts";
import { skipUnchanged } from "../../src/state/skip-unchanged.ts";
import { SqliteStorage } from "../../src/state/sqlite.ts";
import { makeBot } from "../helpers/bot.ts";
import { botMessage, callback, inline, text, user } from "../helpers/updates.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "kkpham-lang-"));
  dirs.push(dir);
  return join(dir, "state.sqlite");
}

describe("language", () => {
  it("/language and /bahasa show both languages with the current one marked ✓", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/bahasa"));
    await bot.handleUpdate(text("/language"));
    for (const call of api.of("sendMessage")) {
      expect(api.buttons(call)).toEqual(["✓ 🇮🇩 Bahasa Indonesia", "🇬🇧 English"]);
    }
  });

  it("tapping English switches, answers the callback, edits the keyboard, and persists across a new bot on the same SQLite file", async () => {
    const file = tempFile();
    const store1 = new SqliteStorage<SessionData>(file);
    const first = await makeBot({ storage: skipUnchanged(store1) });
    await first.bot.handleUpdate(text("/bahasa"));
    const data = first.api.buttonData(first.api.of("sendMessage")[0]);
    expect(data).toEqual([
      encodeButton({ kind: "language", language: "id" }),
      encodeButton({ kind: "language", language: "en" }),
    ]);

    first.api.clear();
    await first.bot.handleUpdate(callback(data[1] ?? "", { message: botMessage("Pilih bahasa", { messageId: 9 }) }));
    expect(first.api.of("answerCallbackQuery")[0]?.payload.text).toContain("English");
    const edit = first.api.of("editMessageText")[0];
    expect(edit?.payload.message_id).toBe(9);
    expect(edit?.payload.text).toContain("from now on I will answer in English");
    expect(first.api.buttons(edit)).toEqual(["🇮🇩 Bahasa Indonesia", "✓ 🇬🇧 English"]);
    store1.close();

    // A restart: a new bot, a new connection to the same file.
    const store2 = new SqliteStorage<SessionData>(file);
    const second = await makeBot({ storage: skipUnchanged(store2) });
    await second.bot.handleUpdate(text("/start"));
    expect(second.api.texts()[0]).toContain("Hi Sari");
    await second.bot.handleUpdate(text("Apakah OKU meraih penghargaan peduli HAM?"));
    expect(second.api.texts()[1]).toMatch(/Ogan Komering Ulu/);
    expect(second.api.texts()[1]).not.toContain("Meraih penghargaan");
    // Inline queries have no chat: the per-user language still applies.
    await second.bot.handleUpdate(inline("OKU"));
    const results = second.api.of("answerInlineQuery")[0]?.payload.results as {
      input_message_content: { message_text: string };
    }[];
    expect(results[0]?.input_message_content.message_text).not.toContain("Meraih penghargaan");
    store2.close();
  });

  it('"english please" switches by words; "bahasa indonesia" switches back', async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("english please"));
    expect(api.texts()[0]).toContain("I will answer in English");
    await bot.handleUpdate(text("/start"));
    expect(api.texts()[1]).toContain("Hi Sari");
    await bot.handleUpdate(text("pakai bahasa indonesia"));
    await bot.handleUpdate(text("/start"));
    expect(api.texts()[3]).toContain("Halo Sari");
  });

  it("one user's switch does not change another's language", async () => {
    const { bot, api } = await makeBot();
    const a = user({ id: 1001 });
    const b = user({ id: 1002, first_name: "Budi" });
    await bot.handleUpdate(callback(encodeButton({ kind: "language", language: "en" }), { from: a }));
    await Promise.all([bot.handleUpdate(text("/start", { from: a })), bot.handleUpdate(text("/start", { from: b }))]);
    const texts = api.of("sendMessage").map((c) => String(c.payload.text));
    expect(texts.find((t) => t.includes("Sari"))).toContain("Hi Sari");
    expect(texts.find((t) => t.includes("Budi"))).toContain("Halo Budi");
  });
});
