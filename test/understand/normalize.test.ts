import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.ts";
import { MAX_QUERY_CHARS, normalize, tokenize, undouble } from "../../src/understand/normalize.ts";
import { createUnderstand, type Understand } from "../../src/understand/understand.ts";

describe("normalize", () => {
  it("folds case, diacritics and punctuation", () => {
    expect(normalize("Ógan Ílir, 2024?")).toBe("ogan ilir 2024");
    expect(normalize("OKU-Selatan.")).toBe("oku selatan");
    expect(normalize("Kab.Lahat")).toBe("kab lahat");
    expect(normalize("  Lubuk   Linggau  ")).toBe("lubuk linggau");
  });

  it("squeezes runs of three or more of one letter, and repeated punctuation", () => {
    expect(normalize("OKU!!!")).toBe("oku");
    expect(normalize("menanggg gaaa???")).toBe("menang ga");
    expect(normalize("Palembanggg")).toBe("palembang");
    expect(normalize("muba.....")).toBe("muba");
  });

  it("drops HTML tags but keeps the text between them", () => {
    expect(normalize("<b>OKU</b> <i>2024</i>")).toBe("oku 2024");
    expect(normalize("2 < 3 > 1")).toBe("2 3 1");
  });

  it("leaves emoji-only and punctuation-only messages empty", () => {
    expect(tokenize("😀😀😀")).toEqual([]);
    expect(tokenize("???")).toEqual([]);
  });

  it("cuts very long messages", () => {
    expect(normalize("a ".repeat(1000)).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });

  it("undoes a doubled letter only when that makes a known word", () => {
    expect(undouble("menangg")).toBe("menang");
    expect(undouble("dapett")).toBe("dapet");
    expect(undouble("muratarra")).toBe("muratarra");
    expect(tokenize("Banyuasinn menangg 2024")).toEqual(["banyuasinn", "menang", "2024"]);
    // A place name as typed is never undoubled ("Barru" is not "baru").
    expect(tokenize("Barru baru", (t) => t === "barru")).toEqual(["barru", "baru"]);
  });
});

describe("type words filter the region type", () => {
  let understand: Understand;
  beforeAll(async () => {
    understand = createUnderstand(await loadDataset(), { homeProvince: "16" });
  });
  const codes = (text: string) => {
    const u = understand(text).understood;
    return {
      regions: u.kind === "status" ? u.regions.map((r) => r.code) : [],
      ambiguous: u.kind === "choose" ? u.candidates.map((r) => r.code) : [],
    };
  };

  it("kota, pemkot and city pick the city, kab, kabupaten, pemkab and regency the regency", () => {
    expect(codes("Kota Bandung")).toEqual({ regions: ["32.73"], ambiguous: [] });
    expect(codes("Pemkot Bogor 2020")).toEqual({ regions: ["32.71"], ambiguous: [] });
    expect(codes("Bogor city")).toEqual({ regions: ["32.71"], ambiguous: [] });
    expect(codes("Kab. Bandung")).toEqual({ regions: ["32.04"], ambiguous: [] });
    expect(codes("Pemkab Bogor")).toEqual({ regions: ["32.01"], ambiguous: [] });
    expect(codes("Kabupaten Semarang")).toEqual({ regions: ["33.22"], ambiguous: [] });
  });

  it("is not part of the name, and a wrong type does not hide the region", () => {
    expect(codes("Pemkab Muba")).toEqual({ regions: ["16.06"], ambiguous: [] });
    expect(codes("Kota Lahat")).toEqual({ regions: ["16.04"], ambiguous: [] });
    expect(codes("Kabupaten/Kota Lahat")).toEqual({ regions: ["16.04"], ambiguous: [] });
  });

  it("without a type, a shared name asks", () => {
    expect(codes("Bandung").ambiguous.sort()).toEqual(["32.04", "32.17", "32.73"]);
  });
});
