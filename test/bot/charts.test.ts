/**
 * Trend answers go out as a chart photo with the answer as caption. A chart is uploaded once:
 * the file_id Telegram returns is remembered in the session store (per scope, language and
 * data version) and later sends — after a restart, from another instance — reuse it. While an
 * uncached chart renders the chat shows "sending a photo…".
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemorySessionStorage } from "grammy";
import { describe, expect, it, onTestFinished } from "vitest";
import type { ChartRenderer } from "../../src/bot/chart.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { encodeButton } from "../../src/render/callback-data.ts";
import { ChartBusyError, createChartRenderer } from "../../src/render/chart/charts.ts";
import { SqliteStorage } from "../../src/state/sqlite.ts";
import { makeBot } from "../helpers/bot.ts";
import { botMessage, callback, text } from "../helpers/updates.ts";

/** The real renderer, counting how often it is asked. */
function counting(): ChartRenderer & { renders: number } {
  const inner = createChartRenderer();
  const out = {
    renders: 0,
    render: (...args: Parameters<ChartRenderer["render"]>) => {
      out.renders++;
      return inner.render(...args);
    },
  };
  return out;
}

function tempSqlite(): string {
  const dir = mkdtempSync(join(tmpdir(), "kkpham-charts-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "state.sqlite");
}

describe("charts", () => {
  const chart = createChartRenderer();

  it("/tren shows 'sending a photo…', then a PNG photo with the reply as caption and the reply's buttons", async () => {
    const { bot, api } = await makeBot({ chart });
    await bot.handleUpdate(text("/tren"));
    expect(api.calls.map((c) => c.method)).toEqual(["sendChatAction", "sendPhoto"]);
    expect(api.of("sendChatAction")[0]?.payload.action).toBe("upload_photo");
    const photo = api.of("sendPhoto")[0];
    expect(photo?.payload.photo).toMatchObject({ inputFile: "kkpham-16.png" });
    expect(photo?.payload.caption).toContain("Sumatera Selatan");
    expect(photo?.payload.parse_mode).toBe("HTML");
    expect(String(photo?.payload.caption).length).toBeLessThanOrEqual(1024);
    expect(api.buttons(photo)).toContain("Muba");
  });

  it("the second send of a chart is its file_id: no upload, no render, no chat action", async () => {
    const renderer = counting();
    const { bot, api } = await makeBot({ chart: renderer });
    await bot.handleUpdate(text("/tren"));
    const uploaded = api.of("sendPhoto")[0];
    expect(uploaded?.payload.photo).toMatchObject({ inputFile: "kkpham-16.png" });
    api.clear();
    await bot.handleUpdate(text("/tren"));
    expect(api.calls.map((c) => c.method)).toEqual(["sendPhoto"]);
    expect(api.of("sendPhoto")[0]?.payload.photo).toMatch(/^file-\d+$/);
    expect(renderer.renders).toBe(1);
  });

  it("file_ids survive a restart (SQLite) and are per language", async () => {
    const file = tempSqlite();
    const first = new SqliteStorage<SessionData>(file);
    const one = await makeBot({ chart: counting(), storage: first });
    await one.bot.handleUpdate(text("/tren"));
    const key = [...first.readAllKeys()].find((k) => k.startsWith("chart:p:16|id|"));
    const fileId = (first.read(key ?? "") as unknown as { file_id?: string } | undefined)?.file_id;
    expect(fileId).toMatch(/^file-\d+$/);
    first.close();

    // A new process: a new store on the same file, a renderer that has drawn nothing yet.
    const renderer = counting();
    const second = new SqliteStorage<SessionData>(file);
    onTestFinished(() => second.close());
    const two = await makeBot({ chart: renderer, storage: second });
    await two.bot.handleUpdate(text("/tren"));
    expect(two.api.of("sendPhoto")[0]?.payload.photo).toBe(fileId);
    expect(renderer.renders).toBe(0);
    // English is another chart (its texts differ): uploaded once.
    await two.bot.handleUpdate(
      text("/tren", { from: { id: 9, is_bot: false, first_name: "Ann", language_code: "en" } }),
    );
    expect(two.api.of("sendPhoto")[1]?.payload.photo).toMatchObject({ inputFile: "kkpham-16.png" });
    expect(renderer.renders).toBe(1);
  });

  it("another instance sharing the store (as with Redis) reuses the upload", async () => {
    const shared = new MemorySessionStorage<SessionData>();
    const a = await makeBot({ chart: counting(), storage: shared });
    await a.bot.handleUpdate(text("/tren Musi Rawas"));
    const b = await makeBot({ chart: counting(), storage: shared });
    await b.bot.handleUpdate(text("/tren Musi Rawas"));
    expect(b.api.of("sendPhoto")[0]?.payload.photo).toMatch(/^file-\d+$/);
    expect(b.api.of("sendChatAction")).toHaveLength(0);
  });

  it("a file_id Telegram refuses is forgotten and the chart uploaded again", async () => {
    const storage = new MemorySessionStorage<SessionData>();
    const { bot, api } = await makeBot({ chart, storage });
    await bot.handleUpdate(text("/tren"));
    const key = [...storage.readAllKeys()].find((k) => k.startsWith("chart:"));
    expect(key).toBeDefined();
    storage.write(key ?? "", { file_id: "from-another-bot" } as never);
    api.clear();
    let refusals = 0;
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendPhoto" && (payload as { photo?: unknown }).photo === "from-another-bot") {
        refusals++;
        return { ok: false, error_code: 400, description: "Bad Request: wrong file identifier" } as never;
      }
      return prev(method, payload, signal);
    });
    await bot.handleUpdate(text("/tren"));
    expect(refusals).toBe(1);
    const sent = api.of("sendPhoto");
    expect(sent.at(-1)?.payload.photo).toMatchObject({ inputFile: "kkpham-16.png" });
    expect((storage.read(key ?? "") as unknown as { file_id: string }).file_id).toMatch(/^file-\d+$/);
  });

  it("a busy renderer (past its queue) means the text answer without the chart", async () => {
    const busy: ChartRenderer = { render: () => Promise.reject(new ChartBusyError()) };
    const { bot, api } = await makeBot({ chart: busy });
    await bot.handleUpdate(text("/tren"));
    expect(api.of("sendPhoto")).toHaveLength(0);
    expect(api.of("sendMessage")[0]?.payload.text).toContain("Tren Peduli HAM — Sumatera Selatan");
  });

  it("a region with two years of data or fewer gets the text without a near-empty chart", async () => {
    const { bot, api } = await makeBot({ chart });
    await bot.handleUpdate(callback(encodeButton({ kind: "trend", scope: "11.04" })));
    expect(api.of("sendPhoto")).toHaveLength(0);
    expect(api.of("sendChatAction")).toHaveLength(0);
    expect(api.texts()[0]).toContain("Aceh Tengah");
  });

  it("a trend button under a chart photo replaces the photo with editMessageMedia", async () => {
    const { bot, api } = await makeBot({ chart });
    const shown = botMessage("Tren Sumatera Selatan", { messageId: 31, photo: true });
    await bot.handleUpdate(callback(encodeButton({ kind: "trend", scope: "16.05" }), { message: shown }));
    expect(api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendChatAction", "editMessageMedia"]);
    const edit = api.of("editMessageMedia")[0];
    expect(edit?.payload.message_id).toBe(31);
    expect(edit?.payload.media).toMatchObject({
      type: "photo",
      media: { inputFile: "kkpham-16.05.png" },
      parse_mode: "HTML",
    });
    expect(api.texts()[0]).toContain("Musi Rawas");
    // The edited photo's file_id is remembered too: the same tap again sends no upload.
    api.clear();
    await bot.handleUpdate(callback(encodeButton({ kind: "trend", scope: "16.05" }), { message: shown }));
    expect((api.of("editMessageMedia")[0]?.payload.media as { media?: unknown } | undefined)?.media).toMatch(
      /^file-\d+$/,
    );
  });

  it("a trend button under a text answer sends the chart as a new photo", async () => {
    const { bot, api } = await makeBot({ chart });
    await bot.handleUpdate(callback(encodeButton({ kind: "trend", scope: "16.01" })));
    expect(api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendChatAction", "sendPhoto"]);
  });
});
