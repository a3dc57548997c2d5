import { describe, expect, it } from "vitest";
import { createSwappable } from "../../src/ops/swappable.ts";

describe("createSwappable", () => {
  it("forwards every read to the current target, whatever its shape", () => {
    const s = createSwappable<{ version: string; hello?: () => string }>({ version: "a" });
    const { proxy } = s;
    expect(proxy.version).toBe("a");
    expect("hello" in proxy).toBe(false);
    s.set({ version: "b", hello: () => "hi" });
    expect(proxy.version).toBe("b");
    expect(proxy.hello?.()).toBe("hi");
    expect(Object.keys(proxy)).toEqual(["version", "hello"]);
    expect(s.get().version).toBe("b");
  });

  it("keeps methods that use `this` working on the current target", () => {
    class Counter {
      constructor(readonly n: number) {}
      next() {
        return this.n + 1;
      }
    }
    const s = createSwappable(new Counter(1));
    s.set(new Counter(41));
    expect(s.proxy.next()).toBe(42);
    expect(s.proxy).toBeInstanceOf(Counter);
  });

  it("pin: work started before a swap finishes on the old target, across awaits", async () => {
    const s = createSwappable({ version: "old" });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const seen: string[] = [];
    const inFlight = s.pin(async () => {
      seen.push(s.proxy.version);
      await gate;
      seen.push(s.proxy.version);
    });
    s.set({ version: "new" });
    const later = s.pin(async () => s.proxy.version);
    release();
    await inFlight;
    expect(seen).toEqual(["old", "old"]);
    expect(await later).toBe("new");
    expect(s.proxy.version).toBe("new");
  });

  it("works with frozen targets whose keys differ from the first one's", () => {
    const s = createSwappable<Record<string, number>>(Object.freeze({ a: 1 }));
    s.set(Object.freeze({ b: 2, c: 3 }));
    expect(Object.keys(s.proxy)).toEqual(["b", "c"]);
    expect({ ...s.proxy }).toEqual({ b: 2, c: 3 });
  });

  it("refuses writes through the proxy: only set() replaces the target", () => {
    const s = createSwappable<{ version: string }>({ version: "a" });
    expect(() => {
      (s.proxy as { version: string }).version = "x";
    }).toThrow(TypeError);
    expect(s.proxy.version).toBe("a");
  });
});
