/**
 * Properties of understanding place names, checked with fast-check over the whole gazetteer
 * (seeded, so a failure prints a counterexample that reproduces):
 * (a) an official name, with any prefix, case, spacing and surrounding sentence, names itself;
 * (b) every alias names its code(s);
 * (c) a one-edit typo that by construction is ≥ 2 edits from every other place's name resolves
 *     to its region or asks with it among the candidates — never another region.
 * The names, prefixes and distance check are the generator's (test/corpus/generate.ts), so the
 * properties and the generated corpus mean the same thing.
 */
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import type { Core } from "../../src/core.ts";
import type { Lang } from "../../src/understand/request.ts";
import { createTestCore, type Expect, meets, observe } from "../corpus/classes.ts";
import {
  aliases,
  choose,
  clearOfOthers,
  fold,
  prefixes,
  regions,
  resolvesOrAsks,
  squash,
  status,
  uniqueBase,
} from "../corpus/generate.ts";

let core: Core;
beforeAll(async () => {
  core = await createTestCore();
});

const SEED = 42;
const SENTENCES: [string, Lang][] = [
  ["{X}", "id"],
  ["Apakah {X} meraih penghargaan Peduli HAM 2023?", "id"],
  ["{X} menang ga thn 2024", "id"],
  ["min {X} dapet penghargaan ham gak", "id"],
  ["Did {X} win in 2022?", "en"],
  ["{X} award status", "en"],
];
const sentence = fc.constantFrom(...SENTENCES);
const caseOf = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
);
const spacing = fc.constantFrom(" ", "  ");

/** Checks the reply to `q` against `expect`; throws with what came back so fast-check can report it. */
function check(q: string, lang: Lang, expect: Expect): void {
  const got = observe(core, q, lang);
  if (!meets(expect, got))
    throw new Error(`${JSON.stringify(q)}: want ${JSON.stringify(expect)}, got ${JSON.stringify(got)}`);
}

describe("understanding names (properties)", () => {
  it("(a) an official name with any prefix, case, spacing and sentence names exactly its region", () => {
    const named = fc
      .constantFrom(...regions)
      .chain((r) => fc.record({ r: fc.constant(r), prefix: fc.constantFrom(...prefixes(r)) }));
    fc.assert(
      fc.property(named, caseOf, spacing, sentence, ({ r, prefix }, recase, space, [template, lang]) => {
        const name = `${prefix}${recase(r.base)}`.replaceAll(" ", space);
        check(template.replace("{X}", name), lang, status([r.code]));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("(b) every alias names its code(s)", () => {
    const regionAliases = aliases.filter((a) => (a.codes[0] ?? "").includes("."));
    fc.assert(
      fc.property(fc.constantFrom(...regionAliases), caseOf, sentence, (a, recase, [template, lang]) => {
        const expect = a.codes.length > 1 ? choose(a.codes) : status(a.codes);
        check(template.replace("{X}", recase(a.alias)), lang, expect);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("(c) an unambiguous one-edit typo names its region or asks with it, never another region", () => {
    const names = regions.flatMap((r) =>
      [
        ...(uniqueBase(r) ? [r.base] : []),
        ...aliases.filter((a) => a.codes.length === 1 && a.codes[0] === r.code).map((a) => a.alias),
      ]
        .filter((name) => squash(name).length >= 6)
        .map((name) => ({ name: fold(name), code: r.code })),
    );
    const edit = fc.record({
      op: fc.constantFrom("insert", "delete", "substitute", "transpose"),
      at: fc.nat(),
      letter: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
    });
    fc.assert(
      fc.property(fc.constantFrom(...names), edit, sentence, ({ name, code }, { op, at, letter }, [template, lang]) => {
        const i = at % name.length;
        const typo =
          op === "insert"
            ? name.slice(0, i) + letter + name.slice(i)
            : op === "delete"
              ? name.slice(0, i) + name.slice(i + 1)
              : op === "substitute"
                ? name.slice(0, i) + letter + name.slice(i + 1)
                : name.slice(0, i) + (name[i + 1] ?? "") + (name[i] ?? "") + name.slice(i + 2);
        // Only letters are edited (not spaces or digits), the typo really differs, and it is clear of every other place's name.
        const touched = op === "transpose" ? name.slice(i, i + 2) : (name[i] ?? "");
        fc.pre(/^[a-z]+$/.test(touched) && (op !== "transpose" || touched.length === 2));
        fc.pre(squash(typo) !== squash(name) && clearOfOthers(squash(typo), [code]));
        check(template.replace("{X}", typo), lang, resolvesOrAsks(code));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
