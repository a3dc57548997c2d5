/**
 * An isolated i18next instance with both locales loaded. Replies are worded through
 * `i18n.getFixedT(lang)` per message; the global language is never switched, because that
 * leaks one user's language into another's concurrent reply.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import i18next, { type i18n, type TFunction } from "i18next";
import { LANGS, type Lang } from "../understand/request.ts";

export type { TFunction };

const localesDir = fileURLToPath(new URL("../../locales/", import.meta.url));

export async function createI18n(dir: string = localesDir): Promise<i18n> {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const lang of LANGS) {
    const file = `${dir}${lang}.json`;
    resources[lang] = { translation: JSON.parse(await readFile(file, "utf8")) as Record<string, unknown> };
  }
  const instance = i18next.createInstance();
  await instance.init({
    lng: "id",
    fallbackLng: "id",
    supportedLngs: [...LANGS],
    resources,
    returnNull: false,
    // Telegram HTML needs only & < > escaped; i18next's default also escapes / and quotes,
    // which Telegram would show literally in some clients.
    interpolation: {
      escape: (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"),
    },
  });
  return instance;
}

export function fixedT(i18n: i18n, lang: Lang): TFunction {
  return i18n.getFixedT(lang);
}
