/**
 * The outbox in SQLite: one row per notification ever recorded (sent rows stay, so their ids
 * keep deduplicating), and the ledger of announced results. Claims are an UPDATE of the due
 * time inside a transaction, so two processes on one file (a restart overlapping the old
 * process) never lease the same row.
 */
import type Database from "better-sqlite3";
import type { Ledger, Outbox, OutboxItem } from "./outbox.ts";

type State = "pending" | "sent" | "failed";

interface Row {
  id: string;
  chat: number;
  scope: string;
  year: number;
  lang: "id" | "en";
  attempts: number;
}

export function sqliteOutbox(db: Database.Database): Outbox {
  db.exec(`CREATE TABLE IF NOT EXISTS notify_ledger (
    key TEXT PRIMARY KEY NOT NULL,
    result TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS notify_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    chat INTEGER NOT NULL,
    scope TEXT NOT NULL,
    year INTEGER NOT NULL,
    lang TEXT NOT NULL,
    state TEXT NOT NULL,
    due INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS notify_outbox_due ON notify_outbox (state, due);`);
  const ledgerAll = db.prepare<[], { key: string; result: string }>("SELECT key, result FROM notify_ledger");
  const ledgerPut = db.prepare<[string, string]>(
    "INSERT INTO notify_ledger (key, result) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET result = excluded.result",
  );
  const add = db.prepare<[string, number, string, number, string, number]>(
    "INSERT OR IGNORE INTO notify_outbox (id, chat, scope, year, lang, state, due) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
  );
  const record = db.transaction(
    (entries: ReadonlyMap<string, string>, items: readonly Omit<OutboxItem, "attempts">[], now: number) => {
      for (const [k, v] of entries) ledgerPut.run(k, v);
      let added = 0;
      for (const i of items) added += add.run(i.id, i.chat, i.scope, i.year, i.lang, now).changes;
      return added;
    },
  );
  const due = db.prepare<[number, number], Row>(
    "SELECT id, chat, scope, year, lang, attempts FROM notify_outbox WHERE state = 'pending' AND due <= ? ORDER BY due, seq LIMIT ?",
  );
  const lease = db.prepare<[number, string]>("UPDATE notify_outbox SET due = ? WHERE id = ?");
  const claim = db.transaction((max: number, now: number, leaseMs: number): OutboxItem[] => {
    const rows = due.all(now, max);
    for (const r of rows) lease.run(now + leaseMs, r.id);
    return rows;
  });
  const setState = db.prepare<[State, string]>("UPDATE notify_outbox SET state = ? WHERE id = ?");
  const again = db.prepare<[number, number, string]>(
    "UPDATE notify_outbox SET due = ?, attempts = attempts + ? WHERE id = ? AND state = 'pending'",
  );
  const dropOne = db.prepare<[string]>("DELETE FROM notify_outbox WHERE id = ? AND state = 'pending'");
  const forgetChat = db.prepare<[number]>("DELETE FROM notify_outbox WHERE chat = ?");
  const counts = db.prepare<[], { state: State; n: number }>(
    "SELECT state, count(*) AS n FROM notify_outbox GROUP BY state",
  );
  return {
    ledger: async (): Promise<Ledger> => new Map(ledgerAll.all().map((r) => [r.key, r.result])),
    record: async (entries, items, now) => record(entries, items, now),
    claim: async (max, now, leaseMs) => claim(max, now, leaseMs),
    done: async (id) => void setState.run("sent", id),
    later: async (id, when, attempt) => void again.run(when, attempt ? 1 : 0, id),
    fail: async (id) => void setState.run("failed", id),
    drop: async (id) => void dropOne.run(id),
    forget: async (chat) => void forgetChat.run(chat),
    counts: async () => {
      const c = { pending: 0, sent: 0, failed: 0 };
      for (const r of counts.all()) c[r.state] = r.n;
      return c;
    },
  };
}
