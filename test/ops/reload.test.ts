/** Reloading a temporary copy of data/ (DATA_DIR): the diff, success, failure, no change. */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/core.ts";
import type { AwardRecord } from "../../src/dataset/types.ts";
import { buildCore, loadData } from "../../src/ops/core-loader.ts";
import { diffRecords } from "../../src/ops/diff.ts";
import { createReloader } from "../../src/ops/reload.ts";
import { createSwappable } from "../../src/ops/swappable.ts";
import { createI18n } from "../../src/render/i18n.ts";
import { copyData } from "../e2e/processes.ts";
import { captureLogs } from "../helpers/logs.ts";

const dir = mkdtempSync(join(tmpdir(), "kkpham-reload-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rec = (year: number, region: string, predikat = "peduli"): AwardRecord =>
  ({ year, region, predikat, evidence: "reported", sources: ["https://x.org"], note: "" }) as AwardRecord;

describe("diffRecords", () => {
  it("counts rows added, changed and removed per year, only years with a change", () => {
    const before = [rec(2023, "16.01"), rec(2023, "16.02"), rec(2024, "16.01"), rec(2024, "16.02")];
    const after = [rec(2023, "16.01"), rec(2024, "16.01", "cukup_peduli"), rec(2025, "16.01"), rec(2025, "16.02")];
    expect(diffRecords(before, after)).toEqual([
      { year: 2023, added: 0, changed: 0, removed: 1 },
      { year: 2024, added: 0, changed: 1, removed: 1 },
      { year: 2025, added: 2, changed: 0, removed: 0 },
    ]);
    expect(diffRecords(before, before)).toEqual([]);
  });
});

async function setup(name: string) {
  const dataDir = copyData(join(dir, name));
  const settings = { dataDir, homeProvince: "16" };
  const i18n = await createI18n();
  const dataset = await loadData(settings);
  const target = createSwappable<Core>(buildCore(dataset, i18n, settings));
  const logs = captureLogs({ level: "info" });
  const reloader = createReloader({
    target,
    initial: dataset,
    logger: logs.logger,
    load: async () => {
      const next = await loadData(settings);
      return { value: buildCore(next, i18n, settings), dataset: next };
    },
  });
  const answer = (q: string) => target.proxy.ask(q, "id").reply.html.replace(/<[^>]+>/g, "");
  return { dataDir, target, reloader, logs, answer, before: dataset.version };
}

describe("createReloader", () => {
  it("swaps in the new data and logs the new version and the rows per year", async () => {
    const { dataDir, reloader, logs, answer, before } = await setup("ok");
    expect(answer("OKU 2025")).not.toContain("2025: meraih penghargaan");
    appendFileSync(
      join(dataDir, "awards.csv"),
      "2025,16.01,peduli,reported,https://example.org/a,new round\n2025,16.02,not_awarded,reported,https://example.org/a,\n",
    );
    const outcome = await reloader.reload("signal");
    expect(outcome).toMatchObject({
      status: "reloaded",
      previous: before,
      changes: [{ year: 2025, added: 2, changed: 0, removed: 0 }],
    });
    expect(outcome.version).not.toBe(before);
    expect(reloader.dataset().version).toBe(outcome.version);
    expect(answer("OKU 2025")).toContain("2025: meraih penghargaan");
    const line = logs.lines.find((l) => l.includes("data reloaded"));
    expect(line).toContain(outcome.version);
    expect(line).toContain("2025: +2 ~0 -0");
  });

  it("on a data error keeps serving the old data and logs every file:line: field: message", async () => {
    const { dataDir, reloader, logs, answer, before } = await setup("bad");
    const awards = join(dataDir, "awards.csv");
    const lines = readFileSync(awards, "utf8").split("\n");
    // Line 2: a predikat that does not exist; line 4: a year that is not a number.
    lines[1] = (lines[1] ?? "").replace(/^([^,]*,[^,]*,)[^,]*,/, "$1very_peduli,");
    lines[3] = (lines[3] ?? "").replace(/^\d{4},/, "20x4,");
    writeFileSync(awards, lines.join("\n"));
    const outcome = await reloader.reload("admin");
    expect(outcome.status).toBe("failed");
    if (outcome.status !== "failed") return;
    expect(outcome.version).toBe(before);
    expect(outcome.problems.some((p) => /awards\.csv:2: predikat: /.test(p))).toBe(true);
    expect(outcome.problems.some((p) => /awards\.csv:4: year: /.test(p))).toBe(true);
    const log = logs.lines.find((l) => l.includes("data reload failed"));
    for (const p of outcome.problems) expect(log).toContain(JSON.stringify(p).slice(1, -1));
    expect(reloader.dataset().version).toBe(before);
    expect(answer("OKU 2024")).toContain("Ogan Komering Ulu");
  });

  it("reports no change when the files are the same, and runs concurrent reloads one after the other", async () => {
    const { dataDir, reloader } = await setup("same");
    expect(await reloader.reload("signal")).toMatchObject({ status: "unchanged" });
    appendFileSync(join(dataDir, "awards.csv"), "2025,16.03,peduli,reported,https://example.org/b,\n");
    const [first, second] = await Promise.all([reloader.reload("signal"), reloader.reload("admin")]);
    expect(first.status).toBe("reloaded");
    expect(second).toMatchObject({ status: "unchanged", version: first.version });
  });
});
