/** /ikuti, /berhenti, /langganan and the 🔔 toggle, through bot.handleUpdate and the store, in both languages. */
import { beforeEach, describe, expect, it } from "vitest";
import { type NotifyState, openSqliteNotifyState } from "../../src/notify/state.ts";
import { botMessage, callback, groupChat, privateChat, text, user } from "../helpers/updates.ts";
import { type FollowBot, followBot } from "./helpers.ts";

let state: NotifyState;
let t: FollowBot;
const sari = user({ id: 111, language_code: "id" });
const john = user({ id: 222, first_name: "John", language_code: "en" });
const last = () => t.api.texts().at(-1) ?? "";
const lastCall = () => t.api.calls.filter((c) => c.method === "sendMessage").at(-1);

beforeEach(async () => {
  state = await openSqliteNotifyState(":memory:");
  t = await followBot(state);
});

describe("following in Indonesian", () => {
  it("/ikuti a region stores it before confirming, /langganan lists it with a stop button, /berhenti removes it", async () => {
    await t.bot.handleUpdate(text("/ikuti OKU", { from: sari }));
    expect(await state.follows.list(111)).toEqual([{ chat: 111, scope: "16.01", lang: "id" }]);
    expect(last()).toContain("Anda sekarang mengikuti <b>Kabupaten Ogan Komering Ulu</b>");

    await t.bot.handleUpdate(text("/ikuti OKU", { from: sari }));
    expect(last()).toContain("Anda sudah mengikuti");
    expect(await state.follows.count()).toBe(1);

    await t.bot.handleUpdate(text("/ikuti Sumsel", { from: sari }));
    expect(last()).toContain("<b>Sumatera Selatan</b>");
    expect((await state.follows.list(111)).map((f) => f.scope)).toEqual(["16", "16.01"]);

    await t.bot.handleUpdate(text("/langganan", { from: sari }));
    expect(last()).toContain("Yang Anda ikuti");
    expect(last()).toContain("• Kabupaten Ogan Komering Ulu");
    expect(t.api.buttonData(lastCall())).toEqual(["u|16", "u|16.01"]);

    await t.bot.handleUpdate(text("/berhenti OKU", { from: sari }));
    expect(last()).toContain("tidak lagi mengikuti <b>Kabupaten Ogan Komering Ulu</b>");
    expect((await state.follows.list(111)).map((f) => f.scope)).toEqual(["16"]);

    await t.bot.handleUpdate(text("/berhenti", { from: sari }));
    expect(last()).toContain("(1 dihapus)");
    expect(await state.follows.list(111)).toEqual([]);
    await t.bot.handleUpdate(text("/langganan", { from: sari }));
    expect(last()).toContain("Anda belum mengikuti apa pun");
  });

  it("an ambiguous name asks which one with a 🔔 button per candidate; nothing is stored until a tap", async () => {
    await t.bot.handleUpdate(text("/ikuti Musi", { from: sari }));
    expect(last()).toContain("Yang mana yang ingin Anda ikuti untuk “Musi”?");
    expect(t.api.buttonData(lastCall())).toEqual(["f|16.05", "f|16.06", "f|16.13"]);
    expect(await state.follows.count()).toBe(0);
    const asked = botMessage("…", { chat: privateChat(sari) });
    (asked as { reply_markup?: unknown }).reply_markup = lastCall()?.payload.reply_markup;
    await t.bot.handleUpdate(callback("f|16.06", { from: sari, message: asked }));
    expect(await state.follows.list(111)).toEqual([{ chat: 111, scope: "16.06", lang: "id" }]);
    expect(t.api.of("answerCallbackQuery").at(-1)?.payload.text).toBe("🔔 Mengikuti Kabupaten Musi Banyuasin");
    const edited = t.api.of("editMessageReplyMarkup").at(-1);
    expect(t.api.buttonData(edited)).toEqual(["f|16.05", "u|16.06", "f|16.13"]);
  });

  it("a name that matches nothing, or no name, is not followed", async () => {
    await t.bot.handleUpdate(text("/ikuti xyzzy", { from: sari }));
    expect(last()).toContain("tidak mengenal kabupaten, kota atau provinsi bernama “xyzzy”");
    await t.bot.handleUpdate(text("/ikuti", { from: sari }));
    expect(last()).toContain("Tulis kabupaten, kota atau provinsi setelah /ikuti");
    await t.bot.handleUpdate(text("/ikuti halo", { from: sari }));
    expect(await state.follows.count()).toBe(0);
  });
});

describe("following in English", () => {
  it("/follow, /following, /unfollow", async () => {
    await t.bot.handleUpdate(text("/follow Lubuk Linggau", { from: john }));
    expect(last()).toContain("You now follow <b>Kota Lubuk Linggau</b>");
    expect(await state.follows.list(222)).toEqual([{ chat: 222, scope: "16.73", lang: "en" }]);
    await t.bot.handleUpdate(text("/follow South Sumatra", { from: john }));
    expect(last()).toContain("that year's summary");
    await t.bot.handleUpdate(text("/following", { from: john }));
    expect(last()).toContain("You follow");
    expect(t.api.buttons(lastCall())).toEqual(["🔕 Sumatera Selatan", "🔕 Kota Lubuk Linggau"]);
    await t.bot.handleUpdate(text("/unfollow Lahat", { from: john }));
    expect(last()).toContain("You do not follow <b>Kabupaten Lahat</b>");
    await t.bot.handleUpdate(text("/unfollow", { from: john }));
    expect(last()).toContain("You no longer follow anything (2 removed)");
    expect(await state.follows.count()).toBe(0);
  });
});

describe("the 🔔 toggle under answers", () => {
  it("a region answer and a trend carry it; a tap follows, a second stops", async () => {
    await t.bot.handleUpdate(text("OKU 2024", { from: sari }));
    expect(t.api.buttonData(lastCall())).toContain("f|16.01");
    expect(t.api.buttons(lastCall())).toContain("🔔 Ikuti");
    await t.bot.handleUpdate(text("/tren Sumsel", { from: john }));
    expect(t.api.buttonData(lastCall())).toContain("f|16");

    const answer = botMessage("…", { chat: privateChat(sari) });
    (answer as { reply_markup?: unknown }).reply_markup = {
      inline_keyboard: [[{ text: "🔔 Ikuti", callback_data: "f|16.01" }]],
    };
    await t.bot.handleUpdate(callback("f|16.01", { from: sari, message: answer }));
    expect(await state.follows.isFollowing(111, "16.01")).toBe(true);
    expect(t.api.buttons(t.api.of("editMessageReplyMarkup").at(-1))).toEqual(["🔕 Berhenti mengikuti"]);

    await t.bot.handleUpdate(text("OKU", { from: sari }));
    expect(t.api.buttonData(lastCall())).toContain("u|16.01");
    await t.bot.handleUpdate(callback("u|16.01", { from: sari, message: answer }));
    expect(await state.follows.isFollowing(111, "16.01")).toBe(false);
  });

  it("a forged follow button is refused politely and stores nothing", async () => {
    await t.bot.handleUpdate(callback("f|99.99", { from: sari }));
    await t.bot.handleUpdate(callback("f|16.01|x", { from: sari }));
    expect(await state.follows.count()).toBe(0);
    expect(t.api.of("answerCallbackQuery")).toHaveLength(2);
  });

  it("with the follow store down, the answer still goes out, without the toggle", async () => {
    const broken = { ...state.follows, isFollowing: () => Promise.reject(new Error("redis down")) };
    const down = await followBot({ ...state, follows: broken });
    await down.bot.handleUpdate(text("OKU 2024", { from: sari }));
    const reply = down.api.of("sendMessage").at(-1);
    expect(String(reply?.payload.text)).toContain("Ogan Komering Ulu");
    expect(down.api.buttonData(reply).some((d) => /^[fu]\|/.test(d))).toBe(false);
  });

  it("answers about several regions carry no toggle", async () => {
    await t.bot.handleUpdate(text("OKU dan Lahat 2024", { from: sari }));
    expect(t.api.buttonData(lastCall()).some((d) => /^[fu]\|/.test(d))).toBe(false);
  });
});

describe("groups", () => {
  const group = groupChat(-100_777);
  it("an admin's /ikuti makes the group follow; a member's is refused", async () => {
    let status = "member";
    t.bot.api.config.use((prev, method, payload, signal) =>
      method === "getChatMember"
        ? (Promise.resolve({ ok: true, result: { status, user: sari } }) as never)
        : prev(method, payload, signal),
    );
    await t.bot.handleUpdate(text("/ikuti@kkpham_test_bot OKU", { from: sari, chat: group }));
    expect(last()).toContain("hanya admin grup");
    expect(await state.follows.count()).toBe(0);
    status = "administrator";
    await t.bot.handleUpdate(text("/ikuti@kkpham_test_bot OKU", { from: sari, chat: group }));
    expect(await state.follows.list(-100_777)).toEqual([{ chat: -100_777, scope: "16.01", lang: "id" }]);
  });
});

describe("/start", () => {
  it("says what is stored and how to delete it", async () => {
    await t.bot.handleUpdate(text("/start", { from: john }));
    expect(last()).toContain("What I store: your language choice, and what you follow");
    await t.bot.handleUpdate(text("/start", { from: sari }));
    expect(last()).toContain("/berhenti menghapus semuanya");
  });
});
