import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig, withEnvFile } from "../src/config.ts";

const TOKEN = "7012345678:AAHtestTOKENsecretPart_0123456789-xyz";

function problems(env: Record<string, string>, argv: string[] = []): string[] {
  try {
    parseConfig(env, argv);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("without BOT_TOKEN runs the terminal chat with quiet logs and defaults", () => {
    const c = parseConfig({});
    expect(c.mode).toBe("console");
    expect(c).toMatchObject({
      logLevel: "warn",
      apiRoot: "https://api.telegram.org",
      stateDir: "./.data",
      redisUrl: null,
      homeProvince: "16",
      rateLimit: { limit: 20, windowMs: 60_000 },
    });
  });

  it("with BOT_TOKEN polls; with WEBHOOK_URL and a secret serves a webhook on PORT 8080", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ mode: "polling", token: TOKEN, logLevel: "info" });
    const w = parseConfig({
      BOT_TOKEN: TOKEN,
      WEBHOOK_URL: "https://bot.example.org/tg",
      WEBHOOK_SECRET: "s3cret_s3cret",
    });
    expect(w).toMatchObject({ mode: "webhook", webhook: { url: "https://bot.example.org/tg", port: 8080 } });
  });

  it("reads every other setting", () => {
    const c = parseConfig({
      BOT_TOKEN: TOKEN,
      LOG_LEVEL: "debug",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      STATE_DIR: "/var/lib/kkpham",
      REDIS_URL: "redis://localhost:6379",
      HOME_PROVINCE: "32",
      RATE_LIMIT: "5",
      RATE_WINDOW_SECONDS: "10",
    });
    expect(c).toMatchObject({
      logLevel: "debug",
      apiRoot: "http://127.0.0.1:8081",
      stateDir: "/var/lib/kkpham",
      redisUrl: "redis://localhost:6379",
      homeProvince: "32",
      rateLimit: { limit: 5, windowMs: 10_000 },
    });
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ BOT_TOKEN: "", REDIS_URL: " " }).mode).toBe("console");
  });

  it("names the bad variable and what it should be, without echoing the value", () => {
    const bad = "7012345678:short";
    const p = problems({ BOT_TOKEN: bad, PORT: "eighty", LOG_LEVEL: "loud", HOME_PROVINCE: "Sumsel" });
    const text = p.join("\n");
    expect(text).toMatch(/^BOT_TOKEN: should look like/m);
    expect(text).toMatch(/^PORT: should be a port number/m);
    expect(text).toMatch(/^LOG_LEVEL: should be one of fatal, error/m);
    expect(text).toMatch(/^HOME_PROVINCE: should be a two-digit province code/m);
    expect(text).not.toContain(bad);
    expect(text).not.toContain("short");
  });

  it("a webhook needs a token and a secret of at least 12 safe characters", () => {
    expect(problems({ WEBHOOK_URL: "https://x.org/tg", WEBHOOK_SECRET: "s3cret_s3cret" })[0]).toMatch(
      /^BOT_TOKEN: required/,
    );
    expect(problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.org/tg" })[0]).toMatch(/^WEBHOOK_SECRET: required/);
    const short = problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.org/tg", WEBHOOK_SECRET: "abc" });
    expect(short[0]).toMatch(/^WEBHOOK_SECRET: should be 12–256 characters/);
    expect(short.join()).not.toContain(TOKEN);
    expect(problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "ftp://x.org", WEBHOOK_SECRET: "s3cret_s3cret" })[0]).toMatch(
      /^WEBHOOK_URL: should be an https/,
    );
  });

  it("refuses an http webhook with the official API, allows it with a local Bot API server", () => {
    const env = { BOT_TOKEN: TOKEN, WEBHOOK_URL: "http://x.org/tg", WEBHOOK_SECRET: "s3cret_s3cret" };
    expect(problems(env)[0]).toMatch(/^WEBHOOK_URL: should be https/);
    expect(parseConfig({ ...env, TELEGRAM_API_ROOT: "http://localhost:8081" }).mode).toBe("webhook");
  });

  it("bounds RATE_LIMIT and validates REDIS_URL", () => {
    expect(problems({ RATE_LIMIT: "0" })[0]).toMatch(/^RATE_LIMIT: should be a whole number/);
    expect(problems({ REDIS_URL: "localhost:6379" })[0]).toMatch(/^REDIS_URL: should be redis:\/\//);
  });

  it("--ask selects ask mode, with --lang, --json and --chart", () => {
    const c = parseConfig({ BOT_TOKEN: TOKEN }, [
      "--ask",
      "OKU 2023",
      "--lang",
      "en",
      "--json",
      "--chart",
      "/tmp/c.png",
    ]);
    expect(c).toMatchObject({
      mode: "ask",
      ask: { text: "OKU 2023", lang: "en", json: true, chartFile: "/tmp/c.png" },
    });
    expect(parseConfig({}, ["--ask", "-"])).toMatchObject({ mode: "ask", ask: { text: "-", lang: "id", json: false } });
  });

  it("rejects bad command lines with a usage hint", () => {
    expect(problems({}, ["--bogus"])[0]).toMatch(/--bogus.*use --ask/);
    expect(problems({}, ["--ask", "x", "--lang", "fr"])[0]).toMatch(/^--lang: should be id or en/);
    expect(problems({}, ["--json"])[0]).toMatch(/only with --ask/);
    expect(problems({}, ["--ask", "-", "--chart", "x.png"])[0]).toMatch(/^--chart: works with one question/);
  });

  it("ADMIN_IDS: Telegram user ids separated by commas; none by default", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ adminIds: new Set() });
    expect(parseConfig({ BOT_TOKEN: TOKEN, ADMIN_IDS: " 12345678, 87654321 ," })).toMatchObject({
      adminIds: new Set([12345678, 87654321]),
    });
    const p = problems({ BOT_TOKEN: TOKEN, ADMIN_IDS: "12345678,@sari" });
    expect(p[0]).toMatch(/^ADMIN_IDS: should be Telegram user ids separated by commas/);
    expect(p.join()).not.toContain("@sari");
  });

  it("the ops server: with HEALTH_PORT in polling, always in webhook mode (default 9090, not PORT)", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ mode: "polling", ops: null });
    expect(parseConfig({ BOT_TOKEN: TOKEN, HEALTH_PORT: "9100" })).toMatchObject({
      ops: { port: 9100, host: "0.0.0.0" },
    });
    const hook = { BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.org/tg", WEBHOOK_SECRET: "s3cret_s3cret" };
    expect(parseConfig(hook)).toMatchObject({ ops: { port: 9090, host: "0.0.0.0" }, webhook: { port: 8080 } });
    expect(parseConfig({ ...hook, HOST: "127.0.0.1", HEALTH_HOST: "10.0.0.5" })).toMatchObject({
      ops: { host: "10.0.0.5" },
      webhook: { host: "127.0.0.1" },
    });
    expect(problems({ ...hook, PORT: "9090" })[0]).toMatch(/^HEALTH_PORT: should differ from PORT/);
    expect(problems({ BOT_TOKEN: TOKEN, HEALTH_PORT: "70000" })[0]).toMatch(/^HEALTH_PORT: should be a port number/);
    // 0: a free port each (tests run several instances on one machine).
    expect(parseConfig({ ...hook, PORT: "0", HEALTH_PORT: "0" })).toMatchObject({ ops: { port: 0 } });
  });
});

describe("fault settings", () => {
  it("own budgets for inline queries and taps, polling bounds, the shutdown deadline: defaults and values", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN })).toMatchObject({
      rateLimit: { limit: 20, inline: 120, callbacks: 60 },
      polling: { fetchLimit: 20, concurrency: 20, retryMaxMs: 3_000 },
      shutdownTimeoutMs: 10_000,
    });
    const c = parseConfig({
      BOT_TOKEN: TOKEN,
      RATE_LIMIT_INLINE: "30",
      RATE_LIMIT_CALLBACKS: "15",
      POLL_FETCH_LIMIT: "5",
      POLL_CONCURRENCY: "8",
      POLL_RETRY_MAX_SECONDS: "2",
      SHUTDOWN_TIMEOUT_SECONDS: "4",
    });
    expect(c).toMatchObject({
      rateLimit: { inline: 30, callbacks: 15 },
      polling: { fetchLimit: 5, concurrency: 8, retryMaxMs: 2_000 },
      shutdownTimeoutMs: 4_000,
    });
  });

  it("names each bad one", () => {
    const p = problems({
      BOT_TOKEN: TOKEN,
      POLL_FETCH_LIMIT: "101",
      POLL_RETRY_MAX_SECONDS: "0",
      SHUTDOWN_TIMEOUT_SECONDS: "x",
    });
    expect(p).toEqual([
      expect.stringMatching(/^POLL_FETCH_LIMIT: should be a whole number of updates per getUpdates, 1–100/),
      expect.stringMatching(/^POLL_RETRY_MAX_SECONDS: should be a whole number of seconds, 1–60/),
      expect.stringMatching(/^SHUTDOWN_TIMEOUT_SECONDS: should be a whole number of seconds, 1–600/),
    ]);
  });

  it(".env.example documents every setting parseConfig reads", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const source = readFileSync(new URL("../src/config.ts", import.meta.url), "utf8");
    const settings = [...source.matchAll(/^ {2}([A-Z][A-Z_]+): /gm)].map((m) => m[1]);
    expect(settings.length).toBeGreaterThan(15);
    for (const s of settings) expect(example, s).toMatch(new RegExp(`^${s}=`, "m"));
  });
});

describe("withEnvFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "kkpham-env-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fills in from .env what the environment does not set; the environment wins", () => {
    const file = join(dir, ".env");
    writeFileSync(file, `# a comment\nBOT_TOKEN=${TOKEN}\nRATE_LIMIT=5\nexport LOG_LEVEL=debug\nHOME_PROVINCE="16"\n`);
    const env = withEnvFile({ RATE_LIMIT: "7", PATH: "/bin", UNSET: undefined }, file);
    expect(env).toMatchObject({ BOT_TOKEN: TOKEN, RATE_LIMIT: "7", LOG_LEVEL: "debug", HOME_PROVINCE: "16" });
    expect(parseConfig(env)).toMatchObject({ mode: "polling", rateLimit: { limit: 7 }, logLevel: "debug" });
  });

  it("no file: the environment as it is; an unreadable one: an error naming it, not its content", () => {
    const env = { A: "1" };
    expect(withEnvFile(env, join(dir, "missing.env"))).toBe(env);
    // A directory where the file should be cannot be read, even by root.
    const notAFile = join(dir, "sub.env");
    mkdirSync(notAFile);
    writeFileSync(join(notAFile, "inside"), `BOT_TOKEN=${TOKEN}\n`);
    expect(() => withEnvFile({}, notAFile)).toThrow(ConfigError);
    expect(() => withEnvFile({}, notAFile)).toThrow(/sub\.env: cannot be read \(EISDIR\)/);
  });
});
