/**
 * The first rule, over both corpora: no reply states a result (won / not won) for a region the
 * question did not name. Whenever the answer is a status or a record, every region it is about
 * and every result row it gives must be one the line's expectation names — for
 * questions.jsonl its `regions` (and `ambiguous`), for generated.jsonl the expected regions and
 * candidates (and `named`). Asking, not understanding or a list are never a violation here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/core.ts";
import type { Lang } from "../../src/understand/request.ts";
import { createTestCore, namedRegions, observe, readGenerated, strangers } from "./classes.ts";
import { readCorpus } from "./corpus.ts";

let core: Core;
beforeAll(async () => {
  core = await createTestCore();
});

const stated = (q: string, lang: Lang, named: Set<string>) => strangers(observe(core, q, lang), named);

describe("no result for a region the question did not name", () => {
  it("in the hand-written corpus (questions.jsonl)", () => {
    const wrong = readCorpus()
      .map((c) => ({ q: c.q, stated: stated(c.q, c.lang, new Set([...c.regions, ...(c.ambiguous ?? [])])) }))
      .filter((w) => w.stated.length > 0);
    expect(wrong).toEqual([]);
  });

  it("in the generated corpus (generated.jsonl)", () => {
    const wrong = readGenerated()
      .map((line) => ({ q: line.q, class: line.class, stated: stated(line.q, line.lang, namedRegions(line)) }))
      .filter((w) => w.stated.length > 0);
    expect(wrong).toEqual([]);
  });
});
