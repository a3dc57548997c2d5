/** Private-chat conversation through bot.handleUpdate: what a user sends, what they would read. */
import { describe, expect, it } from "vitest";
import { decodeButton, encodeButton } from "../../src/render/callback-data.ts";
import { makeBot } from "../helpers/bot.ts";
import { botMessage, callback, text, user } from "../helpers/updates.ts";

describe("commands in a private chat", () => {
  it("/start greets by name, names the commands and ends with three example-question buttons", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/start"));
    const [reply] = api.texts();
    expect(reply).toContain("Halo Sari");
    expect(reply).toContain("/cek");
    expect(api.buttons(api.of("sendMessage")[0])).toEqual([
      "Apakah OKU menang 2024?",
      "Pemenang Sumsel 2024",
      "Tren Musi Rawas",
    ]);
    expect(api.of("sendMessage")[0]?.payload.parse_mode).toBe("HTML");
  });

  it("/start r_16_01 (deep link) opens Ogan Komering Ulu", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/start r_16_01"));
    expect(api.texts()).toHaveLength(1);
    expect(api.texts()[0]).toContain("Ogan Komering Ulu");
    expect(api.texts()[0]).toMatch(/Meraih penghargaan/i);
  });

  it("a forged or unknown deep link gets the greeting with a short note", async () => {
    const { bot, api } = await makeBot();
    for (const payload of ["r_99_99", "r_16_01_x", "<script>", "r_16.01"]) {
      await bot.handleUpdate(text(`/start ${payload}`));
    }
    expect(api.texts()).toHaveLength(4);
    for (const reply of api.texts()) {
      expect(reply).toContain("Tautan itu tidak saya kenali");
      expect(reply).toContain("Halo Sari");
      expect(reply).not.toContain("<script>");
    }
  });

  it("/help explains how to ask and lists the commands", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/help"));
    expect(api.texts()[0]).toMatch(/Cara bertanya[\s\S]*\/cek[\s\S]*\/tren[\s\S]*\/daftar[\s\S]*\/bahasa/);
  });

  it("/cek OKU 2023 answers the status for that year; /cek alone explains the usage", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/cek OKU 2023"));
    expect(api.texts()[0]).toContain("Ogan Komering Ulu");
    expect(api.texts()[0]).toContain("2023");
    await bot.handleUpdate(text("/cek"));
    expect(api.texts()[1]).toContain("/cek OKU 2023");
  });

  it("/tren shows the home province trend; /tren Musi Rawas the region's", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/tren"));
    expect(api.texts()[0]).toContain("Sumatera Selatan");
    expect(api.texts()[0]).toContain("2024: 15/17");
    await bot.handleUpdate(text("/tren Musi Rawas"));
    expect(api.texts()[1]).toContain("Riwayat Peduli HAM — Kabupaten Musi Rawas");
  });

  it("/tren Musi asks which one, and the chosen one's trend follows, not its status", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/tren Musi"));
    const ask = api.of("sendMessage")[0];
    const picked = api.buttonData(ask).find((d) => decodeButton(d)?.kind === "trend" && d.includes("16.13"));
    expect(picked).toBeDefined();
    api.clear();
    await bot.handleUpdate(callback(picked ?? "", { message: botMessage(String(ask?.payload.text)) }));
    const reply = api.texts().join("\n");
    expect(reply).toContain("Riwayat Peduli HAM — Kabupaten Musi Rawas Utara");
    expect(reply).toMatch(/2024\*? ❌/);
  });

  it("/tren and /daftar with a name that matches nothing say so instead of showing the home province", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/tren Zzyzx"));
    await bot.handleUpdate(text("/daftar Kabupaten Zzyzx 2023"));
    for (const reply of api.texts()) {
      expect(reply).toContain("tidak mengenali “Zzyzx”");
      expect(reply).not.toContain("Sumatera Selatan");
    }
  });

  it("/daftar 2022 lists the Sumsel winners of 2022: Lahat, Musi Rawas, Lubuk Linggau", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/daftar 2022"));
    const reply = api.texts()[0] ?? "";
    for (const name of ["Lahat", "Musi Rawas", "Lubuk Linggau"]) expect(reply).toContain(name);
    expect(reply).toContain("2022");
  });

  it("an unknown command points to /help", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/frobnicate"));
    expect(api.texts()[0]).toContain("/help");
  });
});

describe("free text", () => {
  it("answers a question about a region: OKU won in 2024", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("Apakah OKU meraih penghargaan peduli HAM?"));
    const reply = api.texts()[0] ?? "";
    expect(reply).toContain("Kabupaten Ogan Komering Ulu");
    expect(reply).toMatch(/Meraih penghargaan:.*2024/);
    // The answer offers its trend as a button.
    expect(api.buttonData(api.of("sendMessage")[0])).toContain(encodeButton({ kind: "trend", scope: "16.01" }));
  });

  it("says so when a region did not win: Ogan Ilir in 2024", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("Ogan Ilir 2024"));
    expect(api.texts()[0]).toContain("Ogan Ilir");
    expect(api.texts()[0]).toMatch(/tidak meraih/i);
  });

  it('"Musi" asks which one with buttons; tapping one answers in place', async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("Musi"));
    const ask = api.of("sendMessage")[0];
    expect(api.buttons(ask)).toEqual(
      expect.arrayContaining([expect.stringContaining("Musi Rawas"), expect.stringContaining("Musi Banyuasin")]),
    );
    const data = api.buttonData(ask);
    const picked = data.find((d) => {
      const a = decodeButton(d);
      return a?.kind === "status" && a.codes.includes("16.06");
    });
    expect(picked).toBeDefined();

    api.clear();
    const shown = botMessage(String(ask?.payload.text), { messageId: 777 });
    await bot.handleUpdate(callback(picked ?? "", { message: shown }));
    expect(api.of("answerCallbackQuery")).toHaveLength(1);
    expect(api.of("sendMessage")).toHaveLength(0);
    const edit = api.of("editMessageText")[0];
    expect(edit?.payload.message_id).toBe(777);
    expect(edit?.payload.text).toContain("Musi Banyuasin");
    // The callback was answered before the edit, so the button stops spinning at once.
    expect(api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
  });

  it("tapping a trend button edits the answer into the trend", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(callback(encodeButton({ kind: "trend", scope: "16.05" })));
    expect(api.of("answerCallbackQuery")).toHaveLength(1);
    expect(api.of("editMessageText")[0]?.payload.text).toContain("Musi Rawas");
  });

  it("uses the user's Telegram language on first contact: en-GB gets English", async () => {
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("/start", { from: user({ id: 5, language_code: "en-GB" }) }));
    expect(api.texts()[0]).toContain("Hi Sari");
    await bot.handleUpdate(text("/start", { from: user({ id: 6, language_code: "fr" }) }));
    expect(api.texts()[1]).toContain("Halo Sari");
  });
});
