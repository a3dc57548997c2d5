/**
 * `npm run bench:startup`: start-up to the first `--ask` answer, for the ways the bot is
 * started: `npm start`, tsx (what `npm start` runs) and the compiled build
 * (`node dist/main.js`, what production runs; `npm run build` first, the script does).
 * Each is run a few times after one warm-up; medians are printed, with the phases main.ts
 * marks (bench/startup-marks.cjs reads them out of the process):
 *   node     Node's own bootstrap
 *   modules  main.ts and the modules --ask needs (with tsx: transpiling them too)
 *   data     data/ read and validated
 *   i18n     i18next and both locales
 *   index    Core: the lookup indexes
 *   answer   the answer computed and printed
 *   wall     spawn to exit, seen from outside (npm start includes npm itself)
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const MARKS = fileURLToPath(new URL("./startup-marks.cjs", import.meta.url));
const QUESTION = "Apakah OKU meraih penghargaan peduli HAM?";
const RUNS = Number(process.env.RUNS ?? 7);

interface Sample {
  wall: number;
  phases: Record<string, number>;
}

const PHASES = ["node", "modules", "data", "i18n", "index", "answer"] as const;

function once(cmd: string, args: string[]): Sample {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: `--require ${MARKS}`, BOT_TOKEN: "", LOG_LEVEL: "silent" },
  });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  const line = r.stderr.split("\n").find((l) => l.startsWith("KKPHAM_STARTUP "));
  if (!line) throw new Error(`no start-up marks from ${cmd} ${args.join(" ")}:\n${r.stderr}`);
  const m = JSON.parse(line.slice("KKPHAM_STARTUP ".length)) as Record<string, number>;
  const at = (k: string) => m[k] ?? Number.NaN;
  return {
    wall,
    phases: {
      node: at("boot"),
      modules: at("modules") - at("boot"),
      data: at("data") - at("modules"),
      i18n: at("i18n") - at("data"),
      index: at("core") - at("i18n"),
      answer: at("answer") - at("core"),
      total: at("answer"),
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

function measure(label: string, cmd: string, args: string[]): string {
  once(cmd, args); // warm-up: disk cache, compile caches
  const samples = Array.from({ length: RUNS }, () => once(cmd, args));
  const cell = (k: string) => `${median(samples.map((s) => s.phases[k] ?? Number.NaN)).toFixed(0)}`.padStart(8);
  const wall = `${median(samples.map((s) => s.wall)).toFixed(0)}`.padStart(8);
  return `${label.padEnd(22)}${[...PHASES, "total"].map(cell).join("")}${wall}`;
}

if (!existsSync(`${ROOT}dist/main.js`)) {
  console.error("dist/main.js is missing: run `npm run build` first (npm run bench:startup does).");
  process.exit(1);
}
const ask = ["--ask", QUESTION];
console.log(`kkpham-bot start-up to the first --ask answer — node ${process.version}, median of ${RUNS} runs, ms\n`);
console.log(`${"".padEnd(22)}${[...PHASES, "total", "wall"].map((h) => h.padStart(8)).join("")}`);
console.log(measure("node dist/main.js", process.execPath, ["dist/main.js", ...ask]));
console.log(measure("tsx src/main.ts", process.execPath, ["--import", "tsx", "src/main.ts", ...ask]));
console.log(measure("npm start", "npm", ["start", "--silent", "--", ...ask]));
console.log("\ntotal: from the process's time origin to the printed answer; wall: spawn to exit.");
