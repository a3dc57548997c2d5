/**
 * The ops HTTP server, on its own port (HEALTH_PORT; in webhook mode always, default 9090),
 * so health checks and metric scrapes never share a port with Telegram's webhook calls:
 *   GET /healthz  200 "ok" while the process runs (liveness)
 *   GET /readyz   200 "ready", or 503 with one reason per line (readiness, see health.ts)
 *   GET /metrics  Prometheus text (metrics.ts)
 * Everything else is 404. It never shows a setting, a token or a user's message.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";
import type { Readiness } from "./health.ts";

export interface OpsHandlers {
  readiness(): Promise<Readiness>;
  metrics: { text(): Promise<string>; contentType: string };
}

export interface OpsServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(
  listen: { port: number; host: string },
  handlers: OpsHandlers,
  logger: Logger,
): Promise<OpsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const send = (code: number, body: string, type = "text/plain; charset=utf-8") =>
      res.writeHead(code, { "content-type": type, "cache-control": "no-store" }).end(body);
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    const answer = async () => {
      switch (path) {
        case "/healthz":
          return send(200, "ok\n");
        case "/readyz": {
          const r = await handlers.readiness();
          return r.ready ? send(200, "ready\n") : send(503, `${r.reasons.join("\n")}\n`);
        }
        case "/metrics":
          return send(200, await handlers.metrics.text(), handlers.metrics.contentType);
        default:
          return send(404, "not found\n");
      }
    };
    answer().catch((err: unknown) => {
      logger.error({ err, path }, "ops request failed");
      if (!res.headersSent) send(500, "error\n");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(new Error(`HEALTH_PORT: cannot listen on ${listen.host}:${listen.port} (${err.code ?? err.message})`)),
    );
    server.listen(listen.port, listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info(
    { listen: `${listen.host}:${port}`, endpoints: ["/healthz", "/readyz", "/metrics"] },
    "ops server listening",
  );
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
