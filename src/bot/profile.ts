/**
 * The bot's profile as Telegram shows it before anyone writes: the description on the empty
 * chat screen (setMyDescription, up to 512 characters) and the short description on the
 * profile page and in shared links (setMyShortDescription, up to 120). One per language,
 * plus the default for every other client language (Indonesian, like the bot's default).
 */
import type { Api } from "grammy";
import type { Core } from "../core.ts";
import type { Lang } from "../understand/request.ts";

export const MAX_DESCRIPTION = 512;
export const MAX_SHORT_DESCRIPTION = 120;

/** The languages a start-up call is made for: the default (no language_code), then each. */
export const PROFILE_LANGS: { lang: Lang; language_code?: Lang }[] = [
  { lang: "id" },
  { lang: "id", language_code: "id" },
  { lang: "en", language_code: "en" },
];

/** Plain texts (Telegram shows descriptions without formatting), checked against the limits. */
export function profileTexts(core: Core, lang: Lang): { description: string; short_description: string } {
  const t = core.t(lang);
  const plain = { interpolation: { escapeValue: false } };
  const description = t("bot.profile.description", plain);
  const short_description = t("bot.profile.short_description", plain);
  if (description.length > MAX_DESCRIPTION || short_description.length > MAX_SHORT_DESCRIPTION) {
    throw new Error(`bot.profile texts of ${lang} are longer than Telegram allows`);
  }
  return { description, short_description };
}

/** One start-up call per text and language; `attempt` logs and skips a refused one. */
export async function registerProfile(
  api: Api,
  core: Core,
  attempt: (method: string, languageCode: string, call: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  for (const { lang, language_code } of PROFILE_LANGS) {
    const texts = profileTexts(core, lang);
    const other = language_code ? { language_code } : {};
    await attempt("setMyDescription", language_code ?? "default", () => api.setMyDescription(texts.description, other));
    await attempt("setMyShortDescription", language_code ?? "default", () =>
      api.setMyShortDescription(texts.short_description, other),
    );
  }
}
