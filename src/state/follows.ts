/**
 * Who follows what (results day): one row per (chat, scope), where a scope is a region code
 * ("16.01") or a province code ("16"), with the language the notification is written in.
 * A chat is a user's private chat or a group (negative id). These rows are the users' data:
 * /berhenti deletes them, a 403 from Telegram (blocked, or removed from the group) too.
 *
 * The backend follows the session store's: SQLite in STATE_DIR by default, Redis with
 * REDIS_URL (so every instance sees the same followers). Writes resolve only once persisted,
 * so the bot confirms a follow after it is stored, never before.
 */
import type { Lang } from "../understand/request.ts";

export interface Follow {
  chat: number;
  /** "16.01" (a region) or "16" (a province). */
  scope: string;
  lang: Lang;
}

export interface FollowStore {
  /** Adds or refreshes (the language) a follow; true when it is new. */
  follow(f: Follow): Promise<boolean>;
  /** Removes one follow, or every follow of the chat when scope is omitted; how many went. */
  unfollow(chat: number, scope?: string): Promise<number>;
  /** A chat's follows, by scope code. */
  list(chat: number): Promise<Follow[]>;
  isFollowing(chat: number, scope: string): Promise<boolean>;
  /** Every follow of any of these scopes. */
  followersOf(scopes: readonly string[]): Promise<Follow[]>;
  /** How many follows are stored (status, metrics). */
  count(): Promise<number>;
}
