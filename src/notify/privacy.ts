/**
 * Follows are the users' data: when a chat stops following its last region or province
 * (/berhenti, the 🔕 buttons, or a 403 from Telegram), the outbox's rows about it go too,
 * pending messages and the ids of the ones sent. (The ledger of announced results holds no
 * chat, so nothing announced comes back.) Wraps the follow store that the bot and the worker use.
 */
import type { FollowStore } from "../state/follows.ts";
import type { Outbox } from "../state/outbox.ts";

export function forgettingFollows(follows: FollowStore, outbox: Pick<Outbox, "forget">): FollowStore {
  return {
    ...follows,
    async unfollow(chat, scope) {
      const removed = await follows.unfollow(chat, scope);
      if ((await follows.list(chat)).length === 0) await outbox.forget(chat);
      return removed;
    },
  };
}
