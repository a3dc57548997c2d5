/**
 * The command menus Telegram shows next to the input field, one per language
 * (setMyCommands with language_code), plus the default menu for every other client
 * language (Indonesian, like the bot's default). A Bot API server that rejects the call
 * (an emulator, an old local server) is logged and start-up goes on: the menu is a
 * convenience, the commands work without it.
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Core } from "../core.ts";
import type { Logger } from "../logger.ts";
import type { Lang } from "../understand/request.ts";

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

export function commandList(core: Core, lang: Lang): BotCommand[] {
  const t = core.t(lang);
  return menu(lang).map((command) => ({ command, description: t(`bot.commands.${command}`) }));
}

export async function registerCommands(api: Api, core: Core, logger: Logger): Promise<void> {
  const menus: { language_code?: Lang; lang: Lang }[] = [
    { lang: "id" },
    { lang: "id", language_code: "id" },
    { lang: "en", language_code: "en" },
  ];
  for (const m of menus) {
    try {
      await api.setMyCommands(commandList(core, m.lang), m.language_code ? { language_code: m.language_code } : {});
    } catch (err) {
      logger.warn(
        { method: "setMyCommands", language_code: m.language_code ?? "default", reason: (err as Error).message },
        "Bot API rejected a start-up call; the bot runs on without it",
      );
    }
  }
}
