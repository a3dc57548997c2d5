/**
 * Understanding as a user would notice it: which question a message is taken to ask (a Request)
 * or what the bot asks back (a Clarification), never another question in its place.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.ts";
import { isNegated } from "../../src/understand/kind.ts";
import { tokenize } from "../../src/understand/normalize.ts";
import type { Understood } from "../../src/understand/request.ts";
import { createUnderstand, type Hint, type Understand } from "../../src/understand/understand.ts";

let understand: Understand;
beforeAll(async () => {
  understand = createUnderstand(await loadDataset(), {
    homeProvince: "16",
    now: () => new Date("2026-12-01T12:00:00Z"),
  });
});

/** The parts of an Understood a test asserts on. */
function view(text: string, hint?: Hint) {
  const u: Understood = understand(text, hint).understood;
  const codes = (list: { code: string }[]) => list.map((r) => r.code);
  return {
    kind: u.kind,
    ...(u.kind === "list" ? { mode: u.mode, province: u.province } : {}),
    ...("year" in u ? { year: u.year } : {}),
    ...(u.kind === "status" ? { regions: codes(u.regions) } : {}),
    ...(u.kind === "record" ? { regions: [u.region.code], focus: u.focus } : {}),
    ...(u.kind === "trend" ? { scope: u.scope } : {}),
    ...(u.kind === "choose" ? { candidates: codes(u.candidates), ask: u.ask.kind } : {}),
    ...(u.kind === "confirm" ? { guess: u.guess.code, ask: u.ask.kind } : {}),
    ...(u.kind === "not_recognised" ? { text: u.text, suggestions: codes(u.suggestions) } : {}),
    ...(u.kind === "smalltalk" ? { say: u.say } : {}),
    ...(u.kind === "language" ? { language: u.language } : {}),
    ...(u.kind === "programme" ? { topic: u.topic } : {}),
    ...(u.kind === "provincial" ? { province: u.province, office: u.office } : {}),
  };
}

describe("the year asked about", () => {
  it.each([
    ["OKU 2024", 2024],
    ["OKU thn 2023", 2023],
    ["thn 23 OKU", 2023],
    ["OKU '22", 2022],
    ["OKU", null],
    ["OKU 12", null],
    // The last year written: a question comes after its preamble.
    ["Saya meliput sejak 2019. Apakah OKU menang 2024?", 2024],
    // "tahun ini" from the injected clock (2026-12-01).
    ["OKU menang tahun ini?", 2026],
    ["did OKU win last year", 2025],
  ] as const)("%s → %s", (text, year) => {
    expect(view(text)).toMatchObject({ kind: "status", year });
  });
});

describe("kinds of question", () => {
  it.each([
    ["OKU menang ga?", { kind: "status", regions: ["16.01"] }],
    ["siapa yang menang 2024", { kind: "list", mode: "winners", province: "16", year: 2024 }],
    ["siapa yang tidak menang 2024", { kind: "list", mode: "non_winners" }],
    ["who didn't win in 2023", { kind: "list", mode: "non_winners" }],
    ["siapa yang menang di Jawa Timur 2022", { kind: "list", province: "35" }],
    ["tren", { kind: "trend", scope: "16" }],
    ["grafik OKU", { kind: "trend", scope: "16.01" }],
    ["berapa kali OKU menang?", { kind: "record", regions: ["16.01"], focus: "count" }],
    ["kapan pertama kali Lahat menang", { kind: "record", focus: "first" }],
    ["kapan terakhir Palembang menang", { kind: "record", focus: "last" }],
    ["apa itu KKPHAM?", { kind: "programme", topic: "about" }],
    ["apa saja kriteria penilaiannya", { kind: "programme", topic: "criteria" }],
    ["kenapa 2021 tidak ada penilaian?", { kind: "programme", topic: "no_round" }],
    ["kapan upacaranya?", { kind: "ceremony", year: null }],
    ["where was the 2023 ceremony", { kind: "ceremony", year: 2023 }],
    ["berapa kabupaten/kota se-Indonesia yang menang 2022", { kind: "national", year: 2022 }],
    ["apakah gubernur sumsel dapat penghargaan 2023?", { kind: "provincial", province: "16", office: "governor" }],
    ["did the regional office of Lampung get the award in 2024", { kind: "provincial", office: "kanwil" }],
    ["apa ini?", { kind: "help" }],
    ["", { kind: "help" }],
    ["english please", { kind: "language", language: "en" }],
    ["bahasa indonesia dong", { kind: "language", language: "id" }],
    ["ganti bahasa", { kind: "language", language: null }],
  ] as const)("%s", (text, want) => {
    expect(view(text)).toMatchObject(want);
  });
});

describe("never another question in place of the one asked", () => {
  it.each([
    "qwerty uiop",
    "siapa presiden indonesia",
    "😀",
    "cuaca besok palembang?",
    "siapa bupati OKU sekarang",
    "siapa gubernur sumsel sekarang",
    "harga cabai",
    "rumah makan padang enak",
    "batu bata harganya berapa",
    "what is the capital of indonesia",
  ])("%s → not understood", (text) => {
    expect(view(text).kind).toBe("not_understood");
  });

  it.each([
    ["terima kasih", "thanks"],
    ["makasih banyak ya min", "thanks"],
    ["wkwkwk", "laugh"],
    ["ok siap", "ack"],
    ["thanks!", "thanks"],
    ["halo", "greeting"],
    ["selamat pagi", "greeting"],
  ] as const)("%s → small talk (%s), never 'not a region'", (text, say) => {
    expect(view(text)).toEqual({ kind: "smalltalk", say });
  });
});

describe("places", () => {
  it("a shortened direction word after a base name is the longer name", () => {
    expect(view("OKU Sel 2024")).toMatchObject({ kind: "status", regions: ["16.09"] });
    expect(view("OKU Tim")).toMatchObject({ kind: "status", regions: ["16.08"] });
    expect(view("Mura Ut 2020")).toMatchObject({ kind: "status", regions: ["16.13"] });
    expect(view("Bolmong Sel")).toMatchObject({ kind: "status", regions: ["71.11"] });
  });

  it("English Regency/City pick the type, as Kabupaten/Kota do", () => {
    expect(view("Bandung Regency 2024")).toMatchObject({ regions: ["32.04"] });
    expect(view("City of Bandung")).toMatchObject({ regions: ["32.73"] });
    expect(view("the regency of Bogor")).toMatchObject({ regions: ["32.01"] });
    expect(view("Bandung")).toMatchObject({ kind: "choose", ask: "status" });
  });

  it("a name that is also an ordinary word is a place only where the sentence treats it as one", () => {
    expect(view("Kota Batu 2023")).toMatchObject({ kind: "status", regions: ["35.79"] });
    expect(view("Padang menang 2024?")).toMatchObject({ kind: "status", regions: ["13.71"] });
    expect(view("Padang")).toMatchObject({ kind: "status", regions: ["13.71"] });
    expect(view("buru buru banget kak").kind).toBe("not_understood");
  });

  it("a name from another province is that region, never a Sumsel look-alike", () => {
    expect(view("Pati 2024")).toMatchObject({ regions: ["33.18"] });
  });

  it("reads a name that is a province and a city as the city unless a list is asked for", () => {
    expect(view("Jambi 2023")).toMatchObject({ regions: ["15.71"] });
    expect(view("siapa yang menang di Jambi 2020")).toMatchObject({ kind: "list", province: "15" });
    expect(view("Gorontalo")).toMatchObject({ kind: "choose", candidates: ["75.01", "75.71"] });
  });

  it("a typo within the budget and with a clear margin is the place; one without a margin is asked about", () => {
    expect(view("Plembang menang?")).toMatchObject({ kind: "status", regions: ["16.71"] });
    expect(view("samoisr 2024")).toMatchObject({ kind: "status", regions: ["12.17"] }); // swapped letters
    expect(view("sungai menang 2024")).toMatchObject({ kind: "confirm", guess: "15.72" });
  });

  it("reports a place-like word only where a place was asked about, as typed", () => {
    expect(view("Plmbng 2024")).toMatchObject({ kind: "not_recognised", suggestions: ["16.71"] });
    expect(view("Paly")).toMatchObject({ kind: "not_recognised", text: "Paly" });
    expect(view("Kabupaten Zzyzx")).toMatchObject({ kind: "not_recognised", text: "Zzyzx" });
    expect(view("rekomendasi hp murah").kind).toBe("not_understood");
  });

  it("keeps the regions already certain when another name needs a choice", () => {
    const u = understand("OKU dan Musi 2024").understood;
    expect(u.kind).toBe("choose");
    if (u.kind !== "choose" || u.ask.kind !== "status") throw new Error("expected a status choice");
    expect(u.ask.with.map((r) => r.code)).toEqual(["16.01"]);
  });
});

describe("a command's hint", () => {
  it("makes bare arguments a winners question of the home province, or of the province named", () => {
    expect(view("", { kind: "list" })).toMatchObject({ kind: "list", province: "16", year: null });
    expect(view("2022", { kind: "list" })).toMatchObject({ kind: "list", province: "16", year: 2022 });
    expect(view("2022 Jawa Timur", { kind: "list" })).toMatchObject({ province: "35" });
    // Jambi is a province and a city; a list asks for the province.
    expect(view("Jambi", { kind: "list" })).toMatchObject({ kind: "list", province: "15" });
  });

  it("asks about a region when the arguments name one", () => {
    expect(view("OKU", { kind: "list" })).toMatchObject({ kind: "status", regions: ["16.01"] });
    expect(view("Musi", { kind: "trend" })).toMatchObject({ kind: "choose", ask: "trend" });
  });
});

describe("negation", () => {
  it("reads a trailing 'ga'/'gak' as asking, a negation before a win word as 'not'", () => {
    expect(isNegated(tokenize("menang ga 2024"))).toBe(false);
    expect(isNegated(tokenize("yang tidak pernah menang"))).toBe(true);
    expect(isNegated(tokenize("did not receive the award"))).toBe(true);
    expect(isNegated(tokenize("yang gk menang"))).toBe(true);
  });
});

describe("what the reviews found", () => {
  it("a year range with 2021 names the cancelled year, not the last one", async () => {
    const { makeBot } = await import("../helpers/bot.ts");
    const { text } = await import("../helpers/updates.ts");
    const { bot, api } = await makeBot();
    await bot.handleUpdate(text("oki dari 2014 sampai 2024"));
    const reply = api.texts().join("\n");
    expect(reply).toContain("Penilaian tahun 2021 dibatalkan.");
    expect(reply).not.toContain("2024 dibatalkan");
  });

  it.each([
    ["Has Lahat won since 2020?", [2020, 2026]],
    ["Did OKU win before 2017?", [2013, 2016]],
    ["How many times did OKU win between 2015 and 2020?", [2015, 2020]],
    ["oku dari 2017 sampai 2020", [2017, 2020]],
  ] as const)("%s asks about every year in its span", (question, [from, to]) => {
    const u = understand(question).understood;
    if (u.kind !== "status") throw new Error(`expected a status question, got ${u.kind}`);
    expect(u.years?.[0]).toBe(from);
    expect(u.years?.at(-1)).toBe(to);
  });

  it.each([
    ["lahat menang gak 2024, bener kan?", ["16.04"]],
    ["kepala desa dan kaur desa di lahat, lahat menang 2024?", ["16.04"]],
    ["saya tinggal di lahat, tapi mau tanya soal palembang 2023", ["16.71"]],
    ["my hometown is Lahat, did Palembang win in 2020?", ["16.71"]],
    ["I live in Baturaja. Did Palembang win in 2024?", ["16.71"]],
  ] as const)("%s is about exactly the place asked", (question, regions) => {
    expect(view(question)).toMatchObject({ kind: "status", regions });
  });

  it.each([
    ["selain palembang siapa lagi yang menang 2015", { kind: "list", year: 2015 }],
    ["Has Bengkulu province won?", { kind: "provincial", province: "17" }],
    ["kanwil sumsel 2023", { kind: "provincial", office: "kanwil" }],
    ["belitang 2020", { kind: "confirm", guess: "16.08" }],
    ["indralaya 2024", { kind: "confirm", guess: "16.10" }],
  ] as const)("%s", (question, want) => {
    expect(view(question)).toMatchObject(want);
  });

  it.each([
    "adipura palembang 2023",
    "penghargaan kota layak anak palembang",
    "daerah sumsel yang menang 2023 tapi tidak 2022",
    "Which regions won every year?",
    "which region has won the most",
    "pilkada oku 2024 siapa yang menang",
    "tren nasional",
  ])("%s → not understood, never another question's answer", (question) => {
    expect(view(question).kind).toBe("not_understood");
  });
});
