/**
 * The last guard before a call leaves for Telegram: an inline keyboard over 100 buttons or
 * an inline answer over 50 results is refused by Telegram as a whole, and the user gets
 * nothing. The renderers keep far below both; should one ever produce more, the excess is
 * cut here (the first rows kept, in order) with a warning, so the answer still arrives.
 * Installed as an API transformer, so every send, edit and inline answer passes it.
 */
import type { Transformer } from "grammy";
import type { Logger } from "../../logger.ts";

export const MAX_BUTTONS = 100;
export const MAX_INLINE_RESULTS = 50;

type Keyboard = { inline_keyboard: unknown[][] };

function isKeyboard(x: unknown): x is Keyboard {
  return typeof x === "object" && x !== null && Array.isArray((x as Keyboard).inline_keyboard);
}

/** The keyboard's first MAX_BUTTONS buttons, rows kept; the same object when within. */
export function capKeyboard(kb: Keyboard): Keyboard {
  const total = kb.inline_keyboard.reduce((n, row) => n + row.length, 0);
  if (total <= MAX_BUTTONS) return kb;
  const rows: unknown[][] = [];
  let left = MAX_BUTTONS;
  for (const row of kb.inline_keyboard) {
    if (left === 0) break;
    const kept = row.slice(0, left);
    rows.push(kept);
    left -= kept.length;
  }
  return { ...kb, inline_keyboard: rows };
}

export function outgoingLimits(logger: Logger): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as { reply_markup?: unknown; results?: unknown[] };
    let next = payload;
    if (isKeyboard(p.reply_markup)) {
      const capped = capKeyboard(p.reply_markup);
      if (capped !== p.reply_markup) {
        logger.warn({ method }, `keyboard cut to ${MAX_BUTTONS} buttons`);
        next = { ...next, reply_markup: capped } as typeof payload;
      }
    }
    if (method === "answerInlineQuery" && Array.isArray(p.results) && p.results.length > MAX_INLINE_RESULTS) {
      logger.warn({ method, results: p.results.length }, `inline answer cut to ${MAX_INLINE_RESULTS} results`);
      next = { ...next, results: p.results.slice(0, MAX_INLINE_RESULTS) } as typeof payload;
    }
    return prev(method, next, signal);
  };
}
