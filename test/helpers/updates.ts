/** Small Update builders for bot tests (in the spirit of ua-anti-spam-bot's src/testing/updates). */
import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";
import { BOT_INFO } from "./bot.ts";

let nextUpdate = 1;
let nextMessage = 1;
const now = () => Math.floor(Date.now() / 1000);

export function user(overrides: Partial<User> = {}): User {
  return { id: 111, is_bot: false, first_name: "Sari", language_code: "id", ...overrides };
}

export function privateChat(u: User = user()): Chat.PrivateChat {
  return { id: u.id, type: "private", first_name: u.first_name };
}

export function groupChat(id = -100_200): Chat.SupergroupChat {
  return { id, type: "supergroup", title: "Diskusi HAM" };
}

/** Command entity for "/cmd…" at the start, mention entities for every @name. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[\w@]+/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w+/g)) {
    if (command && m.index === text.indexOf("@") && m.index < command[0].length) continue;
    entities.push({ type: "mention", offset: m.index ?? 0, length: m[0].length });
  }
  return entities;
}

export interface MessageOptions {
  from?: User;
  chat?: Chat;
  date?: number;
  replyTo?: Message;
}

export function messageOf(text: string, opts: MessageOptions = {}): Message.TextMessage {
  const from = opts.from ?? user();
  const entities = entitiesOf(text);
  return {
    message_id: nextMessage++,
    date: opts.date ?? now(),
    chat: opts.chat ?? privateChat(from),
    from,
    text,
    ...(entities.length ? { entities } : {}),
    ...(opts.replyTo ? { reply_to_message: opts.replyTo as Message.TextMessage } : {}),
  } as Message.TextMessage;
}

export function text(t: string, opts: MessageOptions = {}): Update {
  return { update_id: nextUpdate++, message: messageOf(t, opts) as Update["message"] };
}

export function edited(t: string, opts: MessageOptions = {}): Update {
  return {
    update_id: nextUpdate++,
    edited_message: { ...messageOf(t, opts), edit_date: now() } as Update["edited_message"] & {},
  };
}

export function sticker(opts: MessageOptions = {}): Update {
  const from = opts.from ?? user();
  return {
    update_id: nextUpdate++,
    message: {
      message_id: nextMessage++,
      date: now(),
      chat: opts.chat ?? privateChat(from),
      from,
      sticker: {
        file_id: "s",
        file_unique_id: "s",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    } as Message.StickerMessage as Update["message"],
  };
}

/** A message the bot sent earlier (to reply to, or to carry a tapped button). */
export function botMessage(t: string, opts: { chat?: Chat; messageId?: number; photo?: boolean } = {}): Message {
  return {
    message_id: opts.messageId ?? nextMessage++,
    date: now(),
    chat: opts.chat ?? privateChat(),
    from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username },
    ...(opts.photo
      ? { caption: t, photo: [{ file_id: "p", file_unique_id: "p", width: 640, height: 360 }] }
      : { text: t }),
  } as Message;
}

export function callback(data: string, opts: { from?: User; message?: Message } = {}): Update {
  const from = opts.from ?? user();
  return {
    update_id: nextUpdate++,
    callback_query: {
      id: `cb${nextUpdate}`,
      from,
      chat_instance: "ci",
      data,
      message: opts.message ?? botMessage("…", { chat: privateChat(from) }),
    },
  } as Update;
}

export function inline(query: string, from: User = user()): Update {
  return { update_id: nextUpdate++, inline_query: { id: `iq${nextUpdate}`, from, query, offset: "" } };
}
