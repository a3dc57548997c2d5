/**
 * One test (or a few) per defect the fault-injection run found that needs no process or
 * server of its own: anonymous group admins, hundreds of regions in one message, a store
 * that cannot write, forged callbacks without a message, operator errors, user text in
 * error logs, oversized webhook bodies, keyboards over 100 buttons, the apology's language.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StorageAdapter } from "grammy";
import { MemorySessionStorage } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionData } from "../../src/bot/context.ts";
import { GROUP_ANONYMOUS_BOT } from "../../src/bot/middlewares/user-key.ts";
import { DataError, type DataIssue } from "../../src/dataset/errors.ts";
import { loadDataset, MAX_SHOWN_ISSUES, summarizeIssues } from "../../src/dataset/load.ts";
import { openStore, sqliteFile } from "../../src/state/index.ts";
import { resilientStorage } from "../../src/state/resilient.ts";
import { SqliteStorage } from "../../src/state/sqlite.ts";
import { MAX_BODY_BYTES, startWebhook } from "../../src/transports/webhook.ts";
import { startFakeBotApi } from "../e2e/fake-bot-api.ts";
import { copyData } from "../e2e/processes.ts";
import { makeBot } from "../helpers/bot.ts";
import { callback, groupChat, text, user } from "../helpers/updates.ts";
import { httpBot, recordingBot } from "./helpers.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "kkpham-defects-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const anonymousAdmin = user({
  id: GROUP_ANONYMOUS_BOT,
  is_bot: true,
  first_name: "Group",
  username: "GroupAnonymousBot",
});
function asGroup(t: string, chat: ReturnType<typeof groupChat>): Update {
  const u = text(`@kkpham_test_bot ${t}`, { from: anonymousAdmin, chat });
  (u.message as { sender_chat?: unknown }).sender_chat = chat;
  return u;
}

describe("5. anonymous group admins", () => {
  it("get a session and a rate-limit bucket per group, not one shared by every group", async () => {
    const { bot, api } = await makeBot({ env: { RATE_LIMIT: "2" } });
    const a = groupChat(-100_1);
    const b = groupChat(-100_2);
    await bot.handleUpdate(asGroup("english please", a));
    expect(api.texts().at(-1)).toContain("English");
    api.clear();
    await bot.handleUpdate(asGroup("OKU 2023", b));
    // Group B's admin still gets Indonesian: group A's switch is group A's.
    expect(api.texts().at(-1)).toContain("Kabupaten Ogan Komering Ulu");
    expect(api.texts().at(-1)).not.toMatch(/\bwon\b|English/);
    api.clear();
    await bot.handleUpdate(asGroup("OKU 2023", a));
    await bot.handleUpdate(asGroup("OKU 2023", a));
    expect(api.texts().at(-1)).toMatch(/Easy there/);
    api.clear();
    await bot.handleUpdate(asGroup("OKU 2023", b));
    expect(api.texts().at(-1)).toContain("Ogan Komering Ulu");
  });
});

describe("6. a message naming many regions", () => {
  it("answers at most 8 regions in one message, says how many were left out, under Telegram's limits", async () => {
    const { bot, api, core } = await makeBot();
    const sumsel = [...core.dataset.regions.values()].filter((r) => r.province === "16").map((r) => r.baseName);
    expect(sumsel.length).toBeGreaterThan(8);
    await bot.handleUpdate(text(`${sumsel.join(", ")} 2023`));
    const sent = api.of("sendMessage");
    expect(sent).toHaveLength(1);
    const html = String(sent[0]?.payload.text);
    expect(html.length).toBeLessThanOrEqual(4096);
    expect(html).toContain(`dan ${sumsel.length - 8} daerah lain`);
    expect(api.buttonData(sent[0]).length).toBeLessThanOrEqual(100);
  });

  it("a message naming every region (hundreds) still gets one answer, never the apology", async () => {
    const { bot, api, core } = await makeBot();
    const all = [...core.dataset.regions.values()].map((r) => r.name);
    expect(all.length).toBeGreaterThan(300);
    await bot.handleUpdate(text(all.join(", ").slice(0, 4000)));
    const sent = api.of("sendMessage");
    expect(sent.length).toBe(1);
    expect(String(sent[0]?.payload.text)).not.toContain("kesalahan");
    expect(api.buttonData(sent[0]).length).toBeLessThanOrEqual(100);
  });

  it("the last-line guard cuts any keyboard to 100 buttons and inline answers to 50 results", async () => {
    const fake = await startFakeBotApi();
    try {
      const { bot, logs } = await httpBot(fake.url);
      const rows = Array.from({ length: 15 }, (_, r) =>
        Array.from({ length: 10 }, (_, c) => ({ text: `${r}.${c}`, callback_data: `x|${r}.${c}` })),
      );
      await bot.api.sendMessage(1, "x", { reply_markup: { inline_keyboard: rows } });
      const sent = fake.calls.find((c) => c.method === "sendMessage");
      const kb = (sent?.params.reply_markup as { inline_keyboard: unknown[][] } | undefined)?.inline_keyboard ?? [];
      expect(kb.flat()).toHaveLength(100);
      expect(kb).toHaveLength(10);
      const results = Array.from({ length: 60 }, (_, i) => ({
        type: "article" as const,
        id: String(i),
        title: "t",
        input_message_content: { message_text: "m" },
      }));
      await bot.api.answerInlineQuery("q", results);
      const answered = fake.calls.find((c) => c.method === "answerInlineQuery");
      expect(answered?.params.results as unknown[]).toHaveLength(50);
      expect(logs.lines.filter((l) => l.includes("cut to"))).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });
});

function fullDisk(): StorageAdapter<SessionData> {
  const err = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
  return {
    read: () => undefined,
    write: () => {
      throw err;
    },
    delete: () => {
      throw err;
    },
  };
}

describe("7. a language switch the store cannot save", () => {
  it("on a full SQLite disk the tap says it was not saved, and nothing is switched", async () => {
    const file = join(tempDir(), "state.sqlite");
    const db = new SqliteStorage<SessionData>(file);
    // A database that cannot grow: the next new row fails with SQLITE_FULL, as on a full disk.
    const raw = (db as unknown as { db: import("better-sqlite3").Database }).db;
    raw.pragma(`max_page_count = ${raw.pragma("page_count", { simple: true })}`);
    const fill = () => {
      for (let i = 0; i < 100_000; i++) db.write(`filler-${i}`, { lang: "id" });
    };
    expect(fill).toThrow(/full/);
    const r = resilientStorage(db, { where: file });
    const { bot, api } = await recordingBot({ storage: r.adapter, persist: r.strict });
    const u = user({ id: 7100 });
    await bot.handleUpdate(callback("l|en", { from: u }));
    const toast = api.of("answerCallbackQuery");
    expect(toast).toHaveLength(1);
    expect(toast[0]?.payload.text).toContain("belum bisa disimpan");
    expect(api.of("editMessageText")).toHaveLength(0);
    expect(db.read("7100")).toBeUndefined();
    api.clear();
    await bot.handleUpdate(text("/help", { from: u }));
    expect(api.texts()[0]).not.toContain("Write a regency");
    db.close();
  });

  it("asked in words ('english please'), a failed save is said in words; the reply is not a confirmation", async () => {
    const { bot, api } = await recordingBot({ persist: fullDisk() });
    await bot.handleUpdate(text("english please"));
    expect(api.texts()).toHaveLength(1);
    expect(api.texts()[0]).toContain("belum bisa disimpan");
    expect(api.texts()[0]).not.toContain("English");
  });

  it("a saved switch is written before it is confirmed", async () => {
    const order: string[] = [];
    const mem = new MemorySessionStorage<SessionData>();
    const persist: StorageAdapter<SessionData> = {
      read: (k) => mem.read(k),
      write: (k, v) => {
        order.push("write");
        mem.write(k, v);
      },
      delete: (k) => mem.delete(k),
    };
    const { bot, api } = await recordingBot({ storage: mem, persist });
    bot.api.config.use((prev, method, payload, signal) => {
      order.push(method);
      return prev(method, payload, signal);
    });
    await bot.handleUpdate(callback("l|en", { from: user({ id: 7101 }) }));
    expect(order.slice(0, 2)).toEqual(["write", "answerCallbackQuery"]);
    expect(api.of("answerCallbackQuery")[0]?.payload.text).toContain("English");
  });
});

describe("11. forged callbacks without a message", () => {
  it("are answered once, quietly, with no error", async () => {
    const { bot, api, logs } = await makeBot();
    for (const data of ["p|status|16.01|2023", "l|en", "t|16", "zzz"]) {
      api.clear();
      const u = callback(data);
      delete (u.callback_query as { message?: unknown }).message;
      await bot.handleUpdate(u);
      expect(api.of("answerCallbackQuery"), data).toHaveLength(1);
      expect(
        api.calls.filter((c) => c.method !== "answerCallbackQuery"),
        data,
      ).toEqual([]);
    }
    expect(logs.lines.filter((l) => /"level":(40|50|60)/.test(l))).toEqual([]);
  });

  it("a button on an inline message (no message, an inline_message_id) still works", async () => {
    const { bot, api } = await makeBot();
    const u = callback("p|status|16.01|2023");
    delete (u.callback_query as { message?: unknown }).message;
    (u.callback_query as { inline_message_id?: string }).inline_message_id = "im1";
    await bot.handleUpdate(u);
    expect(api.of("answerCallbackQuery")).toHaveLength(1);
    expect(api.of("editMessageText")).toHaveLength(1);
  });
});

describe("12. operator errors name the path and the setting", () => {
  it("STATE_DIR holding something that is not a database", async () => {
    const dir = tempDir();
    writeFileSync(sqliteFile(dir), "this is not sqlite, it is a note someone left here ".repeat(100));
    const err = (await openStore({ stateDir: dir, redisUrl: null }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("STATE_DIR");
    expect(err.message).toContain(sqliteFile(dir));
    expect(err.message).toContain("not a SQLite database");
  });

  it("STATE_DIR whose state.sqlite is a directory, or under a file", async () => {
    const dir = tempDir();
    mkdirSync(sqliteFile(dir));
    const isDir = (await openStore({ stateDir: dir, redisUrl: null }).catch((e: unknown) => e)) as Error;
    expect(isDir.message).toMatch(/^STATE_DIR: cannot open the session store .*state\.sqlite/);
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "x");
    const under = (await openStore({ stateDir: join(file, "state"), redisUrl: null }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(under.message).toContain("STATE_DIR");
    expect(under.message).toContain(file);
  });

  it("DATA_DIR with a file missing, or a directory where a file should be", async () => {
    const dir = tempDir();
    const data = copyData(dir);
    rmSync(join(data, "awards.csv"));
    mkdirSync(join(data, "awards.csv"));
    const err = (await loadDataset(data).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("DATA_DIR");
    expect(err.message).toContain(join(data, "awards.csv"));
    expect(err.message).toContain("EISDIR");
    rmSync(join(data, "awards.csv"), { recursive: true });
    const missing = (await loadDataset(data).catch((e: unknown) => e)) as Error;
    expect(missing.message).toContain("ENOENT");
  });

  it("a data directory with thousands of problems prints the first 50 and the count", async () => {
    const dir = tempDir();
    const data = copyData(dir);
    const bad = Array.from({ length: 2_000 }, (_, i) => `2023,99.${String(i).padStart(2, "0")},peduli,reported,x,`);
    writeFileSync(join(data, "awards.csv"), `year,region_code,predikat,evidence,sources,note\n${bad.join("\n")}\n`);
    const err = (await loadDataset(data).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.issues.length).toBeGreaterThan(MAX_SHOWN_ISSUES);
    expect(err.message.split("\n").length).toBe(MAX_SHOWN_ISSUES + 2);
    expect(err.message).toContain(`… and ${err.issues.length - MAX_SHOWN_ISSUES} more`);
    expect(err.stack?.length).toBeLessThan(20_000);
    const many: DataIssue[] = Array.from({ length: 200_000 }, (_, i) => ({
      file: "awards.csv",
      line: i + 2,
      field: "region_code",
      message: "unknown region",
    }));
    expect(summarizeIssues(many).length).toBeLessThan(5_000);
  });
});

describe("13. user text in error logs", () => {
  it("a failed send logs the method, the chat id and the error, never the text", async () => {
    const { bot, api, logs } = await makeBot();
    api.fail("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    await bot.handleUpdate(text("OKU 2023 rahasia-pengguna", { from: user({ id: 7300 }) }));
    const above = logs.lines.filter((l) => /"level":(40|50|60)/.test(l));
    expect(above.length).toBeGreaterThan(0);
    const failed = above.find((l) => l.includes('"update failed"')) ?? "";
    expect(failed).toContain('"method":"sendMessage"');
    expect(failed).toContain('"chat_id":7300');
    expect(failed).toContain("chat not found");
    for (const l of above) {
      expect(l).not.toContain("Ogan Komering Ulu");
      expect(l).not.toContain("rahasia-pengguna");
      expect(l).not.toContain('"payload"');
    }
  });
});

describe("1. the apology is in the user's language", () => {
  it("when the session store itself fails, the Telegram client's language words it", async () => {
    const broken: StorageAdapter<SessionData> = {
      read: () => {
        throw new Error("store down");
      },
      write: () => {},
      delete: () => {},
    };
    const { bot, api } = await makeBot({ storage: broken });
    await bot.handleUpdate(text("OKU 2023", { from: user({ id: 7400, language_code: "en" }) }));
    expect(api.texts()).toEqual(["Sorry, something went wrong on my side. Please try again."]);
  });
});

function post(port: number, path: string, body: Buffer, headers: Record<string, string | number>) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (err: NodeJS.ErrnoException) =>
      // The server may close the socket right after its 413 while we are still writing.
      err.code === "EPIPE" || err.code === "ECONNRESET" ? resolve(-1) : reject(err),
    );
    req.end(body);
  });
}

describe("10. webhook bodies", () => {
  it("over 1 MB are refused with 413 before parsing, with or without a Content-Length", async () => {
    const fake = await startFakeBotApi();
    const { bot, logs } = await httpBot(fake.url);
    const secret = "webhook_secret_0123";
    const hook = await startWebhook(
      bot,
      { url: "https://bot.example.org/tg", secret, port: 0, host: "127.0.0.1" },
      logs.logger,
    );
    try {
      const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret };
      const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x20);
      expect(await post(hook.port, "/tg", big, { ...headers, "content-length": big.length })).toBe(413);
      const chunked = await post(hook.port, "/tg", Buffer.concat([Buffer.from('{"update_id":1,"x":"'), big]), {
        ...headers,
        "transfer-encoding": "chunked",
      });
      expect([413, -1]).toContain(chunked);
      const update = Buffer.from(JSON.stringify(text("OKU 2023", { from: user({ id: 7500 }) })));
      expect(await post(hook.port, "/tg", update, { ...headers, "content-length": update.length })).toBe(200);
      expect(fake.textsTo(7500)[0]).toContain("Ogan Komering Ulu");
      expect(logs.lines.filter((l) => l.includes("too large")).length).toBe(2);
    } finally {
      await hook.stop();
      await fake.close();
    }
  });
});
