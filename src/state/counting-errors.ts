/** Reports every failed session read, write or delete (kkpham_store_errors_total) and rethrows it. */
import type { StorageAdapter } from "grammy";

export function countingErrors<T>(inner: StorageAdapter<T>, onError: (operation: string) => void): StorageAdapter<T> {
  const counted =
    <A extends unknown[], R>(operation: string, fn: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (err) {
        onError(`session_${operation}`);
        throw err;
      }
    };
  return {
    read: counted("read", (key: string) => inner.read(key)),
    write: counted("write", (key: string, value: T) => inner.write(key, value)),
    delete: counted("delete", (key: string) => inner.delete(key)),
  };
}
