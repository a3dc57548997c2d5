/**
 * Questions about the award itself, as conversations: the programme, its ceremonies, national
 * and provincial results and a region's record, in both languages, each citing its source,
 * and the honest "not found" cases. The clock is fixed at 1 December 2026 (test/helpers/bot.ts).
 */
import { describe, expect, it } from "vitest";
import { makeBot } from "../helpers/bot.ts";
import { text, user } from "../helpers/updates.ts";

const english = user({ id: 222, first_name: "Ann", language_code: "en" });

async function ask(question: string, lang: "id" | "en" = "id"): Promise<string> {
  const { bot, api } = await makeBot();
  await bot.handleUpdate(text(question, lang === "en" ? { from: english } : {}));
  return api.texts().join("\n");
}

const SOURCE_ID = /Sumber: <a href="https?:\/\//;
const SOURCE_EN = /Sources?: <a href="https?:\/\//;

describe("the programme", () => {
  it("what KKPHAM is, with its legal basis and only Peduli counting as a win", async () => {
    const id = await ask("apa itu KKPHAM?");
    expect(id).toContain("Apa itu Kabupaten/Kota Peduli HAM?");
    expect(id).toContain("Permenkumham 22/2021");
    expect(id).toMatch(SOURCE_ID);
    const en = await ask("what is the KKPHAM award?", "en");
    expect(en).toContain("What is the Kabupaten/Kota Peduli HAM award?");
    expect(en).toMatch(/Only <b>Peduli<\/b> counts as winning/);
    expect(en).toMatch(SOURCE_EN);
  });

  it("the criteria count their rights groups and indicators from the data", async () => {
    const reply = await ask("apa saja kriteria penilaiannya?");
    expect(reply).toMatch(/10 kelompok hak/);
    expect(reply).toMatch(/120 indikator/);
  });

  it("why 2021 had no round", async () => {
    expect(await ask("kenapa 2021 tidak ada penilaian?")).toMatch(/COVID-19/);
    expect(await ask("why was there no round in 2021?", "en")).toMatch(/cancelled so that regional governments/);
  });
});

describe("ceremonies", () => {
  it("this year's is still ahead on 1 December: when it is expected, and the latest one held", async () => {
    const id = await ask("kapan upacaranya?");
    expect(id).toMatch(/Upacara 2026 belum digelar/);
    expect(id).toMatch(/10 Desember 2026/);
    expect(id).toContain("Upacara Peduli HAM 2025");
    expect(id).toContain("Tennis Indoor Senayan");
    // 2025: held, and no result list found.
    expect(id).toMatch(/belum ditemukan di sumber yang terbit/);
    const en = await ask("when is the ceremony this year?", "en");
    expect(en).toMatch(/The 2026 ceremony has not been held yet/);
  });

  it("a past ceremony: when, where, who handed the awards over, in the user's language", async () => {
    const id = await ask("upacara 2024 di mana?");
    expect(id).toContain("10 Desember 2024");
    expect(id).toContain("TMII");
    expect(id).toContain("Menteri HAM Natalius Pigai");
    expect(id).toMatch(SOURCE_ID);
    const en = await ask("where was the 2017 ceremony?", "en");
    expect(en).toContain("President Joko Widodo");
    expect(en).toContain("The Sunan Hotel, Solo");
  });
});

describe("national results", () => {
  it("states the best supported count and every competing figure with its source", async () => {
    const reply = await ask("berapa kabupaten/kota se-Indonesia yang menang 2022?");
    expect(reply).toMatch(/<b>170<\/b> kabupaten\/kota meraih predikat Peduli HAM/);
    expect(reply).toMatch(/Sumber lain \(seru\.co\.id\) menyebut 181/);
    // Never the home province's list for a question about Indonesia.
    expect(reply).not.toContain("Sumatera Selatan");
  });

  it("says plainly when no national count was found", async () => {
    expect(await ask("how many regencies won nationally in 2014?", "en")).toMatch(
      /No national count for 2014 was found/,
    );
    expect(await ask("berapa yang menang se-Indonesia 2025")).toMatch(/tidak ditemukan/);
  });
});

describe("provincial and leadership awards", () => {
  it("the governor of Sumsel in 2023, with the rule and the province's count", async () => {
    const reply = await ask("apakah gubernur sumsel dapat penghargaan 2023?");
    expect(reply).toMatch(/✅ 2023: Pj Gubernur Sumatera Selatan/);
    expect(reply).toMatch(/sedikitnya 60%/);
    expect(reply).toMatch(/12 dari 17/);
    expect(reply).toMatch(SOURCE_ID);
  });

  it("the regional office, in English", async () => {
    const reply = await ask("did the kanwil of south sumatra get the award in 2024?", "en");
    expect(reply).toMatch(/✅ 2024: .*Ilham Djaya/);
    expect(reply).toMatch(/15 of 17/);
  });

  it("a province-year no source names says so", async () => {
    expect(await ask("apakah gubernur bengkulu dapat penghargaan 2018?")).toMatch(
      /tidak menyebut penghargaan provinsi atau kantor wilayah untuk Bengkulu pada 2018/,
    );
  });
});

describe("a region's record", () => {
  it("how many times, in one sentence first, then the history", async () => {
    const reply = await ask("berapa kali OKU menang?");
    const lines = reply.split("\n");
    expect(lines[1]).toMatch(/meraih penghargaan <b>\d+ kali<\/b> menurut data kami/);
    expect(reply).toMatch(/Meraih penghargaan: .*2024/);
    expect(reply).toMatch(/jumlah sebenarnya bisa lebih banyak/);
  });

  it("first and last win, and the longest streak, in English", async () => {
    expect(await ask("when did Lahat first win?", "en")).toMatch(/first won the award in <b>2017<\/b>/);
    expect(await ask("when did Palembang last win?", "en")).toMatch(/last won the award in <b>\d{4}<\/b>/);
    expect(await ask("OKU berapa kali berturut-turut menang")).toMatch(/kali berturut-turut<\/b>/);
  });

  it("'this year' before the ceremony: the result is not out yet", async () => {
    expect(await ask("apakah OKU menang tahun ini?")).toMatch(/2026: upacara tahun ini belum digelar/);
    expect(await ask("did OKU win this year?", "en")).toMatch(/2026: this year's ceremony has not been held yet/);
  });

  it("2025: held, and no result list found in published sources", async () => {
    expect(await ask("OKU 2025")).toMatch(/2025: upacara sudah digelar, tetapi daftar hasil KKPHAM belum ditemukan/);
  });
});

describe("partial years", () => {
  it("lead with what is known; the headline never contradicts its note", async () => {
    const reply = await ask("siapa yang menang 2019");
    expect(reply.split("\n")[1]).toMatch(/Berita melaporkan <b>12 pemenang<\/b>.*3 di antaranya/);
    expect(reply).not.toMatch(/3 dari 17 kabupaten\/kota meraih/);
    const en = await ask("who won in 2019?", "en");
    expect(en.split("\n")[1]).toMatch(/The news reported <b>12 winners<\/b>.*our sources name 3 of them/);
  });
});

describe("results the sources disagree on", () => {
  it("say so beside the result (Palembang 2022: the city says it won, the list does not name it)", async () => {
    const reply = await ask("palembang 2022");
    expect(reply).toMatch(/❌ 2022: <b>tidak meraih<\/b>/);
    expect(reply).toContain("2022: sumber-sumber berbeda tentang hasil ini");
    expect(await ask("OKU 2024")).not.toContain("sumber-sumber berbeda");
  });
});
