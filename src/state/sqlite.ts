/**
 * grammY session storage in one SQLite file. The default store: no server to run, survives
 * a restart, and one indexed row per user stays fast at 100,000 users (WAL journal, prepared
 * statements, a WITHOUT ROWID table keyed on the session key).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { StorageAdapter } from "grammy";

export class SqliteStorage<T> implements StorageAdapter<T> {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string], { value: string }>;
  private readonly putStmt: Database.Statement<[string, string, number]>;
  private readonly delStmt: Database.Statement<[string]>;
  private readonly keysStmt: Database.Statement<[], { key: string }>;
  private readonly countStmt: Database.Statement<[], { n: number }>;
  private readonly putMany: (entries: Iterable<readonly [string, T]>) => number;

  /** `file` is a path, or ":memory:" for tests. The directory is created if missing. */
  constructor(readonly file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the
    // last commits, which for a language choice is an acceptable trade for speed.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID`);
    this.getStmt = this.db.prepare("SELECT value FROM sessions WHERE key = ?");
    this.putStmt = this.db.prepare(
      "INSERT INTO sessions (key, value, updated_at) VALUES (?, ?, ?) " +
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    );
    this.delStmt = this.db.prepare("DELETE FROM sessions WHERE key = ?");
    this.keysStmt = this.db.prepare("SELECT key FROM sessions");
    this.countStmt = this.db.prepare("SELECT count(*) AS n FROM sessions");
    this.putMany = this.db.transaction((entries: Iterable<readonly [string, T]>) => {
      const now = Date.now();
      let n = 0;
      for (const [key, value] of entries) {
        this.putStmt.run(key, JSON.stringify(value), now);
        n++;
      }
      return n;
    });
  }

  read(key: string): T | undefined {
    const row = this.getStmt.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as T;
    } catch {
      // A damaged row is treated as "no session" rather than failing every update of that user.
      return undefined;
    }
  }

  write(key: string, value: T): void {
    this.putStmt.run(key, JSON.stringify(value), Date.now());
  }

  delete(key: string): void {
    this.delStmt.run(key);
  }

  has(key: string): boolean {
    return this.getStmt.get(key) !== undefined;
  }

  *readAllKeys(): Iterable<string> {
    for (const row of this.keysStmt.iterate()) yield row.key;
  }

  /** Many writes in one transaction (imports, migrations, the 100k-user test). */
  writeMany(entries: Iterable<readonly [string, T]>): number {
    return this.putMany(entries);
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  get open(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens the store, or throws an error an operator can act on: the path, the setting behind
 * it (STATE_DIR) and the cause in words ("file is not a database" alone names nothing).
 */
export function openSqlite<T>(file: string): SqliteStorage<T> {
  try {
    return new SqliteStorage<T>(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const code = e.code ?? "error";
    const hint =
      code === "SQLITE_NOTADB"
        ? "it exists but is not a SQLite database; move it away or point STATE_DIR elsewhere"
        : code === "EISDIR" || code === "ENOTDIR" || code === "EEXIST"
          ? "a path on the way is not a directory or the file is one; check STATE_DIR"
          : code === "EACCES" || code === "EPERM" || code === "EROFS"
            ? "no permission to write there; make STATE_DIR writable for this user"
            : "check that STATE_DIR is a writable directory with free space";
    throw new Error(`STATE_DIR: cannot open the session store ${file}: ${e.message} (${code}); ${hint}`);
  }
}
