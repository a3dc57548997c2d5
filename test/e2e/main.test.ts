/** src/main.ts as a process: start-up errors and --ask, as a user at a shell would see them. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../helpers/logs.ts";
import { startFakeBotApi } from "./fake-bot-api.ts";
import { startProcess } from "./processes.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "kkpham-main-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** tsx's loader by absolute path, so the process can run in another working directory. */
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const MAIN = join(ROOT, "src/main.ts");

function run(args: string[], env: Record<string, string> = {}, input = "", cwd = ROOT) {
  const r = spawnSync(process.execPath, ["--import", TSX, MAIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", STATE_DIR: join(dir, "state"), ...env },
    input,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("main", { timeout: 60_000 }, () => {
  it("a bad setting exits 2 naming the variable, without echoing the token", () => {
    const r = run([], { BOT_TOKEN: TEST_TOKEN, WEBHOOK_URL: "https://x.org/tg", WEBHOOK_SECRET: "short" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("WEBHOOK_SECRET: should be 12–256 characters");
    expect(r.stderr + r.stdout).not.toContain(TEST_TOKEN);
  });

  it("a HOME_PROVINCE the data does not know is a setting error too: exit 2", () => {
    const r = run(["--ask", "tren"], { HOME_PROVINCE: "99" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("HOME_PROVINCE: should be a province code");
    expect(r.stdout).toBe("");
  });

  it("a data error exits 1 and prints file:line: field", () => {
    const data = join(dir, "data");
    cpSync(join(ROOT, "data"), data, { recursive: true });
    const awards = join(data, "awards.csv");
    const lines = readFileSync(awards, "utf8").split("\n");
    lines[1] = (lines[1] ?? "").replace(/^(\d{4},[\d.]+,)[a-z_]+,/, "$1very_peduli,");
    writeFileSync(awards, lines.join("\n"));
    const r = run(["--ask", "OKU"], { DATA_DIR: data });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/awards\.csv:2: predikat/);
  });

  it("--ask prints an answer; --ask - --json prints JSON lines", () => {
    const one = run(["--ask", "Apakah OKU meraih penghargaan peduli HAM?"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("Kabupaten Ogan Komering Ulu");
    const many = run(["--ask", "-", "--json", "--lang", "en"], {}, "Lahat 2022\nOgan Ilir 2024\n");
    expect(many.code).toBe(0);
    const rows = many.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.results[0]?.won)).toEqual([true, false]);
  });

  it("with no BOT_TOKEN runs the terminal chat on piped stdin and exits at EOF", () => {
    const r = run([], { LANG: "en_US.UTF-8" }, "/start\nOKU 2024\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("terminal chat");
    expect(r.stdout).toMatch(/› OKU 2024\n🤖 .*Ogan Komering Ulu/);
  });

  it("reads .env from the working directory (npm start runs in the project root); the environment wins", () => {
    const project = join(dir, "with-env");
    mkdirSync(project);
    writeFileSync(join(project, ".env"), "# settings\nHOME_PROVINCE=99\n");
    const fromFile = run(["--ask", "tren"], {}, "", project);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain("HOME_PROVINCE: should be a province code");
    const envWins = run(["--ask", "tren"], { HOME_PROVINCE: "16" }, "", project);
    expect(envWins.code).toBe(0);
    expect(envWins.stdout).toContain("Sumatera Selatan");
  });

  it("a BOT_TOKEN in .env runs the bot on Telegram (here a fake Bot API), not the terminal chat", async () => {
    const project = join(dir, "with-token");
    mkdirSync(project);
    const api = await startFakeBotApi();
    try {
      writeFileSync(
        join(project, ".env"),
        `BOT_TOKEN=${TEST_TOKEN}\nTELEGRAM_API_ROOT=${api.url}\nLOG_LEVEL=info\nSTATE_DIR=${join(project, "state")}\n`,
      );
      const bot = startProcess(["--import", TSX, MAIN], {}, project);
      await bot.waitFor((l) => l.msg === "long polling started", "long polling");
      expect(api.calls.some((c) => c.method === "getMe" && c.token === TEST_TOKEN)).toBe(true);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      expect(bot.output()).not.toContain(TEST_TOKEN);
    } finally {
      await api.close();
    }
  });
});
