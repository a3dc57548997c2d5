/**
 * Puts the user's language and `ctx.t` on the context. The user's own choice (kept in the
 * per-user session) wins; until they choose, their Telegram client language decides:
 * `id` → Indonesian, `en`/`en-GB`/… → English, anything else → Indonesian (the bot's home).
 * Uses a fixed-language t per update; never i18next's global changeLanguage, which would
 * leak one user's language into another's concurrent reply.
 */
import type { MiddlewareFn, StorageAdapter } from "grammy";
import type { Core } from "../../core.ts";
import { LANGS, type Lang } from "../../understand/request.ts";
import type { BotContext, SessionData } from "../context.ts";
import { userKey } from "./user-key.ts";

export function langFromTelegram(code: string | undefined): Lang {
  const c = (code ?? "").toLowerCase();
  if (c === "en" || c.startsWith("en-") || c.startsWith("en_")) return "en";
  return "id";
}

function isLang(x: unknown): x is Lang {
  return typeof x === "string" && (LANGS as readonly string[]).includes(x);
}

/**
 * `persist` is written before setLang resolves (the caller confirms only after that), so a
 * switch the user saw confirmed survives a `kill -9`; a failed write (full disk, store
 * down) leaves the language as it was and resolves false, so the caller can say so.
 */
export function language(core: Core, persist?: StorageAdapter<SessionData>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // Updates without a user (rare service updates) have no session key: reading the
    // session would throw, so they get the language from nobody: the default.
    const stored = ctx.from ? ctx.session?.lang : undefined;
    const lang = isLang(stored) ? stored : langFromTelegram(ctx.from?.language_code);
    ctx.lang = lang;
    ctx.t = core.t(lang);
    ctx.setLang = async (chosen: Lang) => {
      const key = userKey(ctx);
      if (key !== undefined) {
        const session = { ...ctx.session, lang: chosen };
        try {
          await persist?.write(key, session);
        } catch (err) {
          ctx.logger.warn({ err }, "language choice not saved: the session store failed");
          return false;
        }
        ctx.session = session;
      }
      ctx.lang = chosen;
      ctx.t = core.t(chosen);
      return true;
    };
    await next();
  };
}
