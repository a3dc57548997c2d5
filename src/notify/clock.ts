/**
 * The worker's sense of time, injected: the real clock in the bot, a virtual one in tests
 * and the bench, where `sleep` moves time forward at once (so a 400 s broadcast is planned,
 * paced and checked in well under a second, and no test waits on a timer).
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface VirtualClock extends Clock {
  /** Every sleep asked for, in order. */
  slept: number[];
  advance(ms: number): void;
}

export function virtualClock(start = Date.UTC(2026, 11, 10, 9)): VirtualClock {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    async sleep(ms) {
      slept.push(ms);
      t += Math.max(0, ms);
      // Let other async work (a second worker, the store) run, as a real sleep would.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
