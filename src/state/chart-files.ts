/**
 * The Telegram file_id of each chart already uploaded, keyed like the chart cache (scope,
 * language, data version). A photo sent by file_id costs Telegram nothing to receive; an
 * upload is about 100 KB. Kept in the session store (SQLite, or Redis when several instances
 * run), so the ids survive a restart and one instance reuses another's upload.
 *
 * Stored under keys `chart:…` next to the per-user sessions (whose keys are numeric user ids,
 * so the two never meet). A new data version makes new keys; old ones are simply never read.
 */
import type { StorageAdapter } from "grammy";

export interface ChartFileStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, fileId: string): Promise<void>;
  /** Forget an id Telegram refused (a file_id belongs to one bot token). */
  delete(key: string): Promise<void>;
}

export const CHART_KEY_PREFIX = "chart:";

interface Entry {
  file_id: string;
}

const isEntry = (v: unknown): v is Entry =>
  typeof v === "object" && v !== null && typeof (v as Entry).file_id === "string";

/**
 * A ChartFileStore over any grammY storage adapter: the SqliteStorage of src/state/sqlite.ts,
 * grammY's RedisAdapter, or MemorySessionStorage in tests. The adapter's value type is the
 * session's; entries here are a different shape, so the adapter is taken as `unknown` values
 * and every value read back is checked.
 */
export function chartFilesIn<T>(adapter: StorageAdapter<T>): ChartFileStore {
  const store = adapter as unknown as StorageAdapter<unknown>;
  return {
    async get(key) {
      const value = await store.read(CHART_KEY_PREFIX + key);
      return isEntry(value) ? value.file_id : undefined;
    },
    async set(key, fileId) {
      await store.write(CHART_KEY_PREFIX + key, { file_id: fileId } satisfies Entry);
    },
    async delete(key) {
      await store.delete(CHART_KEY_PREFIX + key);
    },
  };
}
