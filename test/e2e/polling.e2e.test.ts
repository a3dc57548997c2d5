/**
 * End to end over real HTTP: the bot process (node --import tsx src/main.ts) long-polls a
 * telegram-test-api emulator on 127.0.0.1. /start, a question, a language switch by button,
 * SIGTERM, a second start on the same STATE_DIR, and the language holds.
 *
 * Emulator quirks (research/toolchain.md §2): fixed port; getUpdates returns at once (the
 * runner busy-polls while the bot runs); setMyCommands answers 500, which the bot must only
 * log; edits change the stored record in place, so they are read from getUpdatesHistory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TOKEN, TOKEN_SECRET_PART } from "../helpers/logs.ts";
import { type BotProcess, startBot, until } from "./processes.ts";

const PORT = 9123;

interface Record {
  messageId: number;
  message: { text?: string; reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] } };
}

/** The bot from source, long polling the emulator; resolves once polling has started. */
async function startPolling(stateDir: string): Promise<BotProcess> {
  const proc = startBot({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: `http://127.0.0.1:${PORT}`,
    STATE_DIR: stateDir,
    LOG_LEVEL: "info",
  });
  await proc.waitFor((l) => String(l.msg).includes("long polling started"), "long polling to start");
  return proc;
}

describe("end to end against telegram-test-api", () => {
  const server = new TelegramServer({ port: PORT, host: "127.0.0.1", storeTimeout: 60 });
  const stateDir = mkdtempSync(join(tmpdir(), "kkpham-e2e-"));
  const running: BotProcess[] = [];

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await server.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("answers, switches language by button, stops on SIGTERM, and keeps the language after a restart", {
    timeout: 90_000,
  }, async () => {
    const client = server.getClient(TEST_TOKEN, { timeout: 10_000, chatId: 1, userId: 1, firstName: "Sari" });
    const history = async (): Promise<Record[]> =>
      ((await client.getUpdatesHistory()) as unknown as Record[]).filter(
        (r) => r.message !== undefined && "chat_id" in r.message,
      );
    const botSaid = (needle: string) =>
      until(`bot message containing ${needle}`, async () =>
        (await history()).find((r) => r.message.text?.includes(needle)),
      );

    const first = await startPolling(stateDir);
    running.push(first);

    await client.sendCommand(client.makeCommand("/start"));
    await botSaid("Halo Sari");

    await client.sendMessage(client.makeMessage("Apakah OKU meraih penghargaan peduli HAM?"));
    const answer = await botSaid("Ogan Komering Ulu");
    expect(answer.message.text).toMatch(/Meraih penghargaan:.*2024/);

    await client.sendCommand(client.makeCommand("/bahasa"));
    const prompt = await botSaid("Choose a language");
    const english = prompt.message.reply_markup?.inline_keyboard?.flat().find((b) => b.text.includes("English"));
    expect(english?.callback_data).toBeDefined();
    await client.sendCallback(
      client.makeCallbackQuery(english?.callback_data ?? "", { message: { message_id: prompt.messageId } }),
    );
    await until("the prompt edited into English", async () =>
      (await history()).find(
        (r) => r.messageId === prompt.messageId && r.message.text?.includes("from now on I will answer in English"),
      ),
    );

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("stopping: finishing the updates in progress");
    expect(first.output()).toContain("rejected a start-up call"); // setMyCommands: logged, not fatal

    const second = await startPolling(stateDir);
    running.push(second);
    await client.sendCommand(client.makeCommand("/start"));
    await botSaid("Hi Sari");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    for (const p of running) {
      expect(p.output()).not.toContain(TEST_TOKEN);
      expect(p.output()).not.toContain(TOKEN_SECRET_PART);
    }
  });
});
