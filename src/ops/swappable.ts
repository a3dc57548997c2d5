/**
 * A reference whose target can be replaced while the program runs (new data without a
 * restart). `proxy` forwards every property read to the current target, so code holding it
 * never needs to know what the target looks like: Core can gain or lose methods on main and
 * this keeps working.
 *
 * `pin(fn)` runs fn (and everything it awaits) against the target current at the time of the
 * call, through AsyncLocalStorage. The bot pins each update, so an update in flight during a
 * swap finishes entirely on the old target: it never mixes an answer from the old data with a
 * chart or a text from the new.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface Swappable<T extends object> {
  /** The target current for the caller (the pinned one inside pin()). */
  get(): T;
  /** Replace the target for everything not pinned to the old one. */
  set(next: T): void;
  /** Forwards to get() on every access. */
  readonly proxy: T;
  pin<R>(fn: () => R): R;
}

export function createSwappable<T extends object>(initial: T): Swappable<T> {
  let current = initial;
  const pinned = new AsyncLocalStorage<T>();
  const get = () => pinned.getStore() ?? current;
  // The proxy's own target is an empty stand-in, never the real one: a frozen Core, or a new
  // Core with other keys than the first, could otherwise break the Proxy invariants.
  const proxy = new Proxy({} as T, {
    get: (_t, prop) => {
      const target = get();
      const value: unknown = Reflect.get(target, prop, target);
      return value;
    },
    has: (_t, prop) => Reflect.has(get(), prop),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), prop);
      // A proxy may not report a property as non-configurable unless the original target
      // has it so; the targets are plain objects, so report every property configurable.
      return d ? { ...d, configurable: true } : undefined;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  return {
    get,
    set(next) {
      current = next;
    },
    proxy,
    pin: (fn) => pinned.run(current, fn),
  };
}
