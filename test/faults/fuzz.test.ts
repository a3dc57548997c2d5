/**
 * Seeded, bounded fuzzing with fast-check through bot.handleUpdate: random texts (with
 * markup, region names, mentions and commands mixed in), forged callback data with and
 * without a message, inline queries, and updates without `from`. Whatever comes in, the
 * bot does not crash, and nothing it sends breaks Telegram's limits (4,096 text, 1,024
 * caption, 200 toast, 64-byte callback data, 100 buttons, 50 inline results) or carries
 * invalid HTML — which is also how unescaped user text would show: the arbitraries plant
 * tags Telegram does not know, and any that came through verbatim is an invalid tag.
 */
import fc from "fast-check";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { Call } from "../helpers/api.ts";
import { makeBot } from "../helpers/bot.ts";
import { botMessage, groupChat, privateChat, user } from "../helpers/updates.ts";

const SEED = 20261201;
const RUNS = 300;

/** Tags Telegram's HTML parse mode accepts. */
const ALLOWED = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "span",
  "tg-spoiler",
  "tg-emoji",
  "blockquote",
]);

/** Why `html` is not valid Telegram HTML, or null: known tags, balanced, known entities. */
function htmlProblem(html: string): string | null {
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>|<|&(#\d+|#x[\da-fA-F]+|[a-zA-Z]+);|&/g;
  for (const m of html.matchAll(token)) {
    const [whole, closing, name, , entity] = m;
    if (whole === "<") return `a bare "<" at ${m.index}`;
    if (whole === "&") return `a bare "&" at ${m.index}`;
    if (entity !== undefined) {
      if (!/^(#|lt$|gt$|amp$|quot$)/.test(entity)) return `unknown entity &${entity};`;
      continue;
    }
    const tag = (name ?? "").toLowerCase();
    if (!ALLOWED.has(tag)) return `unknown tag <${closing}${tag}>`;
    if (closing) {
      if (stack.pop() !== tag) return `</${tag}> closes nothing open`;
    } else stack.push(tag);
  }
  return stack.length ? `<${stack.join(">, <")}> not closed` : null;
}

const piece = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "OKU",
    "Ogan Komering Ulu",
    "Palembang",
    "Lubuklinggau",
    "Kota Prabumulih",
    "2023",
    "2019",
    "tahun lalu",
    "menang",
    "daftar",
    "tren",
    "english please",
    "<b>",
    "</b>",
    "<script>alert(1)</script>",
    "<x-planted>",
    '<a href="javascript:x">',
    "&amp;",
    "&",
    "&#0;",
    "<",
    ">",
    "\u0000",
    "\u202e",
    "@kkpham_test_bot",
    "/cek",
    "/tren",
    "/daftar",
    "/start",
    "/bahasa",
  ),
);
const userText = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(" "));
const sender = fc.record({
  id: fc.integer({ min: 1, max: 40 }),
  language_code: fc.constantFrom(undefined, "id", "en", "en-GB", "fr", ""),
});

let nextId = 900_000;
const fuzzUpdate = fc.oneof(
  fc.record({
    kind: fc.constant("text" as const),
    s: sender,
    text: userText,
    group: fc.boolean(),
    noFrom: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("callback" as const),
    s: sender,
    data: fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom("l|en", "l|id", "p|status|16.01|2023", "t|16", "p|list|16|2023|won"),
    ),
    withMessage: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("inline" as const), s: sender, query: userText.map((t) => t.slice(0, 256)) }),
);

type Fuzz = typeof fuzzUpdate extends fc.Arbitrary<infer T> ? T : never;

function toUpdate(f: Fuzz): Update {
  const update_id = nextId++;
  const from = user({
    id: f.s.id,
    ...(f.s.language_code === undefined ? {} : { language_code: f.s.language_code }),
  });
  if (f.kind === "inline")
    return { update_id, inline_query: { id: `iq${update_id}`, from, query: f.query, offset: "" } };
  if (f.kind === "callback") {
    return {
      update_id,
      callback_query: {
        id: `cb${update_id}`,
        from,
        chat_instance: "ci",
        data: f.data,
        ...(f.withMessage ? { message: botMessage("…", { chat: privateChat(from) }) } : {}),
      },
    } as Update;
  }
  const chat = f.group ? groupChat() : privateChat(from);
  const text = f.group ? `@kkpham_test_bot ${f.text}` : f.text;
  return {
    update_id,
    message: {
      message_id: update_id,
      date: Math.floor(Date.now() / 1000),
      chat,
      ...(f.noFrom ? {} : { from }),
      text,
      ...(text.startsWith("/")
        ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 1 }] }
        : {}),
    },
  } as Update;
}

type Button = { text: string; callback_data?: string; url?: string };

function keyboardProblems(markup: unknown): string[] {
  const rows = (markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
  if (!rows) return [];
  const buttons = rows.flat();
  const out: string[] = [];
  if (buttons.length > 100) out.push(`${buttons.length} buttons`);
  for (const b of buttons) {
    if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64)
      out.push(`callback data ${b.callback_data}`);
    if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) < 1) out.push("empty callback data");
  }
  return out;
}

/** Every way one call breaks Telegram's limits. */
function problems(call: Call): string[] {
  const p = call.payload as Record<string, unknown>;
  const out = keyboardProblems(p.reply_markup);
  const html = p.parse_mode === "HTML";
  const check = (s: unknown, max: number, what: string) => {
    if (typeof s !== "string") return;
    if (s.length > max) out.push(`${what} of ${s.length}`);
    const bad = html ? htmlProblem(s) : null;
    if (bad) out.push(`${what}: ${bad}`);
  };
  check(p.text, 4096, "text");
  check(p.caption, 1024, "caption");
  const media = p.media as { caption?: string; parse_mode?: string } | undefined;
  if (media?.caption && media.caption.length > 1024) out.push("media caption");
  if (call.method === "answerCallbackQuery" && typeof p.text === "string" && p.text.length > 200) out.push("toast");
  if (call.method === "answerInlineQuery") {
    const results = (p.results as Record<string, unknown>[]) ?? [];
    if (results.length > 50) out.push(`${results.length} inline results`);
    for (const r of results) {
      out.push(...keyboardProblems(r.reply_markup));
      const content = r.input_message_content as { message_text?: string; parse_mode?: string } | undefined;
      if (content?.message_text !== undefined) {
        if (content.message_text.length > 4096) out.push("inline message text");
        const bad = content.parse_mode === "HTML" ? htmlProblem(content.message_text) : null;
        if (bad) out.push(`inline message: ${bad}`);
      }
    }
  }
  return out;
}

describe("fuzzing the bot with fast-check", () => {
  it("the HTML check itself catches what it must", () => {
    expect(htmlProblem('<b>ok</b> &amp; <a href="x">y</a>')).toBeNull();
    expect(htmlProblem("<x-planted>")).toContain("unknown tag");
    expect(htmlProblem("a < b")).toContain('bare "<"');
    expect(htmlProblem("<b>open")).toContain("not closed");
    expect(htmlProblem("AT&T")).toContain('bare "&"');
  });

  it(`${RUNS} runs of random updates: no crash, nothing over Telegram's limits, no invalid HTML`, {
    timeout: 60_000,
  }, async () => {
    const { bot, api, logs } = await makeBot();
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzUpdate, { minLength: 1, maxLength: 4 }), async (fuzz) => {
        api.clear();
        const before = logs.lines.length;
        for (const f of fuzz) await bot.handleUpdate(toUpdate(f));
        const found = api.calls.flatMap((c) => problems(c).map((p) => `${c.method}: ${p}`));
        expect(found).toEqual([]);
        const failed = logs.lines.slice(before).filter((l) => l.includes('"update failed"'));
        expect(failed).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
