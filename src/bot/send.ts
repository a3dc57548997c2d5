/**
 * Sending a rendered Reply: text with an inline keyboard, or, when the reply has a chart and
 * a renderer is present, a photo with the text as its caption. Tapped buttons edit the
 * message in place (editMessageText, or editMessageMedia for a chart), so a conversation
 * does not fill up with superseded answers.
 *
 * Charts: the file_id Telegram returns for an uploaded chart is remembered (ChartFileStore,
 * per scope, language and data version), so the next send of that chart — after a restart,
 * or from another instance sharing Redis — is a file_id, not a 100 KB upload. While an
 * uncached chart renders the chat shows "sending a photo…" (sendChatAction upload_photo).
 * When the renderer is busy past its queue the answer goes out as text, without the chart.
 *
 * Every answer about one region carries a share button: Telegram's share sheet with the
 * deep link t.me/<bot>?start=r_16_01, which opens that region (start.ts).
 */
import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import type { Message } from "grammy/types";
import type { Answer } from "../answer/answer.ts";
import type { Core, Exchange } from "../core.ts";
import { ChartBusyError, chartKey } from "../render/chart/charts.ts";
import type { Button } from "../render/reply.ts";
import type { ChartFileStore } from "../state/chart-files.ts";
import type { RegionRef } from "../understand/request.ts";
import type { ChartRenderer } from "./chart.ts";
import type { BotContext } from "./context.ts";
import { chunkHtml, MAX_CAPTION } from "./html.ts";

export function keyboard(buttons: Button[][], extra: InlineKeyboard[] = []): InlineKeyboard | undefined {
  const rows = [
    ...buttons.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))),
    ...extra.flatMap((k) => k.inline_keyboard),
  ];
  return rows.length === 0 ? undefined : InlineKeyboard.from(rows);
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

/** The one region an answer is about, if it is about exactly one. */
export function regionOf(answer: Answer): RegionRef | null {
  switch (answer.kind) {
    case "status":
      return answer.regions.length === 1 ? (answer.regions[0]?.region ?? null) : null;
    case "record":
      return answer.region.region;
    case "trend":
      return answer.scope.type === "region" ? answer.scope.region : null;
    default:
      return null;
  }
}

/** t.me/<bot>?start=r_16_01: the deep link start.ts opens as that region's answer. */
export function regionLink(username: string, code: string): string {
  return `https://t.me/${username}?start=r_${code.replace(".", "_")}`;
}

export interface Responder {
  /** Send a reply as new message(s). */
  send(ctx: BotContext, ex: Exchange): Promise<void>;
  /** Replace the message whose button was tapped with this reply. */
  edit(ctx: BotContext, ex: Exchange): Promise<void>;
  /** Replace only the keyboard of the message whose button was tapped (paging). */
  keys(ctx: BotContext, buttons: Button[][]): Promise<void>;
  /** Send plain bot-level HTML (localized texts), with optional buttons. */
  text(ctx: BotContext, html: string, buttons?: InlineKeyboard): Promise<void>;
}

export interface ResponderOptions {
  chart?: ChartRenderer | undefined;
  /** Where chart file_ids are remembered; without it every chart is uploaded. */
  chartFiles?: ChartFileStore | undefined;
  /** Rows added under the reply's own buttons (the 🔔 follow toggle). */
  extra?: ExtraButtons | undefined;
}

interface ChartMedia {
  media: InputFile | string;
  key: string;
  /** The media is a remembered file_id (which Telegram may refuse, e.g. after a token change). */
  stored: boolean;
}

/** A file_id Telegram does not accept: forget it and upload again. */
function refused(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && !notModified(err);
}

/** Buttons added under a reply by another feature (the 🔔 follow toggle), per chat. */
export type ExtraButtons = (ctx: BotContext, ex: Exchange) => Promise<Button[][]>;

export function createResponder(core: Core, { chart, chartFiles, extra }: ResponderOptions = {}): Responder {
  async function chartMedia(ctx: BotContext, ex: Exchange, useStore: boolean): Promise<ChartMedia | null> {
    if (!chart || ex.reply.chart === null || ex.answer.kind !== "trend") return null;
    const key = chartKey(ex.answer, ctx.lang, core.dataset.version);
    if (useStore && chartFiles) {
      const fileId = await chartFiles.get(key).catch((err: unknown) => {
        ctx.logger.warn({ err }, "chart file_id store unreadable; uploading");
        return undefined;
      });
      if (fileId) return { media: fileId, key, stored: true };
    }
    await ctx
      .replyWithChatAction("upload_photo")
      .catch((err: unknown) => ctx.logger.debug({ err }, "chat action refused"));
    try {
      const image = await chart.render(ex.answer, ctx.t, ctx.lang, core.dataset.version);
      return { media: new InputFile(image.png, `kkpham-${ex.reply.chart}.png`), key, stored: false };
    } catch (err) {
      if (!(err instanceof ChartBusyError)) throw err;
      ctx.logger.warn("chart renderer busy: answering without the chart");
      return null;
    }
  }

  /** Keep the file_id of a photo just uploaded. A failed write costs only a later upload. */
  async function remember(ctx: BotContext, c: ChartMedia, sent: Message | true): Promise<void> {
    if (c.stored || !chartFiles || sent === true) return;
    const fileId = sent.photo?.at(-1)?.file_id;
    if (!fileId) return;
    await chartFiles.set(c.key, fileId).catch((err: unknown) => ctx.logger.warn({ err }, "chart file_id not saved"));
  }

  /** Send with a remembered file_id; if Telegram refuses it, forget it and upload. */
  async function withChart(
    ctx: BotContext,
    ex: Exchange,
    use: (c: ChartMedia) => Promise<Message | true>,
    otherwise: () => Promise<void>,
  ): Promise<void> {
    let c = await chartMedia(ctx, ex, true);
    if (!c) return otherwise();
    try {
      await remember(ctx, c, await use(c));
    } catch (err) {
      if (!c.stored || !refused(err)) throw err;
      ctx.logger.warn({ err }, "remembered chart file_id refused; uploading again");
      await chartFiles?.delete(c.key).catch((e: unknown) => ctx.logger.warn({ err: e }, "chart file_id not deleted"));
      c = await chartMedia(ctx, ex, false);
      if (!c) return otherwise();
      await remember(ctx, c, await use(c));
    }
  }

  function share(ctx: BotContext, ex: Exchange): InlineKeyboard[] {
    const region = regionOf(ex.answer);
    if (!region) return [];
    const link = regionLink(ctx.me.username, region.code);
    const note = ctx.t("bot.share.text", { name: region.name, interpolation: { escapeValue: false } });
    const url = `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(note)}`;
    return [new InlineKeyboard().url(ctx.t("bot.share.button"), url)];
  }

  const markupOf = async (ctx: BotContext, ex: Exchange) =>
    keyboard([...ex.reply.buttons, ...((await extra?.(ctx, ex)) ?? [])], share(ctx, ex));

  async function text(ctx: BotContext, html: string, buttons?: InlineKeyboard): Promise<void> {
    const chunks = chunkHtml(html);
    for (const [i, chunk] of chunks.entries()) {
      const last = i === chunks.length - 1;
      await ctx.reply(chunk, { ...HTML, ...replyOptions(ctx), ...(last && buttons ? { reply_markup: buttons } : {}) });
    }
  }

  async function send(ctx: BotContext, ex: Exchange): Promise<void> {
    const markup = await markupOf(ctx, ex);
    await withChart(
      ctx,
      ex,
      async (c) => {
        if (ex.reply.html.length <= MAX_CAPTION) {
          return ctx.replyWithPhoto(c.media, {
            caption: ex.reply.html,
            parse_mode: "HTML",
            ...replyOptions(ctx),
            ...(markup ? { reply_markup: markup } : {}),
          });
        }
        // Too long for a caption: the chart alone, then the full text with the buttons.
        const sent = await ctx.replyWithPhoto(c.media, replyOptions(ctx));
        await text(ctx, ex.reply.html, markup);
        return sent;
      },
      () => text(ctx, ex.reply.html, markup),
    );
  }

  async function edit(ctx: BotContext, ex: Exchange): Promise<void> {
    const markup = (await markupOf(ctx, ex)) ?? new InlineKeyboard();
    const message = ctx.callbackQuery?.message;
    const hasPhoto = message !== undefined && "photo" in message && message.photo !== undefined;
    try {
      if (hasPhoto) {
        if (!chart || ex.reply.chart === null || ex.reply.html.length > MAX_CAPTION) {
          // A photo cannot turn into a text message: answer below it instead.
          return await send(ctx, ex);
        }
        return await withChart(
          ctx,
          ex,
          (c) =>
            ctx.editMessageMedia(
              { type: "photo", media: c.media, caption: ex.reply.html, parse_mode: "HTML" },
              { reply_markup: markup },
            ),
          () => send(ctx, ex),
        );
      }
      if (ex.reply.chart !== null && chart) {
        // A text message cannot turn into a photo: the chart comes as a new message.
        return await send(ctx, ex);
      }
      const [first, ...rest] = chunkHtml(ex.reply.html);
      await ctx.editMessageText(first ?? "", { ...HTML, reply_markup: rest.length ? new InlineKeyboard() : markup });
      if (rest.length) await text(ctx, rest.join("\n"), await markupOf(ctx, ex));
    } catch (err) {
      if (!notModified(err)) throw err;
    }
  }

  async function keys(ctx: BotContext, buttons: Button[][]): Promise<void> {
    try {
      await ctx.editMessageReplyMarkup({ reply_markup: keyboard(buttons) ?? new InlineKeyboard() });
    } catch (err) {
      if (!notModified(err)) throw err;
    }
  }

  return { send, edit, keys, text };
}
