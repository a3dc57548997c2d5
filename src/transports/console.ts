/**
 * The terminal chat: the very same bot object as on Telegram, so what a newcomer sees here
 * is what Telegram users get. Each typed line becomes a private-chat message update (so
 * /start, /bahasa, /cek … work as commands) fed to bot.handleUpdate. An API transformer
 * stands in for Telegram: it never touches the network and prints every message the bot
 * sends or edits as a chat line. Inline buttons are printed as numbered choices; typing the
 * number taps the button (a callback_query update). Charts are written as PNG files under
 * STATE_DIR/charts/ and their path is printed with the caption.
 *
 * Works with piped stdin too: each line is echoed after "› ", and the chat ends at EOF once
 * the last reply is printed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { InputFile } from "grammy";
import type { InlineKeyboardButton, Message, Update, UserFromGetMe } from "grammy/types";
import type { AppBot } from "../bot/bot.ts";
import { htmlToTerminal } from "./terminal-text.ts";

export const CONSOLE_BOT_INFO: UserFromGetMe = {
  id: 10_000,
  is_bot: true,
  first_name: "KKP HAM",
  username: "kkpham_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  chartsDir: string;
  user: { id: number; first_name: string; language_code?: string };
  /** Printed once at the start. */
  banner: string;
  /** ANSI bold/italic; only for a colour terminal. */
  color?: boolean;
  /** Show a "› " prompt and let the terminal echo (true for a TTY). */
  interactive?: boolean;
}

interface Shown {
  message: Message;
  buttons: InlineKeyboardButton[][];
}

// The transformer sees the raw payload of every call; its shape depends on the method.
type Payload = Record<string, unknown>;

async function bytesOf(file: InputFile): Promise<Uint8Array> {
  const raw = await file.toRaw();
  if (raw instanceof Uint8Array) return raw;
  const parts: Uint8Array[] = [];
  for await (const chunk of raw as AsyncIterable<Uint8Array>) parts.push(chunk);
  return Buffer.concat(parts);
}

export async function runConsole(bot: AppBot, opts: ConsoleOptions): Promise<void> {
  const out = (s: string) => opts.output.write(`${s}\n`);
  const chat = { id: opts.user.id, type: "private" as const, first_name: opts.user.first_name };
  const from = { ...opts.user, is_bot: false };
  const shown = new Map<number, Shown>();
  let choices: { messageId: number; button: InlineKeyboardButton }[] = [];
  let nextMessageId = 1;
  let nextUpdateId = 1;
  let nextChart = 1;
  const now = () => Math.floor(Date.now() / 1000);

  const print = (html: string, buttons: InlineKeyboardButton[][], messageId: number, prefix = "🤖 ") => {
    const lines = htmlToTerminal(html, opts.color).split("\n");
    out(lines.map((l, i) => (i === 0 ? prefix : "   ") + l).join("\n"));
    const flat = buttons.flat().filter((b) => "callback_data" in b);
    if (flat.length > 0) {
      choices = flat.map((button) => ({ messageId, button }));
      out(flat.map((b, i) => `   [${i + 1}] ${b.text}`).join("\n"));
    }
  };

  const saveChart = async (file: InputFile): Promise<string> => {
    await mkdir(opts.chartsDir, { recursive: true });
    const path = resolve(join(opts.chartsDir, `chart-${Date.now()}-${nextChart++}.png`));
    await writeFile(path, await bytesOf(file));
    return path;
  };

  const keyboardOf = (p: Payload): InlineKeyboardButton[][] =>
    (p.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? [];

  bot.api.config.use(async (_prev, method, raw) => {
    const p = raw as Payload;
    const ok = (result: unknown) => ({ ok: true as const, result }) as never;
    switch (method) {
      case "sendMessage":
      case "sendPhoto": {
        const message_id = nextMessageId++;
        const buttons = keyboardOf(p);
        const photo = method === "sendPhoto";
        const text = String((photo ? p.caption : p.text) ?? "");
        const message = (
          photo
            ? {
                message_id,
                date: now(),
                chat,
                caption: text,
                photo: [{ file_id: "console", file_unique_id: "console", width: 0, height: 0 }],
              }
            : { message_id, date: now(), chat, text }
        ) as Message;
        shown.set(message_id, { message, buttons });
        const prefix = photo ? `🖼  ${await saveChart(p.photo as InputFile)}\n` : "";
        print(prefix + text, buttons, message_id);
        return ok(message);
      }
      case "editMessageText":
      case "editMessageMedia":
      case "editMessageCaption":
      case "editMessageReplyMarkup": {
        const id = Number(p.message_id);
        const prev = shown.get(id);
        const media = p.media as { media?: InputFile; caption?: string } | undefined;
        const text = String(p.text ?? media?.caption ?? p.caption ?? "");
        const buttons = keyboardOf(p);
        if (prev) {
          const message = { ...prev.message, ...(p.text !== undefined ? { text } : {}) } as Message;
          shown.set(id, { message, buttons });
        }
        const prefix = media?.media ? `🖼  ${await saveChart(media.media)}\n` : "";
        if (method === "editMessageReplyMarkup") print("", buttons, id, "✎  ");
        else print(prefix + text, buttons, id, "✎  ");
        return ok(prev?.message ?? true);
      }
      case "answerCallbackQuery":
        if (p.text) out(`   ⓘ ${String(p.text)}`);
        return ok(true);
      case "getMe":
        return ok(bot.botInfo);
      default:
        // setMyCommands, sendChatAction, …: nothing to show in a terminal.
        return ok(true);
    }
  });

  const toUpdate = (text: string): Update => {
    const n = /^\d{1,2}$/.test(text) ? Number(text) : 0;
    const choice = choices[n - 1];
    if (choice) {
      const message = shown.get(choice.messageId)?.message;
      const data = "callback_data" in choice.button ? choice.button.callback_data : "";
      return {
        update_id: nextUpdateId++,
        callback_query: {
          id: String(nextUpdateId),
          from,
          chat_instance: "console",
          data,
          ...(message ? { message } : {}),
        },
      } as Update;
    }
    const command = text.startsWith("/") ? (text.split(/\s/, 1)[0]?.length ?? 0) : 0;
    return {
      update_id: nextUpdateId++,
      message: {
        message_id: nextMessageId++,
        date: now(),
        chat,
        from,
        text,
        ...(command > 1 ? { entities: [{ type: "bot_command", offset: 0, length: command }] } : {}),
      },
    } as Update;
  };

  out(opts.banner);
  const rl = createInterface({
    input: opts.input,
    ...(opts.interactive ? { output: opts.output, terminal: true } : {}),
  });
  // Ctrl+C in a terminal reaches readline, not the process; a signal from outside reaches
  // the process. Both end the chat like Ctrl+D: the current update finishes first.
  const close = () => rl.close();
  rl.on("SIGINT", close);
  process.once("SIGINT", close).once("SIGTERM", close);
  if (opts.interactive) {
    rl.setPrompt("› ");
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      const text = line.trim();
      if (text) {
        if (!opts.interactive) out(`› ${text}`);
        await bot.handleUpdate(toUpdate(text));
      }
      if (opts.interactive) rl.prompt();
    }
  } finally {
    process.off("SIGINT", close).off("SIGTERM", close);
    await bot.idle();
  }
}
