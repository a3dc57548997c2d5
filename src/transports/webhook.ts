/**
 * Webhook mode: a small node:http server. POST to the WEBHOOK_URL's path runs the update
 * (grammY checks the X-Telegram-Bot-Api-Secret-Token header and answers 401 without it),
 * GET /healthz answers "ok" for load balancers, everything else is 404. The registered URL
 * is logged; the secret and the token never are (the logger scrubs both anyway).
 */
import { createServer, type Server } from "node:http";
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
}

export interface RunningServer extends Running {
  server: Server;
  port: number;
}

export async function startWebhook(bot: AppBot, opts: WebhookOptions, logger: Logger): Promise<RunningServer> {
  const path = new URL(opts.url).pathname;
  // Telegram waits up to 60 s and then re-sends; our answers take milliseconds, so a slow
  // update is acknowledged after 9 s and finishes in the background (dedupe drops a resend).
  const handle = webhookCallback(bot, "http", {
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
      handle(req, res).catch((err: unknown) => {
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
