import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.ts";
import { isNegated } from "../../src/understand/intent.ts";
import { tokenize } from "../../src/understand/normalize.ts";
import { createUnderstand, type Understand } from "../../src/understand/understand.ts";

let understand: Understand;
beforeAll(async () => {
  understand = createUnderstand(await loadDataset(), { homeProvince: "16" });
});

describe("year", () => {
  it.each([
    ["OKU 2024", 2024],
    ["OKU thn 2023", 2023],
    ["oku tahun 2022?", 2022],
    ["thn 23", 2023],
    ["th 20 muba", 2020],
    ["did Muba win in 2019?", 2019],
    ["OKU", null],
    ["OKU 12", null],
    // The last year written: a question comes after its preamble.
    ["Saya meliput sejak 2019. Apakah OKU menang 2024?", 2024],
    ["2024 atau 2023", 2023],
  ] as const)("%s → %s", (text, year) => {
    expect(understand(text).year).toBe(year);
  });
});

describe("intent", () => {
  it.each([
    ["OKU menang ga?", "status"],
    ["dapet gak OKI thn 2024", "status"],
    ["udah pernah menang Lahat?", "status"],
    ["siapa yang menang 2024", "winners"],
    ["2024", "winners"],
    ["pemenang", "winners"],
    ["menang ga?", "winners"],
    ["Jatim 2020", "winners"],
    ["siapa yang tidak menang 2024", "non_winners"],
    ["yang gak dapet 2023", "non_winners"],
    ["who didn't win in 2023", "non_winners"],
    ["yang kalah 2024", "non_winners"],
    ["tren", "trend"],
    ["grafik OKU", "trend"],
    ["halo", "help"],
    ["apa ini?", "help"],
    ["", "help"],
    ["ganti bahasa ke inggris", "language"],
    ["english please", "language"],
    ["asdfgh", "status"],
    ["qwerty uiop", "unknown"],
    ["siapa presiden indonesia", "unknown"],
    ["😀", "unknown"],
  ] as const)("%s → %s", (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });

  it("names the language asked for", () => {
    expect(understand("english please").language).toBe("en");
    expect(understand("bahasa indonesia dong").language).toBe("id");
    expect(understand("ganti bahasa").language).toBe(null);
  });

  it("reads a trailing 'ga'/'gak' as asking, a negation before a win word as 'not'", () => {
    expect(isNegated(tokenize("menang ga 2024"))).toBe(false);
    expect(isNegated(tokenize("menang atau tidak"))).toBe(false);
    expect(isNegated(tokenize("yang tidak pernah menang"))).toBe(true);
    expect(isNegated(tokenize("did not receive the award"))).toBe(true);
    expect(isNegated(tokenize("non winners"))).toBe(true);
  });

  it("scopes lists to the home province unless another is named", () => {
    expect(understand("siapa yang menang 2024").province).toBe("16");
    expect(understand("siapa yang menang di Jawa Timur 2022").province).toBe("35");
    expect(understand("which regions in South Sumatra did not win in 2024").province).toBe("16");
    expect(understand("OKU 2024").province).toBe(null);
  });

  it("reads a name that is a province and a city as the city unless a list is asked for", () => {
    expect(understand("Jambi 2023").regions.map((r) => r.code)).toEqual(["15.71"]);
    expect(understand("siapa yang menang di Jambi 2020")).toMatchObject({ intent: "winners", province: "15" });
    expect(understand("Gorontalo").ambiguous.map((r) => r.code)).toEqual(["75.01", "75.71"]);
  });

  it("reports a place-like word only when a place was asked about", () => {
    expect(understand("Plmbng 2024").unrecognised?.suggestions.map((r) => r.code)).toEqual(["16.71"]);
    expect(understand("Paly").unrecognised?.text).toBe("Paly"); // as typed
    expect(understand("siapa yang menang 2024 kak cuaca").unrecognised).toBe(null);
    expect(understand("OKU sdfgh 2024").unrecognised).toBe(null);
  });
});
