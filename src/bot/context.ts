/** The context every handler sees: grammY's, plus the session, the user's language and a logger. */
import type { Context, SessionFlavor } from "grammy";
import type { Logger } from "../logger.ts";
import type { TFunction } from "../render/i18n.ts";
import type { Lang } from "../understand/request.ts";

/** Per user (not per chat: inline queries have no chat). Only what must survive a restart. */
export interface SessionData {
  /** Set when the user picks a language; until then their Telegram language decides. */
  lang?: Lang;
}

export interface LangFlavor {
  lang: Lang;
  /** Texts in the user's language (i18next getFixedT; the global language is never switched). */
  t: TFunction;
  /**
   * Persist the user's language, then switch to it for this and later updates. Resolves
   * false (nothing switched) when the store could not save it: never confirm then.
   */
  setLang(lang: Lang): Promise<boolean>;
}

export interface LoggerFlavor {
  /** A child logger carrying this update's id. */
  logger: Logger;
}

export type BotContext = Context & SessionFlavor<SessionData> & LangFlavor & LoggerFlavor;
