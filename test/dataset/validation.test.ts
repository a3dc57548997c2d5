import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build.ts";
import { DataError } from "../../src/dataset/errors.ts";
import { realTexts, withLine } from "./fixtures.ts";

const texts = realTexts();
const SRC = "https://example.org/source";

/** Builds with one broken line and returns the single issue it must cause. */
function issueFor(file: Parameters<typeof withLine>[1], line: string) {
  const broken = withLine(texts, file, line);
  try {
    buildDataset(broken.texts);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    const issues = (err as DataError).issues;
    expect(issues).toHaveLength(1);
    return { issue: issues[0], line: broken.line, message: (err as Error).message };
  }
  throw new Error("the broken data was accepted");
}

describe("loading data/", () => {
  it("accepts the shipped data", () => {
    const dataset = buildDataset(texts);
    expect(dataset.regions.size).toBe(514);
    expect(dataset.provinces.size).toBe(38);
    expect(dataset.records.length).toBeGreaterThan(500);
    expect(dataset.aliases.length).toBeGreaterThanOrEqual(60);
  });

  it("rejects a region that is not in the gazetteer, naming file, line and field", () => {
    const { issue, line, message } = issueFor("awards", `2024,16.99,peduli,reported,${SRC},`);
    expect(issue).toMatchObject({ file: "data/awards.csv", line, field: "region_code" });
    expect(message).toContain(`data/awards.csv:${line}: region_code:`);
  });

  it("rejects a duplicate (year, region)", () => {
    const { issue, line } = issueFor("awards", `2024,16.01,peduli,reported,${SRC},again`);
    expect(issue).toMatchObject({ line, field: "region_code" });
    expect(issue?.message).toMatch(/duplicate/);
  });

  it("rejects an unknown predikat", () => {
    const { issue, line } = issueFor("awards", `2015,16.01,pedulli,reported,${SRC},`);
    expect(issue).toMatchObject({ line, field: "predikat" });
  });

  it("rejects a year out of range and a year without a round", () => {
    expect(issueFor("awards", `2031,16.01,peduli,reported,${SRC},`).issue).toMatchObject({ field: "year" });
    const noRound = issueFor("awards", `2021,16.01,peduli,reported,${SRC},`).issue;
    expect(noRound).toMatchObject({ field: "year" });
    expect(noRound?.message).toMatch(/no round/);
  });

  it("rejects a row without a source, and a source that is not a URL", () => {
    expect(issueFor("awards", "2015,16.01,peduli,reported,,").issue).toMatchObject({ field: "sources" });
    expect(issueFor("awards", "2015,16.01,peduli,reported,kompas,").issue).toMatchObject({ field: "sources" });
  });

  it("rejects an alias pointing at two regions unless marked ambiguous", () => {
    expect(issueFor("aliases", "Oganx,16.01 16.02,no,test").issue).toMatchObject({ field: "ambiguous" });
    expect(() => buildDataset(withLine(texts, "aliases", "Oganx,16.01 16.02,yes,test").texts)).not.toThrow();
  });

  it("rejects the same alias listed twice for different places", () => {
    const { issue } = issueFor("aliases", "oku,16.02,no,test");
    expect(issue).toMatchObject({ field: "alias" });
    expect(issue?.message).toMatch(/already listed/);
  });

  it("rejects an alias to an unknown code, and a bad evidence value", () => {
    expect(issueFor("aliases", "Nowhere,99.99,no,").issue).toMatchObject({ field: "codes" });
    expect(issueFor("awards", `2015,16.01,peduli,rumour,${SRC},`).issue).toMatchObject({ field: "evidence" });
  });

  it("reports an unclosed quote on the line where its record starts", () => {
    const lines = texts.awards.split("\n");
    lines[300] = `2024,16.01,peduli,reported,${SRC},"a note whose quote never closes`;
    expect(() => buildDataset({ ...texts, awards: lines.join("\n") })).toThrow(/data\/awards\.csv:301: note: .*Quote/);
  });

  it("refuses an award file with nothing but its header", () => {
    const header = texts.awards.split("\n")[0];
    expect(() => buildDataset({ ...texts, awards: `${header}\n` })).toThrow(/awards\.csv:2: \(file\): no rows/);
  });

  it("reports a missing column as a header problem", () => {
    const broken = { ...texts, rounds: texts.rounds.replace("held,", "") };
    expect(() => buildDataset(broken)).toThrow(/rounds\.csv:1: held: missing column/);
  });

  it("rejects a round with results that was not held, and a bad hari_ham or results_found", () => {
    const row = (held: string, hariHam: string, found: string) => `2031,${held},,,${hariHam},,,,,${found},,${SRC},`;
    expect(issueFor("rounds", row("no", "", "yes")).issue).toMatchObject({ field: "results_found" });
    expect(issueFor("rounds", row("yes", "ke-83", "no")).issue).toMatchObject({ field: "hari_ham" });
    expect(issueFor("rounds", row("yes", "83", "maybe")).issue).toMatchObject({ field: "results_found" });
    expect(issueFor("rounds", `2031,yes,,,83,,,,,no,,,`).issue).toMatchObject({ field: "sources" });
  });
});

describe("loading the files about the award itself", () => {
  it("names file, line and field for an unknown national measure", () => {
    const { issue, line, message } = issueFor("nationalCounts", `2020,winners,259,no,${SRC},`);
    expect(issue).toMatchObject({ file: "data/national_counts.csv", line, field: "measure" });
    expect(message).toContain(`data/national_counts.csv:${line}: measure:`);
  });

  it("rejects a national figure for a year without a round, a second primary figure, a repeated figure", () => {
    expect(issueFor("nationalCounts", `2021,peduli,1,no,${SRC},`).issue?.message).toMatch(/no round/);
    expect(issueFor("nationalCounts", `2031,peduli,1,no,${SRC},`).issue?.message).toMatch(/out of range/);
    const second = issueFor("nationalCounts", `2020,peduli,300,yes,${SRC},`).issue;
    expect(second).toMatchObject({ field: "primary" });
    expect(second?.message).toMatch(/already has a primary figure on line \d+/);
    expect(issueFor("nationalCounts", `2020,peduli,259,no,${SRC},`).issue?.message).toMatch(/duplicate/);
  });

  it("rejects a national figure that is not a number or has no URL source", () => {
    expect(issueFor("nationalCounts", `2020,peduli,many,no,${SRC},`).issue).toMatchObject({ field: "value" });
    expect(issueFor("nationalCounts", "2020,peduli,300,no,detik,").issue).toMatchObject({ field: "sources" });
    expect(issueFor("nationalCounts", "2020,peduli,300,no,,").issue).toMatchObject({ field: "sources" });
  });

  const award = (fields: Partial<Record<"year" | "province" | "category" | "rule" | "won" | "sources", string>>) =>
    [
      fields.year ?? "2022",
      fields.province ?? "16",
      fields.category ?? "kanwil",
      "Kanwil Kemenkumham Sumatera Selatan",
      "yes",
      "reported",
      fields.rule ?? "",
      fields.won ?? "3",
      "17",
      fields.sources ?? SRC,
      "",
    ].join(",");

  it("accepts a well-formed province award", () => {
    expect(() => buildDataset(withLine(texts, "provinceAwards", award({})).texts)).not.toThrow();
  });

  it("rejects a province award with an unknown province, category or rule, naming the field", () => {
    const unknown = issueFor("provinceAwards", award({ province: "99" }));
    expect(unknown.issue).toMatchObject({
      file: "data/province_awards.csv",
      line: unknown.line,
      field: "province_code",
    });
    expect(issueFor("provinceAwards", award({ category: "governor" })).issue).toMatchObject({ field: "category" });
    expect(issueFor("provinceAwards", award({ rule: "most" })).issue).toMatchObject({ field: "rule" });
  });

  it("rejects a duplicate province award, a year without a round, more winners than regions, no source", () => {
    const dup = issueFor("provinceAwards", award({ year: "2024", category: "leadership" })).issue;
    expect(dup).toMatchObject({ field: "category" });
    expect(dup?.message).toMatch(/duplicate/);
    expect(issueFor("provinceAwards", award({ year: "2021" })).issue).toMatchObject({ field: "year" });
    expect(issueFor("provinceAwards", award({ won: "18" })).issue).toMatchObject({ field: "regions_won" });
    expect(issueFor("provinceAwards", award({ sources: "" })).issue).toMatchObject({ field: "sources" });
  });

  it("rejects a programme fact with an unknown topic, a bad key, a repeated key or no source", () => {
    const bad = issueFor("programme", `legal,permenkumham_1_2099,x,${SRC},`);
    expect(bad.issue).toMatchObject({ file: "data/programme.csv", line: bad.line, field: "topic" });
    expect(issueFor("programme", `legal_basis,Permen 22,x,${SRC},`).issue).toMatchObject({ field: "key" });
    const dup = issueFor("programme", `legal_basis,permenkumham_22_2021,again,${SRC},`).issue;
    expect(dup).toMatchObject({ field: "key" });
    expect(dup?.message).toMatch(/already listed on line \d+/);
    expect(issueFor("programme", "legal_basis,permenkumham_1_2099,x,,").issue).toMatchObject({ field: "sources" });
  });

  it("refuses an empty programme file and reports a missing column", () => {
    const header = texts.programme.split("\n")[0];
    expect(() => buildDataset({ ...texts, programme: `${header}\n` })).toThrow(/programme\.csv:2: \(file\): no rows/);
    const noPrimary = { ...texts, nationalCounts: texts.nationalCounts.replace("primary,", "") };
    expect(() => buildDataset(noPrimary)).toThrow(/national_counts\.csv:1: primary: missing column/);
  });
});

describe("data/towns.csv", () => {
  it("loads the seats and towns, each with its region and source", () => {
    const dataset = buildDataset(texts);
    const indralaya = dataset.towns.find((t) => t.town === "Indralaya");
    expect(indralaya).toMatchObject({ codes: ["16.10"], relation: "capital" });
    expect(dataset.towns.every((t) => t.sources.length > 0)).toBe(true);
  });

  it("rejects a town of an unknown region, a town named like a region, and one without a source", () => {
    expect(issueFor("towns", `Kota Antah,16.99,town,${SRC},`).issue).toMatchObject({
      file: "data/towns.csv",
      field: "codes",
    });
    expect(issueFor("towns", `Lahat,16.04,capital,${SRC},`).issue).toMatchObject({ field: "town" });
    expect(issueFor("towns", "Desa Baru,16.04,town,,").issue).toMatchObject({ field: "sources" });
    expect(issueFor("towns", `Desa Baru,16.04,kampung,${SRC},`).issue).toMatchObject({ field: "relation" });
  });
});
