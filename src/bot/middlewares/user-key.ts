/**
 * Whose update this is, for the session, the per-user order and the rate limit. Normally
 * the Telegram user. But an anonymous group admin writes as the one account
 * GroupAnonymousBot (and a linked channel as Channel_Bot), shared by every group on
 * Telegram: keyed by that id, all of them would share one session and one rate-limit bucket.
 * A message sent on behalf of a chat (`sender_chat`) is keyed by the chat it was sent in.
 */
import type { Context } from "grammy";

/** Telegram's stand-in users for messages sent on behalf of a chat. */
export const GROUP_ANONYMOUS_BOT = 1087968824;
export const CHANNEL_BOT = 136817688;

export function userKey(ctx: Context): string | undefined {
  const from = ctx.from;
  if (!from) return undefined;
  const onBehalf = ctx.msg?.sender_chat !== undefined || from.id === GROUP_ANONYMOUS_BOT || from.id === CHANNEL_BOT;
  if (onBehalf && ctx.chat) return `chat:${ctx.chat.id}`;
  return from.id.toString();
}
