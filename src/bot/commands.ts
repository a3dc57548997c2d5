/**
 * The command menus Telegram shows next to the input field, one per language
 * (setMyCommands with language_code), plus the default menu for every other client
 * language (Indonesian, like the bot's default), and a shorter menu for groups
 * (scope all_group_chats): there /start and the language switch mean little, since a group
 * talks to the bot through mentions and the language is each user's own.
 *
 * registerCommands is the start-up call: it sets the menus and the profile texts
 * (profile.ts). A Bot API server that rejects a call (an emulator, an old local server) is
 * logged and start-up goes on: menus and descriptions are a convenience, the bot works
 * without them.
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Core } from "../core.ts";
import type { Logger } from "../logger.ts";
import type { Lang } from "../understand/request.ts";
import { PROFILE_LANGS, registerProfile } from "./profile.ts";

/** Every command the bot handles. /language and /bahasa are the same command. */
export const COMMANDS = [
  "start",
  "help",
  "cek",
  "tren",
  "daftar",
  "language",
  "bahasa",
  // Following (features/follow.ts), each under its Indonesian and its English name.
  "ikuti",
  "berhenti",
  "langganan",
  "follow",
  "unfollow",
  "following",
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The menu for one language shows the language command under its own language's name. */
function menu(lang: Lang): CommandName[] {
  const follow: CommandName[] =
    lang === "id" ? ["ikuti", "langganan", "berhenti"] : ["follow", "following", "unfollow"];
  return ["start", "cek", "tren", "daftar", ...follow, lang === "id" ? "bahasa" : "language", "help"];
}

/** What makes sense in a group: the questions and how to ask them. */
export const GROUP_MENU: readonly CommandName[] = ["cek", "tren", "daftar", "help"];

export function commandList(core: Core, lang: Lang, commands: readonly CommandName[] = menu(lang)): BotCommand[] {
  const t = core.t(lang);
  return commands.map((command) => ({ command, description: t(`bot.commands.${command}`) }));
}

export async function registerCommands(api: Api, core: Core, logger: Logger): Promise<void> {
  const attempt = async (method: string, languageCode: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (err) {
      logger.warn(
        { method, language_code: languageCode, reason: (err as Error).message },
        "Bot API rejected a start-up call; the bot runs on without it",
      );
    }
  };
  for (const { lang, language_code } of PROFILE_LANGS) {
    const other = language_code ? { language_code } : {};
    const code = language_code ?? "default";
    await attempt("setMyCommands", code, () => api.setMyCommands(commandList(core, lang), other));
    await attempt("setMyCommands", code, () =>
      api.setMyCommands(commandList(core, lang, GROUP_MENU), { ...other, scope: { type: "all_group_chats" } }),
    );
  }
  await registerProfile(api, core, attempt);
}
