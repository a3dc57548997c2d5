/**
 * One-shot answers without Telegram: `--ask "TEXT"` prints one answer; `--ask -` reads one
 * question per line from stdin and prints one answer per line (newlines inside an answer
 * become " | "), or one JSON object per line with --json (the public JSON contract,
 * core.json). `--chart FILE` writes the PNG of a trend answer.
 */
import { writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { ChartRenderer } from "../bot/chart.ts";
import type { AskOptions } from "../config.ts";
import type { Core, Exchange } from "../core.ts";
import { decodeButton } from "../render/callback-data.ts";
import { htmlToTerminal } from "./terminal-text.ts";

export interface AskIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  error: NodeJS.WritableStream;
}

/** Buttons that answer "which one?" / "did you mean?": the ones --ask prints as choices. */
const CHOICES = new Set(["status", "record"]);

function format(core: Core, ex: Exchange, opts: AskOptions, oneLine: boolean): string {
  if (opts.json) return JSON.stringify(core.json(ex, opts.lang));
  // Choice buttons are part of the answer ("which one?" lists its candidates there); here they
  // cannot be tapped, so their labels are printed. Navigation buttons (trend) are left out.
  const choices = ex.reply.buttons
    .flat()
    // Only the choices a question back offers; navigation (trend, pages, share, examples) is left out.
    .filter((b) => CHOICES.has(decodeButton(b.data)?.kind ?? ""))
    .map((b) => core.t(opts.lang)("bot.ask.choice", { label: b.text, interpolation: { escapeValue: false } }));
  const text = [htmlToTerminal(ex.reply.html), ...choices].join("\n");
  return oneLine ? text.replace(/\n+/g, " | ") : text;
}

/** Returns the process exit code. */
export async function runAsk(core: Core, opts: AskOptions, io: AskIo, chart?: ChartRenderer): Promise<number> {
  const t = core.t(opts.lang);
  if (opts.text === "-") {
    // `--ask - … | head`: once the reader has gone, stop quietly instead of crashing on EPIPE.
    let gone = false;
    io.output.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
      gone = true;
    });
    const rl = createInterface({ input: io.input });
    for await (const line of rl) {
      if (gone) break;
      if (!line.trim()) continue;
      io.output.write(`${format(core, core.ask(line, opts.lang), opts, true)}\n`);
    }
    return 0;
  }
  const ex = core.ask(opts.text, opts.lang);
  io.output.write(`${format(core, ex, opts, false)}\n`);
  if (opts.chartFile === null) return 0;
  if (!chart || ex.answer.kind !== "trend" || ex.reply.chart === null) {
    io.error.write(`${t("bot.ask.no_chart")}\n`);
    return 1;
  }
  const image = await chart.render(ex.answer, t, opts.lang, core.dataset.version);
  await writeFile(opts.chartFile, image.png);
  io.error.write(`${t("bot.ask.chart_written", { file: opts.chartFile, interpolation: { escapeValue: false } })}\n`);
  return 0;
}
