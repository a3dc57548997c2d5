/** Follows in SQLite (the default): the session store's file in STATE_DIR, a table of its own. */
import type Database from "better-sqlite3";
import type { Lang } from "../understand/request.ts";
import type { Follow, FollowStore } from "./follows.ts";

interface Row {
  chat: number;
  scope: string;
  lang: Lang;
}

export function sqliteFollows(db: Database.Database): FollowStore {
  db.exec(`CREATE TABLE IF NOT EXISTS follows (
    chat INTEGER NOT NULL,
    scope TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (chat, scope)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS follows_scope ON follows (scope);`);
  const has = db.prepare<[number, string], { one: number }>(
    "SELECT 1 AS one FROM follows WHERE chat = ? AND scope = ?",
  );
  const insert = db.prepare<[number, string, string, number]>(
    "INSERT INTO follows (chat, scope, lang, created_at) VALUES (?, ?, ?, ?) " +
      "ON CONFLICT(chat, scope) DO UPDATE SET lang = excluded.lang",
  );
  const upsert = db.transaction((f: Follow) => {
    const fresh = has.get(f.chat, f.scope) === undefined;
    insert.run(f.chat, f.scope, f.lang, Date.now());
    return fresh;
  });
  const delOne = db.prepare<[number, string]>("DELETE FROM follows WHERE chat = ? AND scope = ?");
  const delAll = db.prepare<[number]>("DELETE FROM follows WHERE chat = ?");
  const ofChat = db.prepare<[number], Row>("SELECT chat, scope, lang FROM follows WHERE chat = ? ORDER BY scope");
  const ofScope = db.prepare<[string], Row>("SELECT chat, scope, lang FROM follows WHERE scope = ?");
  const total = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM follows");
  return {
    follow: async (f) => upsert(f),
    unfollow: async (chat, scope) => (scope === undefined ? delAll.run(chat) : delOne.run(chat, scope)).changes,
    list: async (chat) => ofChat.all(chat),
    isFollowing: async (chat, scope) => has.get(chat, scope) !== undefined,
    followersOf: async (scopes) => scopes.flatMap((s) => ofScope.all(s)),
    count: async () => total.get()?.n ?? 0,
  };
}
