/**
 * /language and /bahasa: an inline keyboard of the languages with the current one marked ✓.
 * The tap itself is handled with the other buttons in callbacks.ts (one decoder for all
 * button data), which calls `languageChosen` below.
 */
import { Composer, InlineKeyboard } from "grammy";
import { encodeButton } from "../../render/callback-data.ts";
import { LANGS, type Lang } from "../../understand/request.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export function languageKeyboard(ctx: BotContext): InlineKeyboard {
  return InlineKeyboard.from([
    LANGS.map((lang) => {
      const name = ctx.t(`bot.language.name_${lang}`);
      const label = lang === ctx.lang ? ctx.t("bot.language.current", { name }) : name;
      return InlineKeyboard.text(label, encodeButton({ kind: "language", language: lang }));
    }),
  ]);
}

/** After a switch: the confirmation in the new language, the keyboard with the new mark. */
export function languageChosenText(ctx: BotContext): string {
  return `${ctx.t("bot.language.changed")}\n\n${ctx.t("bot.language.prompt")}`;
}

export async function languageChosen(ctx: BotContext, lang: Lang): Promise<void> {
  // Persist first, confirm after: a confirmation must be true.
  if (!(await ctx.setLang(lang))) {
    await ctx.answerCallbackQuery({ text: ctx.t("bot.language.save_failed"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t("bot.language.changed") });
  await ctx
    .editMessageText(languageChosenText(ctx), { parse_mode: "HTML", reply_markup: languageKeyboard(ctx) })
    .catch((err: unknown) => {
      // Tapping the language already chosen changes nothing; Telegram calls that an error.
      if (!String((err as Error).message).includes("message is not modified")) throw err;
    });
}

export function languageFeature({ respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(["language", "bahasa"], (ctx) =>
    respond.text(ctx, ctx.t("bot.language.prompt"), languageKeyboard(ctx)),
  );
  return composer;
}
