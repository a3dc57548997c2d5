import { createServer } from "node:net";
import { Bot, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED } from "../src/logger.ts";
import { captureLogs, TEST_TOKEN, TOKEN_SECRET_PART } from "./helpers/logs.ts";

/** A port on 127.0.0.1 that nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("createLogger", () => {
  it("scrubs the token out of a real grammY HttpError (node-fetch FetchError with /bot<TOKEN>/getMe)", async () => {
    const port = await closedPort();
    const bot = new Bot(TEST_TOKEN, { client: { apiRoot: `http://127.0.0.1:${port}` } });
    const err = await bot.api.getMe().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HttpError);
    // The raw error does carry the token: that is the leak being guarded against.
    const inner = (err as HttpError).error as Error;
    expect(`${inner.message}`).toContain(`/bot${TEST_TOKEN}/getMe`);

    const logs = captureLogs();
    logs.logger.error({ err }, "getMe failed");
    logs.logger.error(err as Error);
    logs.logger.warn(
      { cause: inner, url: `http://127.0.0.1:${port}/bot${TEST_TOKEN}/getMe` },
      `failed: ${inner.message}`,
    );
    logs.logger.error(new Error("outer", { cause: inner }), "nested cause");
    expect(logs.lines.length).toBe(4);
    expect(logs.leaks()).toEqual([]);
    expect(logs.lines.join("")).toContain(`/bot${REDACTED}/getMe`);
    expect(logs.lines[0]).toContain("ECONNREFUSED");
  });

  it("redacts token fields, the URL-encoded token and the secret half on its own", () => {
    const logs = captureLogs({ secrets: ["webhook_secret_123"] });
    logs.logger.info({ token: TEST_TOKEN, config: { token: "x", webhook: { secret: "y" } } }, "fields");
    logs.logger.info({ where: encodeURIComponent(TEST_TOKEN) }, "encoded");
    logs.logger.info(`half ${TOKEN_SECRET_PART} and secret webhook_secret_123`);
    logs.logger.child({ botToken: TEST_TOKEN }).info("child");
    expect(logs.leaks()).toEqual([]);
    expect(logs.lines.join("")).not.toContain("webhook_secret_123");
    const fields = JSON.parse(logs.lines[0] ?? "{}");
    expect(fields.token).toBe(REDACTED);
    expect(fields.config).toEqual({ token: REDACTED, webhook: { secret: REDACTED } });
  });

  it("respects the level and writes JSON lines without a transport", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", destination: { write: (s: string) => void lines.push(s) } });
    logger.info("hidden");
    logger.warn({ a: 1 }, "shown");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: 40, a: 1, msg: "shown" });
  });
});
