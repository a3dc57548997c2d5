/**
 * `npm run bench:notify`: a results-day flood. 10,000 chats follow (9,500 a region, 500 its
 * province), new data adds that region's 2026 result, and the worker drains the SQLite outbox
 * through the real renderer and a grammY Api whose transport answers at once.
 *  1. planning: ledger diff, followers, 10,000 outbox rows in one transaction (wall time);
 *  2. the drain at the set limits (25/s, 1/s per chat) on a virtual clock: the drain rate the
 *     gate allows, and the wall time the work itself took (the bot's own cost per message);
 *  3. a shorter drain on the real clock (REAL=n messages, default 250), to show the rate holds
 *     with real timers.
 * Every message is checked to have gone out exactly once.
 */
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import { createCore } from "../src/core.ts";
import { loadDataset } from "../src/dataset/load.ts";
import { createLogger } from "../src/logger.ts";
import { type Clock, realClock, virtualClock } from "../src/notify/clock.ts";
import { memoryGate } from "../src/notify/gate.ts";
import { createNotifier } from "../src/notify/notifier.ts";
import { apiSender } from "../src/notify/service.ts";
import { openSqliteNotifyState } from "../src/notify/state.ts";
import { createWorker } from "../src/notify/worker.ts";
import { loadData } from "../src/ops/core-loader.ts";
import { createI18n } from "../src/render/i18n.ts";
import { copyData } from "../test/e2e/processes.ts";

const FOLLOWERS = 10_000;
const REAL = Number(process.env.REAL ?? 250);
const logger = createLogger({ level: "silent", token: "" });
const dir = mkdtempSync(join(tmpdir(), "kkpham-bench-notify-"));

async function run(count: number, clock: Clock, label: string) {
  const state = await openSqliteNotifyState(join(dir, `${label}.sqlite`));
  const data = copyData(join(dir, label));
  appendFileSync(join(data, "rounds.csv"), "2026,yes,2026-12-10,Jakarta,78,,,,,yes,,https://example.org/r,bench\n");
  appendFileSync(join(data, "awards.csv"), "2026,16.01,peduli,reported,https://example.org/a,bench\n");
  const [before, after, i18n] = [
    await loadDataset(),
    await loadData({ dataDir: data, homeProvince: "16" }),
    await createI18n(),
  ];
  const core = createCore({ dataset: after, i18n, homeProvince: "16" });
  const sent = new Map<number, number>();
  const api = new Api("1:bench");
  api.config.use(async (_prev, _method, payload) => {
    const chat = Number((payload as { chat_id: number }).chat_id);
    sent.set(chat, (sent.get(chat) ?? 0) + 1);
    return { ok: true, result: { message_id: 1, date: 0, chat: { id: chat, type: "private" } } } as never;
  });
  const common = { follows: state.follows, outbox: state.outbox, logger, clock };
  const notifier = createNotifier(common);
  await notifier.afterData(before);
  for (let chat = 1; chat <= count; chat++) {
    await state.follows.follow({ chat, scope: chat % 20 === 0 ? "16" : "16.01", lang: chat % 2 ? "id" : "en" });
  }
  let t = performance.now();
  const planned = await notifier.afterData(after);
  const planMs = performance.now() - t;
  const worker = createWorker({ ...common, gate: memoryGate(), send: apiSender(api, core) });
  const start = clock.now();
  t = performance.now();
  const n = await worker.drainAll();
  const wallMs = performance.now() - t;
  const botSeconds = (clock.now() - start) / 1000;
  const once = sent.size === count && [...sent.values()].every((v) => v === 1);
  await state.close();
  return { queued: planned.queued, sent: n, planMs, wallMs, botSeconds, once };
}

try {
  const v = await run(FOLLOWERS, virtualClock(), "virtual");
  console.log(
    `notify bench: ${FOLLOWERS.toLocaleString("en")} followers, SQLite outbox, limits 25/s total, 1/s per chat`,
  );
  console.log(`  plan + record:   ${v.queued} messages queued in ${v.planMs.toFixed(0)} ms`);
  console.log(
    `  drain (virtual clock): ${v.sent} sent in ${v.botSeconds.toFixed(1)} s of bot time = ${(v.sent / v.botSeconds).toFixed(2)} msg/s; ` +
      `the work took ${(v.wallMs / 1000).toFixed(2)} s wall (${((v.wallMs * 1000) / v.sent).toFixed(0)} µs per message, ` +
      `${((v.sent / v.wallMs) * 1000).toFixed(0)} msg/s without limits); exactly once: ${v.once}`,
  );
  if (REAL > 0) {
    const r = await run(REAL, realClock, "real");
    console.log(
      `  drain (real clock):    ${r.sent} sent in ${r.botSeconds.toFixed(2)} s = ${(r.sent / r.botSeconds).toFixed(2)} msg/s; exactly once: ${r.once}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
