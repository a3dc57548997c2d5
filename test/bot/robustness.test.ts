/** Odd input never crashes the bot and always gets a polite, localized answer (or none, on purpose). */
import { HttpError, MemorySessionStorage } from "grammy";
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.ts";
import { registerCommands } from "../../src/bot/commands.ts";
import type { SessionData } from "../../src/bot/context.ts";
import { parseConfig } from "../../src/config.ts";
import { recordApi } from "../helpers/api.ts";
import { BOT_INFO, makeBot, testCore } from "../helpers/bot.ts";
import { captureLogs, TEST_TOKEN } from "../helpers/logs.ts";
import { callback, edited, inline, sticker, text, user } from "../helpers/updates.ts";

describe("robustness", () => {
  it("forged or stale callback data gets a polite toast, never a crash", async () => {
    const { bot, api } = await makeBot();
    const forged = [
      "",
      "x",
      "p|status|99.99|-",
      "p|status|16.01|20x3",
      "p|status|16.01|0000",
      "t|../../etc",
      "l|fr",
      "p|drop table|16.01|-",
      "a".repeat(65),
    ];
    for (const data of forged) await bot.handleUpdate(callback(data));
    const answers = api.of("answerCallbackQuery");
    expect(answers).toHaveLength(forged.length);
    for (const a of answers) expect(a.payload.text).toBe("Tombol ini sudah tidak berlaku. Silakan tanyakan lagi.");
    expect(api.of("editMessageText")).toHaveLength(0);
  });

  it("a 10,000-character message with HTML in it gets a polite reply that echoes nothing", async () => {
    const { bot, api } = await makeBot();
    const long = `<b>OKU</b><script>alert(1)</script>${"x".repeat(10_000)}`;
    await bot.handleUpdate(text(long));
    const [reply] = api.texts();
    expect(reply).toContain("terlalu panjang");
    expect(reply).toContain("4096");
    expect(reply).not.toContain("<script>");
    expect(reply?.length).toBeLessThan(500);
  });

  it("HTML typed by the user is escaped in the answer", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("<b>Kabupaten Zzyzx</b> 2023"));
    expect(api.texts()[0]).not.toContain("<b>Kabupaten Zzyzx</b>");
  });

  it("stickers (and other non-text) in a private chat get a short hint", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(sticker());
    expect(api.texts()[0]).toContain("hanya bisa membaca teks");
  });

  it("edited messages are ignored on purpose", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(edited("OKU 2023"));
    expect(api.calls).toEqual([]);
  });

  it("messages older than five minutes (a backlog after downtime) are dropped; repeats too", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("OKU 2023", { date: Math.floor(Date.now() / 1000) - 3600 }));
    expect(api.calls).toEqual([]);
    const update = text("OKU 2023");
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    expect(api.of("sendMessage")).toHaveLength(1);
  });

  it("rate limit: past the limit the user is asked once to slow down; taps and inline queries have their own budgets", async () => {
    const { bot, api } = await makeBot({
      env: { RATE_LIMIT: "3", RATE_LIMIT_CALLBACKS: "2", RATE_LIMIT_INLINE: "2", RATE_WINDOW_SECONDS: "60" },
    });
    const u = user({ id: 4242 });
    for (let i = 0; i < 6; i++) await bot.handleUpdate(text("OKU 2023", { from: u }));
    const texts = api.texts();
    expect(texts.filter((t) => t.includes("Ogan Komering Ulu"))).toHaveLength(3);
    expect(texts.filter((t) => t.includes("Pelan-pelan"))).toHaveLength(1);
    // The messages are used up, the taps are not; past their own budget a tap is still answered.
    for (let i = 0; i < 3; i++) await bot.handleUpdate(callback("t|16", { from: u }));
    const taps = api.of("answerCallbackQuery").map((c) => String(c.payload.text ?? ""));
    expect(taps.filter((t) => t.includes("Pelan-pelan"))).toHaveLength(1);
    expect(taps.at(-1)).toContain("Pelan-pelan");
    for (let i = 0; i < 3; i++) await bot.handleUpdate(inline("OKU", u));
    const inlineAnswers = api.of("answerInlineQuery").map((c) => (c.payload.results as unknown[]).length);
    expect(inlineAnswers.slice(0, 2).every((n) => n > 0)).toBe(true);
    expect(inlineAnswers[2]).toBe(0);
    // Another user is not affected.
    await bot.handleUpdate(text("OKU 2023", { from: user({ id: 4243 }) }));
    expect(api.texts().at(-1)).toContain("Ogan Komering Ulu");
  });

  it("typing a 22-character inline query leaves the message budget whole", async () => {
    const { bot, api } = await makeBot({ env: { RATE_LIMIT: "3", RATE_WINDOW_SECONDS: "60" } });
    const u = user({ id: 4250 });
    const query = "Ogan Komering Ulu 2023";
    for (let i = 1; i <= query.length; i++) await bot.handleUpdate(inline(query.slice(0, i), u));
    for (let i = 0; i < 5; i++) await bot.handleUpdate(callback("l|id", { from: u }));
    await bot.handleUpdate(text("OKU 2023", { from: u }));
    expect(api.of("sendMessage").at(-1)?.payload.text).toContain("Ogan Komering Ulu");
  });

  it("a failing send is logged without the token and the update still completes", async () => {
    const { bot, api, logs } = await makeBot();
    const inner = new Error(
      `request to https://api.telegram.org/bot${TEST_TOKEN}/sendMessage failed, reason: ECONNRESET`,
    );
    api.fail("sendMessage", new HttpError("Network request for 'sendMessage' failed!", inner));
    await expect(bot.handleUpdate(text("OKU 2023"))).resolves.toBeUndefined();
    const errorLine = logs.lines.find((l) => l.includes('"update failed"'));
    expect(errorLine).toContain("/bot[REDACTED]/sendMessage");
    expect(logs.leaks()).toEqual([]);
  });

  it("setMyCommands rejected at start-up is logged, and the bot still works", async () => {
    const { bot, api, core, logs } = await makeBot();
    api.fail("setMyCommands", { error_code: 500, description: "Internal Server Error: method not found" });
    await registerCommands(bot.api, core, logs.logger);
    // Three languages (default, id, en), each a private and a group menu.
    expect(api.of("setMyCommands")).toHaveLength(6);
    expect(logs.lines.filter((l) => l.includes("rejected a start-up call"))).toHaveLength(6);
    // The descriptions are separate calls, still made.
    expect(api.of("setMyDescription")).toHaveLength(3);
    await bot.handleUpdate(text("/start"));
    expect(api.texts()[0]).toContain("Halo Sari");
  });

  it("registers localized command menus: default, id and en", async () => {
    const { bot, api, core, logs } = await makeBot();
    await registerCommands(bot.api, core, logs.logger);
    const [def, id, en] = api.of("setMyCommands").filter((c) => c.payload.scope === undefined);
    expect(def?.payload.language_code).toBeUndefined();
    expect(id?.payload.language_code).toBe("id");
    expect(en?.payload.language_code).toBe("en");
    const names = (c: typeof id) => ((c?.payload.commands ?? []) as { command: string }[]).map((x) => x.command);
    expect(names(id)).toContain("bahasa");
    expect(names(en)).toContain("language");
    expect(((en?.payload.commands ?? []) as { description: string }[])[0]?.description).toMatch(/Start/);
  });

  it("words that are names of JavaScript built-ins get an ordinary answer", async () => {
    const { bot, api } = await makeBot();
    for (const word of ["constructor", "toString", "__proto__", "hasOwnProperty"]) await bot.handleUpdate(text(word));
    expect(api.texts()).toHaveLength(4);
    for (const reply of api.texts()) expect(reply).toMatch(/tidak mengenali|belum memahami/);
  });

  it("an unexpected failure while answering gets an apology, not silence", async () => {
    const core = await testCore();
    const broken = Object.assign(Object.create(core), {
      ask: () => {
        throw new Error("boom");
      },
    });
    const logs = captureLogs();
    const bot = createBot(parseConfig({ BOT_TOKEN: TEST_TOKEN }), {
      core: broken,
      logger: logs.logger,
      storage: new MemorySessionStorage<SessionData>(),
      botInfo: BOT_INFO,
    });
    const api = recordApi(bot);
    await bot.handleUpdate(text("OKU 2024"));
    expect(api.texts()).toEqual(["Maaf, terjadi kesalahan di pihak saya. Silakan coba lagi."]);
    expect(logs.lines.some((l) => l.includes('"update failed"') && l.includes("boom"))).toBe(true);
  });

  it("a Bot API error (GrammyError) in a handler is caught by the error boundary", async () => {
    const { bot, api, logs } = await makeBot();
    api.fail("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await bot.handleUpdate(text("/help"));
    expect(logs.lines.some((l) => l.includes("blocked by the user"))).toBe(true);
  });
});
