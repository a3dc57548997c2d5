/**
 * grammY's session middleware writes the session back after every update that read it,
 * even when nothing changed. Nearly every update only reads the language, so this wrapper
 * remembers what was read and skips writes (and deletes of nothing) that would not change
 * the stored value: one read per update instead of a read and a write.
 */
import type { StorageAdapter } from "grammy";

const MAX_PENDING = 10_000;

export function skipUnchanged<T>(inner: StorageAdapter<T>): StorageAdapter<T> {
  // Per key, the JSON last read and not yet written back. Updates of one user are
  // sequentialized, so a key is in flight once at a time; the cap guards against entries
  // left behind by updates that failed before the session could be written.
  const seen = new Map<string, string | undefined>();
  return {
    async read(key) {
      const value = await inner.read(key);
      if (seen.size >= MAX_PENDING) seen.clear();
      seen.set(key, value === undefined ? undefined : JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      const known = seen.has(key);
      const before = seen.get(key);
      seen.delete(key);
      if (known && before === json) return;
      await inner.write(key, value);
    },
    async delete(key) {
      const known = seen.has(key);
      const before = seen.get(key);
      seen.delete(key);
      if (known && before === undefined) return;
      await inner.delete(key);
    },
  };
}
