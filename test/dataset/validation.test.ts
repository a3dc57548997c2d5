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
});
