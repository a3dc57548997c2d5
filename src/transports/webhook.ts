/**
 * Webhook mode: a small node:http server. POST to the WEBHOOK_URL's path runs the update
 * (grammY checks the X-Telegram-Bot-Api-Secret-Token header and answers 401 without it),
 * GET /healthz answers "ok" for load balancers, everything else is 404. The registered URL
 * is logged; the secret and the token never are (the logger scrubs both anyway).
 *
 * A body over MAX_BODY_BYTES (Telegram's updates are a few kB) is refused with 413 before
 * any of it is parsed: by its Content-Length at once, or, sent chunked, as soon as the
 * bytes read pass the limit; the connection is then closed, so memory stays flat.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback } from "grammy";
import type { AppBot } from "../bot/bot.ts";
import { ALLOWED_UPDATES } from "../bot/bot.ts";
import type { Logger } from "../logger.ts";
import type { Running } from "./polling.ts";

export interface WebhookOptions {
  url: string;
  secret: string;
  port: number;
  host: string;
  /** Default MAX_BODY_BYTES (1 MB). */
  maxBodyBytes?: number;
}

export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function tooLarge(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(413, { connection: "close", "content-type": "text/plain" });
  res.end("body too large", () => res.socket?.destroy());
}

/** The request body as JSON, refused (413, BodyTooLarge) past `limit` bytes. */
function readJson(req: IncomingMessage, res: ServerResponse, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      chunks.length = 0;
      tooLarge(res);
      reject(new BodyTooLarge());
    };
    req.on("data", onData);
    req.once("end", () => {
      if (size > limit) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (err) {
        reject(err);
      }
    });
    req.once("error", reject);
  });
}

/** grammY's "http" adapter, with the body limit. */
function limitedHttp(limit: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers["x-telegram-bot-api-secret-token"];
    return {
      get update() {
        return readJson(req, res, limit) as never;
      },
      header: Array.isArray(header) ? header[0] : header,
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { "Content-Type": "application/json" }).end(json),
      unauthorized: () => res.writeHead(401).end("secret token is wrong"),
      handlerReturn: undefined,
    };
  };
}

export interface RunningServer extends Running {
  server: Server;
  port: number;
}

export async function startWebhook(bot: AppBot, opts: WebhookOptions, logger: Logger): Promise<RunningServer> {
  const path = new URL(opts.url).pathname;
  // Telegram waits up to 60 s and then re-sends; our answers take milliseconds, so a slow
  // update is acknowledged after 9 s and finishes in the background (dedupe drops a resend).
  const handle = webhookCallback(bot, limitedHttp(opts.maxBodyBytes ?? MAX_BODY_BYTES), {
    secretToken: opts.secret,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  const server = createServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method === "POST" && url === path) {
      if (Number(req.headers["content-length"] ?? 0) > (opts.maxBodyBytes ?? MAX_BODY_BYTES)) {
        logger.warn({ bytes: Number(req.headers["content-length"]) }, "webhook body too large: refused (413)");
        return tooLarge(res);
      }
      handle(req, res).catch((err: unknown) => {
        if (err instanceof BodyTooLarge) return logger.warn("webhook body too large: refused (413)");
        logger.error({ err }, "webhook request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await bot.api.setWebhook(opts.url, { secret_token: opts.secret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ url: opts.url, listen: `${opts.host}:${port}`, health: "/healthz" }, "webhook registered");

  let resolveDone: () => void = () => {};
  const done = new Promise<void>((r) => {
    resolveDone = r;
  });
  return {
    server,
    port,
    done,
    async stop() {
      // Stop accepting, drop idle keep-alive sockets, let running requests finish.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      await bot.idle();
      await closed;
      resolveDone();
    },
  };
}
