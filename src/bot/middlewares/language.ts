/**
 * Puts the user's language and `ctx.t` on the context. The user's own choice (kept in the
 * per-user session) wins; until they choose, their Telegram client language decides:
 * `id` → Indonesian, `en`/`en-GB`/… → English, anything else → Indonesian (the bot's home).
 * Uses a fixed-language t per update; never i18next's global changeLanguage, which would
 * leak one user's language into another's concurrent reply.
 */
import type { MiddlewareFn } from "grammy";
import type { Core } from "../../core.ts";
import { LANGS, type Lang } from "../../understand/request.ts";
import type { BotContext } from "../context.ts";

export function langFromTelegram(code: string | undefined): Lang {
  const c = (code ?? "").toLowerCase();
  if (c === "en" || c.startsWith("en-") || c.startsWith("en_")) return "en";
  return "id";
}

function isLang(x: unknown): x is Lang {
  return typeof x === "string" && (LANGS as readonly string[]).includes(x);
}

export function language(core: Core): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // Updates without a user (rare service updates) have no session key: reading the
    // session would throw, so they get the language from nobody: the default.
    const stored = ctx.from ? ctx.session?.lang : undefined;
    const lang = isLang(stored) ? stored : langFromTelegram(ctx.from?.language_code);
    ctx.lang = lang;
    ctx.t = core.t(lang);
    ctx.setLang = (next: Lang) => {
      if (ctx.from) ctx.session = { ...ctx.session, lang: next };
      ctx.lang = next;
      ctx.t = core.t(next);
    };
    await next();
  };
}
