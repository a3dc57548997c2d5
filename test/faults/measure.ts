/**
 * Measurements for the note and the README, not part of `npm test` (they take minutes):
 *
 *   npx tsx test/faults/measure.ts outage [seconds=60] [root=.]
 *     the bot process long-polls the fake Bot API, which is refused for `seconds`; prints
 *     how long after the API is back the next getUpdates arrives.
 *   npx tsx test/faults/measure.ts kill9 [runs=3] [root=.] [extra env as K=V …]
 *     3,000 questions (300 users, 10 each, interleaved) queued at once, every send
 *     answered after 100 ms; `kill -9` 0.5–3 s after the first answer; prints how many updates
 *     the bot had confirmed (by its getUpdates offset) but never answered: lost for good.
 *
 * `root` runs another checkout (e.g. /work/main) for comparison.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startFakeBotApi } from "../e2e/fake-bot-api.ts";
import { startProcess, until } from "../e2e/processes.ts";
import { TEST_TOKEN } from "../helpers/logs.ts";
import { text, user } from "../helpers/updates.ts";

const [what = "outage", a1, a2, ...rest] = process.argv.slice(2);

function bot(root: string, apiUrl: string, env: Record<string, string> = {}) {
  const stateDir = mkdtempSync(join(tmpdir(), "kkpham-measure-"));
  const proc = startProcess(
    ["--import", "tsx", "src/main.ts"],
    {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiUrl,
      STATE_DIR: stateDir,
      LOG_LEVEL: "info",
      RATE_LIMIT: "1000",
      ...env,
    },
    resolve(root),
  );
  return { proc, stateDir };
}

async function outage(seconds: number, root: string) {
  const api = await startFakeBotApi();
  const { proc, stateDir } = bot(root, api.url);
  await proc.waitFor((l) => l.msg === "long polling started", "polling", 60_000);
  await until("a getUpdates", () => api.calls.find((c) => c.method === "getUpdates"));
  await api.down();
  const downAt = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await api.up();
  const upAt = Date.now();
  const next = await until(
    "getUpdates after the outage",
    () => api.calls.find((c) => c.method === "getUpdates" && c.at >= upAt),
    300_000,
  );
  console.log(
    `${root}: refused for ${((upAt - downAt) / 1000).toFixed(1)} s; next getUpdates ${((next.at - upAt) / 1000).toFixed(2)} s after the API was back`,
  );
  proc.child.kill("SIGKILL");
  await api.close();
  rmSync(stateDir, { recursive: true, force: true });
}

async function kill9(runs: number, root: string, env: Record<string, string>) {
  const losses: number[] = [];
  for (let run = 0; run < runs; run++) {
    const api = await startFakeBotApi({ script: (m) => (m === "sendMessage" ? { delayMs: 100 } : undefined) });
    // 300 users asking 10 questions each, interleaved: a user's updates wait for each other.
    const updates = Array.from({ length: 3_000 }, (_, i) =>
      text("OKU 2023", { from: user({ id: 100_000 + (i % 300) }) }),
    );
    api.push(...updates);
    const { proc, stateDir } = bot(root, api.url, env);
    const sends = () => api.calls.filter((c) => c.method === "sendMessage");
    await until("the first answer", () => (sends().length > 0 ? true : undefined), 120_000);
    // At a moment the bot does not choose: 0.5–3 s into the flood (seeded per run).
    await new Promise((r) => setTimeout(r, 500 + ((run * 7919) % 2500)));
    proc.child.kill("SIGKILL");
    await proc.exited;
    // Per chat: updates Telegram counts as delivered (confirmed by the offset) minus answers sent.
    const confirmedPerChat = new Map<number, number>();
    for (const u of updates) {
      if (u.update_id > api.confirmed()) continue;
      const chat = u.message?.chat.id ?? 0;
      confirmedPerChat.set(chat, (confirmedPerChat.get(chat) ?? 0) + 1);
    }
    const answeredPerChat = new Map<number, number>();
    for (const c of sends())
      answeredPerChat.set(Number(c.params.chat_id), (answeredPerChat.get(Number(c.params.chat_id)) ?? 0) + 1);
    let confirmed = 0;
    let lost = 0;
    for (const [chat, n] of confirmedPerChat) {
      confirmed += n;
      lost += Math.max(0, n - (answeredPerChat.get(chat) ?? 0));
    }
    losses.push(lost);
    console.log(
      `${root} ${JSON.stringify(env)} run ${run + 1}: confirmed ${confirmed}, answered ${sends().length}, lost ${lost}`,
    );
    await api.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
  console.log(`${root} ${JSON.stringify(env)}: lost per kill -9: ${Math.min(...losses)}–${Math.max(...losses)}`);
}

if (what === "outage") await outage(Number(a1 ?? 60), a2 ?? ".");
else if (what === "kill9")
  await kill9(Number(a1 ?? 3), a2 ?? ".", Object.fromEntries(rest.map((kv) => kv.split("=") as [string, string])));
else throw new Error("usage: measure.ts outage|kill9 …");
process.exit(0);
