/**
 * A fake Bot API on 127.0.0.1 (an ephemeral port) for end-to-end and fault tests of the
 * bot: answers getMe, the start-up calls and every send with a plausible result, records
 * each call (with its parsed parameters and when it arrived), and serves getUpdates from a
 * queue of updates (confirmed by the next call's offset, as Telegram does), holding the
 * call for a moment when there are none so a polling bot does not spin. Never reaches
 * Telegram.
 *
 * Faults, for test/faults: `script` answers a call instead (an error code with
 * retry_after, a delay, a call that never answers), `down()` closes the port (connections
 * refused) and `up()` listens again on the same port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";

export interface ApiCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
  /** Date.now() when the call arrived. */
  at: number;
}

/** What a scripted call gets instead of the normal answer. */
export type Scripted =
  | { error_code: number; description: string; retry_after?: number }
  | { delayMs: number }
  | { hang: true };

export interface FakeBotApiOptions {
  /** Called for every call; return a fault to answer with, or undefined for the normal answer. */
  script?: (method: string, params: Record<string, unknown>) => Scripted | undefined;
  /** How long an empty getUpdates is held (default 200 ms). */
  holdMs?: number;
}

export interface FakeBotApi {
  url: string;
  port: number;
  calls: ApiCall[];
  /** Texts of sendMessage calls to a chat, in order. */
  textsTo(chatId: number): string[];
  /** Queue updates for getUpdates. */
  push(...updates: Update[]): void;
  /** The highest update_id a getUpdates offset has confirmed (-1: none). */
  confirmed(): number;
  script: FakeBotApiOptions["script"];
  /** Stop listening: connections are refused until up(). */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export const FAKE_BOT = {
  id: 4242,
  is_bot: true,
  first_name: "KKP HAM test",
  username: "kkpham_e2e_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  // multipart (photos): keep only that it was sent.
  return { multipart: true };
}

export async function startFakeBotApi(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const calls: ApiCall[] = [];
  const queue: Update[] = [];
  let confirmed = -1;
  let messageId = 1;
  const holdMs = opts.holdMs ?? 200;
  const held = new Set<ServerResponse>();

  function normal(method: string, params: Record<string, unknown>, res: ServerResponse) {
    const reply = (result: unknown) => {
      held.delete(res);
      if (!res.writableEnded)
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
    };
    switch (method) {
      case "getMe":
        return reply(FAKE_BOT);
      case "getUpdates": {
        const offset = Number(params.offset ?? 0);
        if (offset > 0) confirmed = Math.max(confirmed, offset - 1);
        while (queue.length && (queue[0]?.update_id ?? 0) < offset) queue.shift();
        const limit = Number(params.limit ?? 100);
        if (queue.length) return reply(queue.slice(0, limit));
        held.add(res);
        return void setTimeout(() => reply([]), holdMs);
      }
      case "sendMessage":
      case "sendPhoto":
        return reply({
          message_id: messageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: params.chat_id, type: "private" },
          text: params.text,
        });
      default:
        return reply(true);
    }
  }

  const api: FakeBotApi = {
    url: "",
    port: 0,
    calls,
    script: opts.script,
    textsTo: (chatId) =>
      calls
        .filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === chatId)
        .map((c) => String(c.params.text ?? "")),
    push: (...updates) => void queue.push(...updates),
    confirmed: () => confirmed,
    down: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
    up: () => new Promise<void>((r) => server.listen(api.port, "127.0.0.1", () => r())),
    close: () =>
      new Promise((r) => {
        if (!server.listening) return r();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };

  const server: Server = createServer((req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    body(req).then(
      (params) => {
        if (!m) return void res.writeHead(404).end();
        const [, token = "", method = ""] = m;
        calls.push({ token, method, params, at: Date.now() });
        const fault = api.script?.(method, params);
        if (!fault) return normal(method, params, res);
        if ("hang" in fault) return;
        if ("delayMs" in fault) return void setTimeout(() => normal(method, params, res), fault.delayMs);
        res.writeHead(fault.error_code, { "content-type": "application/json" }).end(
          JSON.stringify({
            ok: false,
            error_code: fault.error_code,
            description: fault.description,
            ...(fault.retry_after !== undefined ? { parameters: { retry_after: fault.retry_after } } : {}),
          }),
        );
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  api.port = (server.address() as AddressInfo).port;
  api.url = `http://127.0.0.1:${api.port}`;
  return api;
}
