/**
 * No container engine runs on these machines, so this test runs the Dockerfile's build and
 * start steps itself, each stage in a clean temporary directory standing for /app:
 *  - COPY from the build context (refusing what .dockerignore leaves out) or from a stage;
 *  - RUN `npm ci`: tests never reach the network, so the install is reproduced from the
 *    lockfile: the build stage gets the installed tree as it is, `--omit=dev` gets exactly
 *    the lockfile's non-dev packages, hard-linked from node_modules. `npm run build` runs
 *    for real. Any other RUN must be one the test knows, so a new step cannot slip in untried;
 *  - then the final stage's CMD starts the bot (long polling against a fake Bot API on
 *    127.0.0.1), the HEALTHCHECK command must pass, and `node dist/main.js --ask` answers.
 * What it cannot check: the base image, USER (it runs as whoever runs the tests), and the
 * real registry install (CI's `npm ci` covers the lockfile).
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeBotApi } from "../e2e/fake-bot-api.ts";
import { freePort, ROOT, startProcess, until } from "../e2e/processes.ts";
import { TEST_TOKEN } from "../helpers/logs.ts";

const WORKDIR = "/app";

interface Stage {
  name: string;
  dir: string;
  env: Record<string, string>;
  user: string | null;
  volumes: string[];
  healthcheck: string[] | null;
  cmd: string[] | null;
}

/** Dockerfile → instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [op = "", ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
}

/** .dockerignore patterns (the simple forms this repository uses: names and name.*, with ! exceptions). */
function ignored(path: string): boolean {
  const patterns = readFileSync(join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  let out = false;
  const top = path.split("/")[0] ?? path;
  for (const p of patterns) {
    const negate = p.startsWith("!");
    const glob = new RegExp(`^${(negate ? p.slice(1) : p).replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`);
    if (glob.test(top)) out = !negate;
  }
  return out;
}

/** Hard links where the temporary directory shares the checkout's file system, else copies. */
let canLink = true;
function linkOrCopy(src: string, dst: string): void {
  if (canLink) {
    try {
      linkSync(src, dst);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
      canLink = false;
    }
  }
  copyFileSync(src, dst);
}

/** Hard-link a package directory, leaving nested node_modules to their own lockfile entries. */
function linkTree(src: string, dst: string): void {
  mkdirSync(dst, { recursive: true });
  for (const entry of readdirSync(src)) {
    if (entry === "node_modules") continue;
    const s = join(src, entry);
    const d = join(dst, entry);
    const st = lstatSync(s);
    if (st.isSymbolicLink()) symlinkSync(readlinkSync(s), d);
    else if (st.isDirectory()) linkTree(s, d);
    else linkOrCopy(s, d);
  }
}

/** `npm ci [--omit=dev]` from the lockfile, without the network. */
function npmCi(stage: Stage, omitDev: boolean): void {
  if (!omitDev) {
    // The full install is the tree CI's own `npm ci` made from the same lockfile.
    symlinkSync(join(ROOT, "node_modules"), join(stage.dir, "node_modules"));
    return;
  }
  const lock = JSON.parse(readFileSync(join(stage.dir, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  for (const [path, meta] of Object.entries(lock.packages)) {
    if (!path || meta.dev) continue;
    const src = join(ROOT, path);
    if (existsSync(src)) linkTree(src, join(stage.dir, path)); // optional packages for other platforms are absent
  }
}

function run(stage: Stage, command: string): void {
  for (const part of command.split("&&").map((s) => s.trim())) {
    if (/^npm ci( |$)/.test(part)) npmCi(stage, part.includes("--omit=dev"));
    else if (part === "npm cache clean --force")
      continue; // the image's npm cache; nothing to clean here
    else if (part === "npm run build") {
      const r = spawnSync("npm", ["run", "build"], { cwd: stage.dir, encoding: "utf8" });
      expect(r.status, `npm run build failed:\n${r.stdout}${r.stderr}`).toBe(0);
    } else if (/^(mkdir -p|chown node:node) \/var\/lib\/kkpham$/.test(part)) {
      // The state directory: the test gives STATE_DIR a directory of its own instead.
      expect(stage.env.STATE_DIR).toBe("/var/lib/kkpham");
    } else throw new Error(`Dockerfile RUN step the test does not know: ${part}`);
  }
}

function build(root: string): Stage[] {
  const stages: Stage[] = [];
  const current = () => {
    const s = stages.at(-1);
    if (!s) throw new Error("instruction before FROM");
    return s;
  };
  for (const { op, args } of instructions(readFileSync(join(ROOT, "Dockerfile"), "utf8"))) {
    switch (op) {
      case "FROM": {
        const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stages.length}`;
        const dir = join(root, name);
        mkdirSync(dir);
        stages.push({ name, dir, env: {}, user: null, volumes: [], healthcheck: null, cmd: null });
        break;
      }
      case "WORKDIR":
        expect(args).toBe(WORKDIR);
        break;
      case "ENV":
        for (const m of args.matchAll(/(\w+)=(\S+)/g)) current().env[m[1] ?? ""] = m[2] ?? "";
        break;
      case "COPY": {
        const words = args.split(/\s+/);
        const from = words[0]?.startsWith("--from=") ? words.shift()?.slice("--from=".length) : undefined;
        const dest = words.pop() ?? ".";
        for (const src of words) {
          let source: string;
          if (from) {
            const stage = stages.find((s) => s.name === from);
            if (!stage) throw new Error(`COPY --from=${from}: no such stage`);
            source = join(stage.dir, src.replace(new RegExp(`^${WORKDIR}/`), ""));
          } else {
            expect(ignored(src), `${src} is copied but .dockerignore leaves it out`).toBe(false);
            source = join(ROOT, src);
          }
          const target = dest.endsWith("/")
            ? join(current().dir, dest, src.split("/").pop() ?? src)
            : join(current().dir, dest);
          mkdirSync(dirname(target), { recursive: true });
          cpSync(source, target, { recursive: true });
        }
        break;
      }
      case "RUN":
        run(current(), args);
        break;
      case "USER":
        current().user = args;
        break;
      case "VOLUME":
        current().volumes = JSON.parse(args) as string[];
        break;
      case "HEALTHCHECK":
        current().healthcheck = JSON.parse(args.slice(args.indexOf("CMD ") + 4)) as string[];
        break;
      case "CMD":
        current().cmd = JSON.parse(args) as string[];
        break;
      case "EXPOSE":
        break;
      default:
        throw new Error(`Dockerfile instruction the test does not know: ${op}`);
    }
  }
  return stages;
}

describe("Dockerfile", { timeout: 120_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), "kkpham-container-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("builds in two stages and the final one starts, passes its HEALTHCHECK and answers --ask", async () => {
    const stages = build(root);
    expect(stages.map((s) => s.name)).toEqual(["build", "stage1"]);
    const final = stages[1] as Stage;

    // Only what production needs: compiled code, data, locales, production dependencies.
    expect(existsSync(join(final.dir, "dist/main.js"))).toBe(true);
    expect(existsSync(join(final.dir, "dist/render/chart/fonts/Inter_400Regular.ttf"))).toBe(true);
    expect(existsSync(join(final.dir, "src"))).toBe(false);
    for (const dev of ["vitest", "@biomejs/biome", "pino-pretty", "telegram-test-api"]) {
      expect(existsSync(join(final.dir, "node_modules", dev)), `${dev} in the final stage`).toBe(false);
    }
    for (const prod of ["grammy", "prom-client", "rate-limiter-flexible", "better-sqlite3"]) {
      expect(existsSync(join(final.dir, "node_modules", prod)), `${prod} missing`).toBe(true);
    }
    expect(final.user).toBe("node");
    expect(final.volumes).toContain(final.env.STATE_DIR);
    expect(final.cmd).toEqual(["node", "dist/main.js"]);
    const [node, ...args] = final.cmd ?? [];
    expect(node).toBe("node");

    // The same arguments as npm start.
    const ask = spawnSync(process.execPath, [...args, "--ask", "OKU 2024"], {
      cwd: final.dir,
      env: { PATH: process.env.PATH ?? "", ...final.env, STATE_DIR: join(root, "state") },
      encoding: "utf8",
    });
    expect(ask.status, ask.stderr).toBe(0);
    expect(ask.stdout).toContain("Kabupaten Ogan Komering Ulu");

    const api = await startFakeBotApi();
    const env = {
      ...final.env,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      STATE_DIR: join(root, "state"),
      HEALTH_PORT: String(await freePort()),
      HEALTH_HOST: "127.0.0.1",
    };
    const bot = startProcess(args, env, final.dir);
    try {
      await bot.waitFor((l) => l.msg === "long polling started", "long polling");
      const [hcNode, ...hcArgs] = final.healthcheck ?? [];
      expect(hcNode).toBe("node");
      const health = spawnSync(process.execPath, hcArgs, { env: { PATH: process.env.PATH ?? "", ...env } });
      expect(health.status).toBe(0);
      await until("/readyz 200", async () =>
        (await fetch(`http://127.0.0.1:${env.HEALTH_PORT}/readyz`)).status === 200 ? true : undefined,
      );
      expect(existsSync(join(root, "state", "state.sqlite"))).toBe(true);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      // A HEALTHCHECK that fails when nothing listens.
      const dead = spawnSync(process.execPath, hcArgs, { env: { PATH: process.env.PATH ?? "", ...env } });
      expect(dead.status).toBe(1);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
      await api.close();
    }
  });
});
