import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.ts";
import { createPlaceIndex, editBudget, editDistance, type PlaceIndex } from "../../src/understand/place-index.ts";

let index: PlaceIndex;
beforeAll(async () => {
  index = createPlaceIndex(await loadDataset());
});

describe("editDistance", () => {
  it("counts inserts, deletes and substitutions (a swap of neighbours is two)", () => {
    expect(editDistance("palembang", "palembang")).toBe(0);
    expect(editDistance("palembng", "palembang")).toBe(1);
    expect(editDistance("plembng", "palembang")).toBe(2);
    expect(editDistance("palembagn", "palembang")).toBe(2);
    expect(editDistance("", "oku")).toBe(3);
  });

  it("stops past the limit", () => {
    expect(editDistance("asdfgh", "palembang", 2)).toBe(3);
  });
});

describe("editBudget", () => {
  it("allows no typo in short names, more in longer ones", () => {
    expect(editBudget(4)).toBe(0);
    expect(editBudget(6)).toBe(1);
    expect(editBudget(9)).toBe(2);
    expect(editBudget(20)).toBe(3);
  });
});

describe("place index", () => {
  const top = (text: string) => index.fuzzy(text)[0]?.code;

  it("finds typos within the budget, spaced or not", () => {
    expect(top("plembng")).toBe("16.71");
    expect(top("ogan komring ulu")).toBe("16.01");
    expect(top("musi rawas utra")).toBe("16.13");
  });

  it("finds a typo in the first letter without searching everything", () => {
    expect(top("alembang")).toBe("16.71");
    expect(top("falembang")).toBe("16.71");
    expect(top("rabumulih")).toBe("16.74");
  });

  it("finds nothing for words that are not near any name", () => {
    expect(index.fuzzy("asdfgh")).toEqual([]);
    expect(index.fuzzy("bola")).toEqual([]);
  });

  it("offers near misses one edit past the budget as suggestions", () => {
    expect(index.fuzzy("plmbng")).toEqual([]);
    expect(index.near("plmbng")[0]?.code).toBe("16.71");
  });

  it("matches exact names spaced where they are one word", () => {
    expect(index.exactAt(["prabu", "mulih", "2024"], 0)).toBe(2);
    expect(index.exactAt(["ogan", "komering", "ulu", "timur"], 0)).toBe(4);
    expect(index.exactAt(["ya", "tolong"], 0)).toBe(0);
  });

  it("knows the beginnings of names", () => {
    expect(index.prefixed("musi").sort()).toEqual(["16.05", "16.06", "16.13"]);
    expect(index.prefixed("ogan komering").sort()).toEqual(["16.01", "16.02", "16.08", "16.09"]);
  });
});
