/** The sending limits on a virtual clock: 25 per second in total, 1 per second per chat, 20 per minute per group. */
import { describe, expect, it } from "vitest";
import { virtualClock } from "../../src/notify/clock.ts";
import { memoryGate } from "../../src/notify/gate.ts";

/** Sends as a worker does: waits for the chat (or skips it) and for the global slot. */
async function schedule(chats: number[]) {
  const gate = memoryGate();
  const clock = virtualClock(0);
  const times: { chat: number; t: number }[] = [];
  const queue = [...chats];
  while (queue.length) {
    const chat = queue.shift() as number;
    const wait = await gate.chat(chat, clock.now());
    if (wait > 0) {
      queue.push(chat);
      await clock.sleep(Math.min(wait, 40));
      continue;
    }
    for (let w = await gate.global(clock.now()); w > 0; w = await gate.global(clock.now())) await clock.sleep(w);
    times.push({ chat, t: clock.now() });
  }
  return times;
}

const maxInWindow = (times: number[], ms: number) =>
  Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + ms).length));

describe("memoryGate", () => {
  it("never more than 25 in any second", async () => {
    const times = await schedule(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(times).toHaveLength(500);
    expect(
      maxInWindow(
        times.map((s) => s.t),
        1000,
      ),
    ).toBe(25);
  });

  it("one private chat: one a second; one group: twenty a minute", async () => {
    const [a = 0, b = 0, c = 0] = (await schedule([5, 5, 5])).map((s) => s.t);
    expect(b - a).toBeGreaterThanOrEqual(1000);
    expect(c - b).toBeGreaterThanOrEqual(1000);
    const group = (await schedule(Array.from({ length: 40 }, () => -100))).map((s) => s.t);
    expect(maxInWindow(group, 60_000)).toBe(20);
  });
});
