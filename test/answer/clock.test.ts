/** Results that move with the clock: the day's cache must not keep yesterday's answer. */
import { describe, expect, it } from "vitest";
import { createRespond } from "../../src/answer/respond.ts";
import { loadDataset } from "../../src/dataset/load.ts";

describe("the ceremony day", () => {
  it("turns 'not held yet' into 'held, no result list found' when the clock passes 10 December", async () => {
    const dataset = await loadDataset();
    let today = new Date("2025-12-01T09:00:00Z");
    const respond = createRespond(dataset, () => today);
    const oku = {
      code: "16.01",
      name: "Kabupaten Ogan Komering Ulu",
      province: "16",
      provinceName: "Sumatera Selatan",
    };
    const outcome = () => {
      const answer = respond({ kind: "status", regions: [oku], year: 2025 });
      return answer.kind === "status" ? answer.regions[0]?.results[0]?.outcome : answer.kind;
    };
    expect(outcome()).toBe("pending");
    today = new Date("2025-12-11T09:00:00Z");
    expect(outcome()).toBe("unpublished");
  });
});
