/**
 * Preloaded (node --require) into a bot process by bench/startup.ts: at exit, writes the
 * start-up marks main.ts left (kkpham:*) and Node's own bootstrap time to stderr as one
 * line. Processes without the marks (npm itself, when preloaded through NODE_OPTIONS) stay
 * silent. CommonJS so the compiled build can preload it without tsx.
 */
const { performance } = require("node:perf_hooks");

process.on("exit", () => {
  const marks = Object.fromEntries(
    performance
      .getEntriesByType("mark")
      .filter((m) => m.name.startsWith("kkpham:"))
      .map((m) => [m.name.slice("kkpham:".length), m.startTime]),
  );
  if (!("config" in marks)) return;
  const line = { boot: performance.nodeTiming.bootstrapComplete, ...marks };
  process.stderr.write(`KKPHAM_STARTUP ${JSON.stringify(line)}\n`);
});
