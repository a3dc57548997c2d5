/** Inline mode and group behaviour. */
import { describe, expect, it } from "vitest";
import { BOT_INFO, makeBot } from "../helpers/bot.ts";
import { botMessage, groupChat, inline, sticker, text } from "../helpers/updates.ts";

type Article = {
  type: string;
  id: string;
  title: string;
  input_message_content: { message_text: string; parse_mode: string };
};

describe("inline mode", () => {
  it("@bot OKU offers one article per matching region, personal and briefly cached", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(inline("OKU"));
    const call = api.of("answerInlineQuery")[0];
    expect(call?.payload).toMatchObject({ is_personal: true, cache_time: 10 });
    const results = call?.payload.results as Article[];
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results[0]?.title).toContain("Ogan Komering Ulu");
    expect(results[0]?.input_message_content.message_text).toContain("Ogan Komering Ulu");
    expect(results[0]?.input_message_content.parse_mode).toBe("HTML");
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });

  it("an ambiguous name offers each candidate", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(inline("Musi"));
    const titles = ((api.of("answerInlineQuery")[0]?.payload.results ?? []) as Article[]).map((r) => r.title);
    expect(titles).toEqual(
      expect.arrayContaining([expect.stringContaining("Musi Rawas"), expect.stringContaining("Musi Banyuasin")]),
    );
  });

  it("an empty query offers the home province's latest-year winners", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(inline(""));
    const results = api.of("answerInlineQuery")[0]?.payload.results as Article[];
    expect(results).toHaveLength(1);
    expect(results[0]?.input_message_content.message_text).toContain("Sumatera Selatan");
    expect(results[0]?.input_message_content.message_text).toContain("2024");
  });

  it("nonsense gets an empty answer with a button to open the bot", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(inline("qwxzv"));
    const payload = api.of("answerInlineQuery")[0]?.payload;
    expect(payload?.results).toEqual([]);
    expect(payload?.button).toMatchObject({ start_parameter: "inline" });
  });
});

describe("groups", () => {
  const chat = groupChat();

  it("ignores plain text and stickers", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("Apakah OKU meraih penghargaan peduli HAM?", { chat }));
    await bot.handleUpdate(sticker({ chat }));
    expect(api.calls).toEqual([]);
  });

  it("answers a mention, replying to the asking message", async () => {
    const { bot, api } = await makeBot();
    const update = text(`@${BOT_INFO.username} apakah OKU menang 2024?`, { chat });
    await bot.handleUpdate(update);
    const call = api.of("sendMessage")[0];
    expect(call?.payload.text).toContain("Ogan Komering Ulu");
    expect(call?.payload.reply_parameters).toMatchObject({ message_id: update.message?.message_id });
  });

  it("answers a reply to the bot", async () => {
    const { bot, api } = await makeBot();
    const mine = botMessage("…", { chat });
    await bot.handleUpdate(text("Lahat 2022", { chat, replyTo: mine }));
    expect(api.texts()[0]).toContain("Lahat");
  });

  it("answers /cmd@ThisBot and plain /cmd, not /cmd@OtherBot", async () => {
    const { bot, api } = await makeBot();
    const update = text(`/cek@${BOT_INFO.username} OKU 2023`, { chat });
    await bot.handleUpdate(update);
    expect(api.texts()[0]).toContain("Ogan Komering Ulu");
    expect(api.of("sendMessage")[0]?.payload.reply_parameters).toMatchObject({
      message_id: update.message?.message_id,
    });
    await bot.handleUpdate(text("/help", { chat }));
    expect(api.texts()).toHaveLength(2);
    await bot.handleUpdate(text("/cek@OtherBot OKU", { chat }));
    await bot.handleUpdate(text("/unknown", { chat }));
    expect(api.texts()).toHaveLength(2);
  });

  it("a mention of someone else is not for the bot", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("@budi OKU menang?", { chat }));
    expect(api.calls).toEqual([]);
  });
});

describe("our own inline answers posted into a chat", () => {
  it("are not answered again", async () => {
    const { bot, api } = await makeBot();
    const update = text("Kabupaten Ogan Komering Ulu, Sumatera Selatan");
    if (update.message) update.message.via_bot = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name };
    await bot.handleUpdate(update);
    expect(api.calls).toEqual([]);
  });
});
