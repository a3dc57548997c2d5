/**
 * The generated adversarial corpus (generated.jsonl, from generate.ts; rules in classes.ts):
 * every line goes through the core the bot uses, and each class must score at least 99%.
 * A failing class prints its failing lines: question, expectation and what the bot said.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/core.ts";
import {
  CLASSES,
  type ClassScore,
  createTestCore,
  describeFailure,
  percent,
  readGenerated,
  scoreLines,
} from "./classes.ts";
import { generate } from "./generate.ts";

const lines = readGenerated();
/** How many failing lines a failing class prints. */
const SHOWN = 60;

let core: Core;
let scores: ClassScore[];
beforeAll(async () => {
  core = await createTestCore();
  scores = scoreLines(core, lines);
});

describe("generated corpus", () => {
  it("is exactly what the seeded generator writes (regenerate with npx tsx test/corpus/generate.ts)", () => {
    expect(generate()).toEqual(lines);
  });

  it("has at least 1,000 questions, in both languages, at least 50 per class", () => {
    expect(lines.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(lines.map((l) => l.lang))).toEqual(new Set(["id", "en"]));
    for (const cls of CLASSES) {
      const n = lines.filter((l) => l.class === cls).length;
      expect(n, cls).toBeGreaterThanOrEqual(50);
    }
  });

  it.each(CLASSES)("%s scores at least 99 percent", (cls) => {
    const score = scores.find((s) => s.cls === cls);
    if (!score) throw new Error(`no lines of class ${cls}`);
    const shown = score.failures.slice(0, SHOWN).map(describeFailure).join("\n");
    const more = score.failures.length > SHOWN ? `\n… and ${score.failures.length - SHOWN} more` : "";
    expect(
      percent(score),
      `${cls}: ${score.passed}/${score.total} (${percent(score).toFixed(1)}%)\n${shown}${more}`,
    ).toBeGreaterThanOrEqual(99);
  });
});
