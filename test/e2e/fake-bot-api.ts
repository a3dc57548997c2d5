/**
 * A fake Bot API on 127.0.0.1 (an ephemeral port) for end-to-end tests of the real process:
 * answers getMe, the start-up calls and every send with a plausible result, records each
 * call with its parsed parameters, and holds getUpdates for a moment before answering "no
 * updates" (as a long poll would), so a polling bot does not spin. Never reaches Telegram.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
}

export interface FakeBotApi {
  url: string;
  calls: ApiCall[];
  /** Texts of sendMessage calls to a chat, in order. */
  textsTo(chatId: number): string[];
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

async function body(req: import("node:http").IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  // multipart (photos): keep only that it was sent.
  return { multipart: true };
}

export async function startFakeBotApi(): Promise<FakeBotApi> {
  const calls: ApiCall[] = [];
  let messageId = 1;
  const server: Server = createServer((req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    body(req).then(
      (params) => {
        if (!m) return void res.writeHead(404).end();
        const [, token = "", method = ""] = m;
        calls.push({ token, method, params });
        const reply = (result: unknown) =>
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
        switch (method) {
          case "getMe":
            return reply(FAKE_BOT);
          case "getUpdates":
            return void setTimeout(() => reply([]), 200);
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
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    textsTo: (chatId) =>
      calls
        .filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === chatId)
        .map((c) => String(c.params.text ?? "")),
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
