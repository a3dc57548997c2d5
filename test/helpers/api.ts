/**
 * A recording API transformer: every Bot API call the bot makes is kept, none reaches the
 * network, and each gets a plausible result. Installed last, so it runs before auto-retry
 * and stands in for Telegram. (Model: ua-anti-spam-bot src/testing/outgoing-requests.ts.)
 */
import { type Bot, type Context, InputFile } from "grammy";

export interface Call {
  method: string;
  payload: Record<string, unknown>;
}

export type Failure = { error_code: number; description: string } | Error;

export interface Recorder {
  calls: Call[];
  /** Calls of one method. */
  of(method: string): Call[];
  /** What a user would read: texts and captions of sent and edited messages, in order. */
  texts(): string[];
  /** The inline keyboard labels of a call. */
  buttons(call: Call | undefined): string[];
  buttonData(call: Call | undefined): string[];
  /** Make a method fail (a Bot API error, or a thrown error such as an HttpError). */
  fail(method: string, failure: Failure): void;
  clear(): void;
}

/** InputFiles cannot be serialized; keep a marker in the recorded payload instead. */
function clean(value: unknown): unknown {
  if (value instanceof InputFile) return { inputFile: value.filename ?? true };
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  }
  return value;
}

export function recordApi<C extends Context>(bot: Bot<C>): Recorder {
  const calls: Call[] = [];
  const failures = new Map<string, Failure>();
  let messageId = 5000;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = clean(payload) as Record<string, unknown>;
    calls.push({ method, payload: p });
    const failure = failures.get(method);
    if (failure instanceof Error) throw failure;
    if (failure) return { ok: false, ...failure } as never;
    const chat = { id: p.chat_id, type: "private" };
    let result: unknown = true;
    // A photo sent or edited comes back with the file_id Telegram gave it (a new upload gets
    // a new id; a photo sent by file_id keeps its id), as the Bot API answers.
    const media = (method === "editMessageMedia" ? (p.media as { media?: unknown } | undefined)?.media : p.photo) as
      | string
      | { inputFile: unknown }
      | undefined;
    const photo =
      media === undefined || (method !== "sendPhoto" && method !== "editMessageMedia")
        ? {}
        : {
            photo: [
              { file_id: typeof media === "string" ? media : `file-${messageId + 1}`, width: 1080, height: 1080 },
            ],
          };
    if (method.startsWith("send")) {
      result = {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat,
        text: p.text,
        caption: p.caption,
        ...photo,
      };
    } else if (method === "editMessageMedia") {
      result = { message_id: p.message_id ?? ++messageId, date: Math.floor(Date.now() / 1000), chat, ...photo };
    } else if (method === "getMe") result = bot.botInfo;
    return { ok: true, result } as never;
  });
  const kb = (call: Call | undefined) =>
    (
      (call?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)
        ?.inline_keyboard ?? []
    ).flat();
  return {
    calls,
    of: (method) => calls.filter((c) => c.method === method),
    texts: () =>
      calls.flatMap((c) => {
        const media = c.payload.media as { caption?: string } | undefined;
        const t = c.payload.text ?? c.payload.caption ?? media?.caption;
        return typeof t === "string" ? [t] : [];
      }),
    buttons: (call) => kb(call).map((b) => b.text),
    buttonData: (call) => kb(call).flatMap((b) => (b.callback_data ? [b.callback_data] : [])),
    fail: (method, failure) => failures.set(method, failure),
    clear: () => {
      calls.length = 0;
    },
  };
}
