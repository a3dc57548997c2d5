/**
 * Decides early, before any storage or rate-limit work, which updates the bot ignores:
 * - edited messages: ignored on purpose. Answering an edit would post a second answer under
 *   the first with no link between them; the user can simply ask again.
 * - channel posts: the bot does not serve channels.
 * - messages sent through this bot's inline mode (via_bot is us): they are our own answer,
 *   posted by the user; answering them would answer ourselves.
 * - in groups and supergroups: every message except commands (grammY then checks that a
 *   /cmd@Name names this bot), text mentioning the bot, and text replying to the bot. Non-text
 *   messages in groups are ignored too; only private chats get a hint for those.
 */
import type { MiddlewareFn } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "../context.ts";

export function isGroup(ctx: BotContext): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

export function mentionsBot(msg: Message, username: string): boolean {
  const text = msg.text ?? "";
  const name = `@${username}`.toLowerCase();
  return (msg.entities ?? []).some(
    (e) => e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === name,
  );
}

function addressesBot(ctx: BotContext, msg: Message): boolean {
  if (msg.text === undefined) return false;
  if (msg.entities?.[0]?.type === "bot_command" && msg.entities[0].offset === 0) return true;
  if (mentionsBot(msg, ctx.me.username)) return true;
  return msg.reply_to_message?.from?.id === ctx.me.id;
}

export function relevance(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const u = ctx.update;
    if (u.edited_message || u.edited_channel_post || u.channel_post || u.edited_business_message) return;
    if (u.message?.via_bot?.id === ctx.me.id) return;
    if (u.message && isGroup(ctx) && !addressesBot(ctx, u.message)) return;
    await next();
  };
}
