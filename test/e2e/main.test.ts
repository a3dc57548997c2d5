/** src/main.ts as a process: start-up errors and --ask, as a user at a shell would see them. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_TOKEN } from "../helpers/logs.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "kkpham-main-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}, input = "") {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: ROOT,
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
});
