import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.ts";
import { createUnderstand, type Understand } from "../../src/understand/understand.ts";

let understand: Understand;
beforeAll(async () => {
  understand = createUnderstand(await loadDataset(), { homeProvince: "16" });
});

describe("a command's hint", () => {
  it("makes bare arguments a winners question of the home province, or of the province named", () => {
    expect(understand("", { intent: "winners" })).toMatchObject({ intent: "winners", province: "16", year: null });
    expect(understand("2022", { intent: "winners" })).toMatchObject({ intent: "winners", province: "16", year: 2022 });
    expect(understand("2022 Jawa Timur", { intent: "winners" })).toMatchObject({ province: "35", provinceNamed: true });
    // Jambi is a province and a city; a list asks for the province.
    expect(understand("Jambi", { intent: "winners" })).toMatchObject({ intent: "winners", province: "15" });
  });

  it("asks about a region when the arguments name one", () => {
    const q = understand("OKU", { intent: "winners" });
    expect(q.intent).toBe("status");
    expect(q.regions.map((r) => r.code)).toEqual(["16.01"]);
  });

  it("without a hint the words decide", () => {
    expect(understand("Jambi").regions.map((r) => r.code)).toEqual(["15.71"]);
    expect(understand("2022").intent).toBe("winners");
  });
});
