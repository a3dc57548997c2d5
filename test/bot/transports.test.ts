/** The terminal chat, --ask and the webhook server, in-process. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createChartRenderer } from "../../src/render/chart/charts.ts";
import { runAsk } from "../../src/transports/ask.ts";
import { runConsole } from "../../src/transports/console.ts";
import { startWebhook } from "../../src/transports/webhook.ts";
import { makeBot, testCore } from "../helpers/bot.ts";
import { text } from "../helpers/updates.ts";

const dir = mkdtempSync(join(tmpdir(), "kkpham-transports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("terminal chat", () => {
  it("runs the same bot: commands, questions, numbered buttons to tap, chart files; ends at EOF", async () => {
    const { bot } = await makeBot({ chart: createChartRenderer() });
    const input = new PassThrough();
    const out = sink();
    input.end("/start\nApakah OKU meraih penghargaan peduli HAM?\nMusi\n2\nenglish please\ntren\n");
    await runConsole(bot, {
      input,
      output: out.stream,
      chartsDir: join(dir, "charts"),
      user: { id: 1, first_name: "Tester", language_code: "id" },
      banner: "BANNER",
    });
    const transcript = out.text();
    expect(transcript.startsWith("BANNER\n› /start\n🤖 Halo Tester!")).toBe(true);
    expect(transcript).not.toMatch(/<\/?(b|i|a)\b/); // HTML turned into terminal text
    expect(transcript).toMatch(/› Musi\n🤖 .*Musi”\?\n\s+\[1\] Kabupaten Musi Rawas/);
    expect(transcript).toMatch(/› 2\n✎ {2}Kabupaten Musi Banyuasin/);
    expect(transcript).toContain("OK, from now on I will answer in English.");
    const png = /🖼 {2}(\S+\.png)/.exec(transcript)?.[1];
    expect(png && existsSync(png)).toBe(true);
    expect(
      readFileSync(png ?? "")
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect(transcript).toContain("Sumatera Selatan");
  });

  it("answers every line of a long piped list: no rate limit for the one local user", async () => {
    // Console mode (no token) with a limit that would bite on Telegram.
    const { bot } = await makeBot({ env: { BOT_TOKEN: "", RATE_LIMIT: "5" } });
    const input = new PassThrough();
    const out = sink();
    const questions = Array.from({ length: 30 }, (_, i) => `OKU ${2014 + (i % 11)}`);
    input.end(`${questions.join("\n")}\n`);
    const user = { id: 7, first_name: "Tester", language_code: "id" };
    await runConsole(bot, { input, output: out.stream, chartsDir: join(dir, "charts"), user, banner: "" });
    expect(out.text().match(/🤖 Kabupaten Ogan Komering Ulu/g)).toHaveLength(30);
    expect(out.text()).not.toContain("Pelan-pelan");
  });
});

describe("--ask", () => {
  const io = () => ({ input: new PassThrough(), out: sink(), err: sink() });

  it("prints one answer as terminal text", async () => {
    const core = await testCore();
    const { input, out, err } = io();
    const code = await runAsk(
      core,
      { text: "Lahat 2022", lang: "id", json: false, chartFile: null },
      { input, output: out.stream, error: err.stream },
    );
    expect(code).toBe(0);
    expect(out.text()).toContain("Kabupaten Lahat");
    expect(out.text()).not.toContain("<b>");
  });

  it("--ask prints the choices when the answer is a question back", async () => {
    const core = await testCore();
    const { input, out, err } = io();
    await runAsk(
      core,
      { text: "Musi", lang: "id", json: false, chartFile: null },
      { input, output: out.stream, error: err.stream },
    );
    expect(out.text()).toContain("Maksud Anda yang mana");
    for (const name of ["Musi Rawas,", "Musi Banyuasin,", "Musi Rawas Utara,"]) expect(out.text()).toContain(name);
  });

  it("--ask - reads one question per line and prints JSON lines with --json", async () => {
    const core = await testCore();
    const { input, out, err } = io();
    input.end("OKU 2024\n\nOgan Ilir 2024\nsiapa pemenang 2022\n");
    const code = await runAsk(
      core,
      { text: "-", lang: "en", json: true, chartFile: null },
      { input, output: out.stream, error: err.stream },
    );
    expect(code).toBe(0);
    const lines = out
      .text()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ lang: "en", regions: [{ code: "16.01" }], results: [{ year: 2024, won: true }] });
    expect(lines[1].results[0]).toMatchObject({ code: "16.10", won: false });
    expect(lines[2].intent).toBe("winners");
  });

  it("--ask - without --json prints each answer on one line", async () => {
    const core = await testCore();
    const { input, out, err } = io();
    input.end("OKU 2024\nMusi\n");
    await runAsk(
      core,
      { text: "-", lang: "id", json: false, chartFile: null },
      { input, output: out.stream, error: err.stream },
    );
    expect(out.text().trim().split("\n")).toHaveLength(2);
  });

  it("--chart FILE writes the PNG of a trend answer, and says so when there is no chart", async () => {
    const core = await testCore();
    const chart = createChartRenderer();
    const file = join(dir, "trend.png");
    const a = io();
    expect(
      await runAsk(
        core,
        { text: "tren Musi Rawas", lang: "id", json: false, chartFile: file },
        { input: a.input, output: a.out.stream, error: a.err.stream },
        chart,
      ),
    ).toBe(0);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    const b = io();
    expect(
      await runAsk(
        core,
        { text: "OKU 2024", lang: "en", json: false, chartFile: join(dir, "none.png") },
        { input: b.input, output: b.out.stream, error: b.err.stream },
        chart,
      ),
    ).toBe(1);
    expect(b.err.text()).toContain("no chart");
    expect(existsSync(join(dir, "none.png"))).toBe(false);
  });
});

describe("webhook server", () => {
  it("checks the secret header, answers /healthz, registers the URL, logs it without secrets, stops cleanly", async () => {
    const { bot, api, logs } = await makeBot();
    const secret = "hook_secret_0123456789";
    const running = await startWebhook(
      bot,
      { url: "https://bot.example.org/tg/hook", secret, port: 0, host: "127.0.0.1" },
      logs.logger,
    );
    const base = `http://127.0.0.1:${running.port}`;
    try {
      expect(api.of("setWebhook")[0]?.payload).toMatchObject({
        url: "https://bot.example.org/tg/hook",
        secret_token: secret,
      });
      expect(
        logs.lines.some((l) => l.includes("webhook registered") && l.includes("https://bot.example.org/tg/hook")),
      ).toBe(true);

      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.text()).toBe("ok");
      expect((await fetch(`${base}/other`)).status).toBe(404);

      const body = JSON.stringify(text("/start"));
      const headers = { "content-type": "application/json" };
      const denied = await fetch(`${base}/tg/hook`, {
        method: "POST",
        body,
        headers: { ...headers, "x-telegram-bot-api-secret-token": "wrong_secret_000" },
      });
      expect(denied.status).toBe(401);
      expect(api.of("sendMessage")).toHaveLength(0);

      const ok = await fetch(`${base}/tg/hook`, {
        method: "POST",
        body,
        headers: { ...headers, "x-telegram-bot-api-secret-token": secret },
      });
      expect(ok.status).toBe(200);
      expect(api.texts()[0]).toContain("Halo Sari");
    } finally {
      await running.stop();
    }
    expect(running.server.listening).toBe(false);
    expect(logs.lines.join("")).not.toContain(secret);
  });
});
