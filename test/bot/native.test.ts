/**
 * Feeling like a native Telegram bot, as the recorded API calls show it: inline autocomplete
 * by prefix, region keyboards that fit a phone (short labels, two a row, eight a page with
 * ‹ ›), example-question buttons under /start and /help, a share button under every region
 * answer, a reaction for a thank-you in a group, and the profile texts and group menu set at
 * start-up.
 */
import { describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.ts";
import { decodeButton, encodeButton } from "../../src/render/callback-data.ts";
import type { Call } from "../helpers/api.ts";
import { BOT_INFO, makeBot } from "../helpers/bot.ts";
import { botMessage, callback, groupChat, inline, text, user } from "../helpers/updates.ts";

type Article = { id: string; title: string; input_message_content: { message_text: string } };
type Key = { text: string; callback_data?: string; url?: string };

const titles = (call: Call | undefined) => ((call?.payload.results ?? []) as Article[]).map((r) => r.title);
const rowsOf = (call: Call | undefined) =>
  ((call?.payload.reply_markup as { inline_keyboard?: Key[][] } | undefined)?.inline_keyboard ?? []) as Key[][];

describe("inline autocomplete", () => {
  it("a half-typed name finds it: @bot prabu → Kota Prabumulih", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(inline("prabu"));
    expect(titles(api.of("answerInlineQuery")[0])[0]).toBe("Kota Prabumulih");
  });

  it("results narrow with each keystroke, best first", async () => {
    const { bot, api } = await makeBot();
    for (const q of ["Ogan Komering Ul", "Ogan Komering Ulu T", "OKUT"]) await bot.handleUpdate(inline(q));
    const [partial, narrower, alias] = api.of("answerInlineQuery").map(titles);
    expect(partial).toEqual(
      expect.arrayContaining([
        "Kabupaten Ogan Komering Ulu",
        "Kabupaten Ogan Komering Ulu Timur",
        "Kabupaten Ogan Komering Ulu Selatan",
      ]),
    );
    expect(partial?.[0]).toBe("Kabupaten Ogan Komering Ulu");
    expect(narrower).toEqual(["Kabupaten Ogan Komering Ulu Timur"]);
    expect(alias?.[0]).toBe("Kabupaten Ogan Komering Ulu Timur");
  });

  it("a later word of a name matches too, the home province first, at most 50 results", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(inline("rawas"));
    await bot.handleUpdate(inline("ka"));
    const [rawas, ka] = api.of("answerInlineQuery").map(titles);
    expect(rawas).toEqual(expect.arrayContaining(["Kabupaten Musi Rawas", "Kabupaten Musi Rawas Utara"]));
    expect(ka?.length).toBe(50);
    const results = api.of("answerInlineQuery")[1]?.payload.results as Article[];
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const r of results) expect(r.id.length).toBeLessThanOrEqual(64);
  });

  it("inline queries do not count against the message rate limit", async () => {
    const { bot, api } = await makeBot({ env: { RATE_LIMIT: "2", RATE_WINDOW_SECONDS: "60" } });
    const u = user({ id: 5151 });
    for (const q of ["o", "og", "oga", "ogan", "ogan k"]) await bot.handleUpdate(inline(q, u));
    expect(api.of("answerInlineQuery").every((c) => (c.payload.results as unknown[]).length > 0)).toBe(true);
    await bot.handleUpdate(text("OKU 2023", { from: u }));
    expect(api.texts()[0]).toContain("Ogan Komering Ulu");
  });
});

describe("region keyboards that fit a phone", () => {
  it("the province trend: short labels, two a row, eight a page, then ‹ n/N ›", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/tren"));
    const rows = rowsOf(api.of("sendMessage")[0]);
    const regionRows = rows.slice(0, -1);
    expect(regionRows.map((r) => r.map((b) => b.text))).toEqual([
      ["OKU", "OKI"],
      ["Muara Enim", "Lahat"],
      ["Mura", "Muba"],
      ["Banyuasin", "OKUT"],
    ]);
    expect(rows.at(-1)?.map((b) => b.text)).toEqual(["1/3", "›"]);
    for (const b of rows.flat()) expect(Buffer.byteLength(b.callback_data ?? "")).toBeLessThanOrEqual(64);
  });

  it("› edits only the keyboard to the next page; ‹ goes back", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/tren"));
    const next = rowsOf(api.of("sendMessage")[0]).at(-1)?.at(-1)?.callback_data ?? "";
    expect(decodeButton(next)).toEqual({ kind: "trend_page", scope: "16", page: 1 });
    const shown = botMessage("Tren", { messageId: 77 });
    await bot.handleUpdate(callback(next, { message: shown }));
    const edit = api.of("editMessageReplyMarkup")[0];
    expect(edit?.payload.message_id).toBe(77);
    expect(rowsOf(edit).map((r) => r.map((b) => b.text))).toEqual([
      ["OKUS", "OI"],
      ["Empat Lawang", "PALI"],
      ["Muratara", "Palembang"],
      ["Pagar Alam", "Lubuk Linggau"],
      ["‹", "2/3", "›"],
    ]);
    await bot.handleUpdate(callback(encodeButton({ kind: "trend_page", scope: "16", page: 2 }), { message: shown }));
    expect(rowsOf(api.of("editMessageReplyMarkup")[1]).map((r) => r.map((b) => b.text))).toEqual([
      ["Prabumulih"],
      ["‹", "3/3"],
    ]);
    expect(api.of("sendMessage")).toHaveLength(1);
  });

  it("Jawa Timur's 38 regions: five pages, every label unique, never over 100 buttons", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/tren Jawa Timur"));
    const rows = rowsOf(api.of("sendMessage")[0]);
    expect(rows.flat().length).toBeLessThanOrEqual(8 + 2);
    expect(rows.every((r) => r.length <= 3)).toBe(true);
    expect(rows.at(-1)?.map((b) => b.text)).toEqual(["1/5", "›"]);
    const labels: string[] = [];
    for (let page = 0; page < 5; page++) {
      await bot.handleUpdate(callback(encodeButton({ kind: "trend_page", scope: "35", page })));
      labels.push(
        ...rowsOf(api.of("editMessageReplyMarkup").at(-1))
          .slice(0, -1)
          .flat()
          .map((b) => b.text),
      );
    }
    expect(labels).toHaveLength(38);
    expect(new Set(labels).size).toBe(38);
    expect(labels).toEqual(expect.arrayContaining(["Kediri", "Kota Kediri"]));
  });

  it("forged page data gets the stale toast", async () => {
    const { bot, api } = await makeBot();
    for (const data of ["tp|16|13", "tp|16.01|1", "tp|99|1", "tp|16|-1", "a|3", "a|x"]) {
      await bot.handleUpdate(callback(data));
    }
    expect(api.of("answerCallbackQuery").every((c) => String(c.payload.text).includes("tidak berlaku"))).toBe(true);
    expect(api.of("editMessageReplyMarkup")).toHaveLength(0);
  });
});

describe("/start and /help", () => {
  it("/help fits one screen and ends with three example buttons; a tap answers the question", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/help"));
    const help = api.of("sendMessage")[0];
    expect(String(help?.payload.text).split("\n").length).toBeLessThanOrEqual(16);
    const rows = rowsOf(help);
    expect(rows.map((r) => r.length)).toEqual([1, 1, 1]);
    const data = rows.map((r) => r[0]?.callback_data ?? "");
    expect(data.map(decodeButton)).toEqual([0, 1, 2].map((example) => ({ kind: "ask", example })));
    api.clear();
    await bot.handleUpdate(callback(data[1] ?? ""));
    expect(api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(api.texts()[0]).toContain("Sumatera Selatan");
    expect(api.texts()[0]).toContain("2024");
  });

  it("in English the examples are English questions", async () => {
    const { bot, api } = await makeBot();
    const en = user({ id: 808, language_code: "en" });
    await bot.handleUpdate(text("/start", { from: en }));
    expect(api.buttons(api.of("sendMessage")[0])).toEqual([
      "Did OKU win in 2024?",
      "South Sumatra winners 2024",
      "Musi Rawas trend",
    ]);
    await bot.handleUpdate(callback(encodeButton({ kind: "ask", example: 2 }), { from: en }));
    expect(api.texts().at(-1)).toContain("Musi Rawas");
  });
});

describe("share and reactions", () => {
  it("every region answer has a share button with the deep link t.me/<bot>?start=r_…", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("OKU 2023"));
    await bot.handleUpdate(text("/tren Muba"));
    await bot.handleUpdate(text("berapa kali Lahat menang"));
    for (const call of api.of("sendMessage")) {
      const share = rowsOf(call)
        .flat()
        .find((b) => b.url);
      expect(share?.text).toBe("📤 Bagikan");
      const url = new URL(share?.url ?? "");
      expect(url.origin + url.pathname).toBe("https://t.me/share/url");
      expect(url.searchParams.get("url")).toMatch(
        new RegExp(`^https://t\\.me/${BOT_INFO.username}\\?start=r_16_0[146]$`),
      );
    }
    // The link opens the region (start.ts), so what is shared is what was seen.
    const link = new URL(
      new URL(
        rowsOf(api.of("sendMessage")[0])
          .flat()
          .find((b) => b.url)?.url ?? "",
      ).searchParams.get("url") ?? "",
    );
    api.clear();
    await bot.handleUpdate(text(`/start ${link.searchParams.get("start")}`));
    expect(api.texts()[0]).toContain("Ogan Komering Ulu");
  });

  it("a list or a question back carries no share button", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("siapa saja yang menang 2024"));
    await bot.handleUpdate(text("Musi"));
    for (const call of api.of("sendMessage"))
      expect(
        rowsOf(call)
          .flat()
          .some((b) => b.url),
      ).toBe(false);
  });

  it("a thank-you in a group gets a 🙏 reaction instead of a message; in private a reply", async () => {
    const { bot, api } = await makeBot();
    const chat = groupChat();
    const update = text(`@${BOT_INFO.username} terima kasih`, { chat });
    await bot.handleUpdate(update);
    expect(api.calls.map((c) => c.method)).toEqual(["setMessageReaction"]);
    expect(api.of("setMessageReaction")[0]?.payload).toMatchObject({
      chat_id: chat.id,
      message_id: update.message?.message_id,
      reaction: [{ type: "emoji", emoji: "🙏" }],
    });
    api.clear();
    await bot.handleUpdate(text("terima kasih"));
    expect(api.calls.map((c) => c.method)).toEqual(["sendMessage"]);
  });

  it("a group that refuses the reaction gets the one-line reply", async () => {
    const { bot, api } = await makeBot();
    api.fail("setMessageReaction", { error_code: 400, description: "Bad Request: REACTION_INVALID" });
    await bot.handleUpdate(text(`@${BOT_INFO.username} makasih`, { chat: groupChat() }));
    expect(api.of("sendMessage")[0]?.payload.text).toContain("Sama-sama");
  });
});

describe("start-up: profile texts and menus", () => {
  it("sets the description and short description per language and the default, and a group menu", async () => {
    const { bot, api, core, logs } = await makeBot();
    await registerCommands(bot.api, core, logs.logger);
    const desc = api.of("setMyDescription");
    const short = api.of("setMyShortDescription");
    expect(desc.map((c) => c.payload.language_code)).toEqual([undefined, "id", "en"]);
    expect(short.map((c) => c.payload.language_code)).toEqual([undefined, "id", "en"]);
    expect(desc[0]?.payload.description).toBe(desc[1]?.payload.description);
    expect(desc[2]?.payload.description).toContain("Human Rights Friendly");
    for (const c of desc) expect(String(c.payload.description).length).toBeLessThanOrEqual(512);
    for (const c of short) expect(String(c.payload.short_description).length).toBeLessThanOrEqual(120);
    expect(short[1]?.payload.short_description).toContain("Peduli HAM");

    const group = api.of("setMyCommands").filter((c) => c.payload.scope !== undefined);
    expect(group.map((c) => [c.payload.scope, c.payload.language_code])).toEqual([
      [{ type: "all_group_chats" }, undefined],
      [{ type: "all_group_chats" }, "id"],
      [{ type: "all_group_chats" }, "en"],
    ]);
    const names = ((group[2]?.payload.commands ?? []) as { command: string }[]).map((c) => c.command);
    expect(names).toEqual(["cek", "tren", "daftar", "help"]);
    expect(logs.lines.filter((l) => l.includes("rejected"))).toEqual([]);
  });
});
