/**
 * Sending a rendered Reply: text with an inline keyboard, or, when the reply has a chart and
 * a renderer is present, a photo with the text as its caption. Tapped buttons edit the
 * message in place (editMessageText, or editMessageMedia for a chart), so a conversation
 * does not fill up with superseded answers.
 */
import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import type { Core, Exchange } from "../core.ts";
import type { Button } from "../render/reply.ts";
import type { ChartRenderer } from "./chart.ts";
import type { BotContext } from "./context.ts";
import { chunkHtml, MAX_CAPTION } from "./html.ts";

export function keyboard(buttons: Button[][]): InlineKeyboard | undefined {
  if (buttons.length === 0) return undefined;
  return InlineKeyboard.from(buttons.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))));
}

/** In groups, answer the asking message itself so the thread stays readable. */
export function replyOptions(ctx: BotContext) {
  const inGroup = ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
  return inGroup && ctx.msg?.message_id !== undefined
    ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
    : {};
}

const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/** Telegram refuses an edit that changes nothing; for a double tap that is not an error. */
function notModified(err: unknown): boolean {
  return err instanceof GrammyError && err.description.includes("message is not modified");
}

export interface Responder {
  /** Send a reply as new message(s). */
  send(ctx: BotContext, ex: Exchange): Promise<void>;
  /** Replace the message whose button was tapped with this reply. */
  edit(ctx: BotContext, ex: Exchange): Promise<void>;
  /** Send plain bot-level HTML (localized texts), with optional buttons. */
  text(ctx: BotContext, html: string, buttons?: InlineKeyboard): Promise<void>;
}

/** Buttons added under a reply by another feature (the 🔔 follow toggle), per chat. */
export type ExtraButtons = (ctx: BotContext, ex: Exchange) => Promise<Button[][]>;

export function createResponder(core: Core, chart?: ChartRenderer, extra?: ExtraButtons): Responder {
  const buttonsOf = async (ctx: BotContext, ex: Exchange) => [...ex.reply.buttons, ...((await extra?.(ctx, ex)) ?? [])];

  async function photo(ctx: BotContext, ex: Exchange): Promise<InputFile | null> {
    if (!chart || ex.reply.chart === null || ex.answer.kind !== "trend") return null;
    const image = await chart.render(ex.answer, ctx.t, ctx.lang, core.dataset.version);
    return new InputFile(image.png, `kkpham-${ex.reply.chart}.png`);
  }

  async function text(ctx: BotContext, html: string, buttons?: InlineKeyboard): Promise<void> {
    const chunks = chunkHtml(html);
    for (const [i, chunk] of chunks.entries()) {
      const last = i === chunks.length - 1;
      await ctx.reply(chunk, { ...HTML, ...replyOptions(ctx), ...(last && buttons ? { reply_markup: buttons } : {}) });
    }
  }

  async function send(ctx: BotContext, ex: Exchange): Promise<void> {
    const markup = keyboard(await buttonsOf(ctx, ex));
    const file = await photo(ctx, ex);
    if (!file) return text(ctx, ex.reply.html, markup);
    if (ex.reply.html.length <= MAX_CAPTION) {
      await ctx.replyWithPhoto(file, {
        caption: ex.reply.html,
        parse_mode: "HTML",
        ...replyOptions(ctx),
        ...(markup ? { reply_markup: markup } : {}),
      });
      return;
    }
    // Too long for a caption: the chart alone, then the full text with the buttons.
    await ctx.replyWithPhoto(file, replyOptions(ctx));
    await text(ctx, ex.reply.html, markup);
  }

  async function edit(ctx: BotContext, ex: Exchange): Promise<void> {
    const buttons = await buttonsOf(ctx, ex);
    const markup = keyboard(buttons) ?? new InlineKeyboard();
    const message = ctx.callbackQuery?.message;
    const hasPhoto = message !== undefined && "photo" in message && message.photo !== undefined;
    try {
      if (hasPhoto) {
        const file = await photo(ctx, ex);
        if (file && ex.reply.html.length <= MAX_CAPTION) {
          await ctx.editMessageMedia(
            { type: "photo", media: file, caption: ex.reply.html, parse_mode: "HTML" },
            { reply_markup: markup },
          );
          return;
        }
        // A photo cannot turn into a text message: answer below it instead.
        await send(ctx, ex);
        return;
      }
      if (ex.reply.chart !== null && chart) {
        // A text message cannot turn into a photo: the chart comes as a new message.
        await send(ctx, ex);
        return;
      }
      const [first, ...rest] = chunkHtml(ex.reply.html);
      await ctx.editMessageText(first ?? "", { ...HTML, reply_markup: rest.length ? new InlineKeyboard() : markup });
      if (rest.length) await text(ctx, rest.join("\n"), keyboard(buttons));
    } catch (err) {
      if (!notModified(err)) throw err;
    }
  }

  return { send, edit, text };
}
