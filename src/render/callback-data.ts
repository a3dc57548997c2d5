/**
 * The actions an inline button can carry, and their compact callback_data encoding.
 * Telegram limits callback_data to 64 bytes and anyone can forge it, so decode() accepts
 * only the exact shapes encode() makes and returns null for anything else.
 */
import { INTENTS, type Intent, LANGS, type Lang } from "../understand/question.ts";

export type Action =
  /** Answer a pending question about the region the user picked. */
  | { type: "pick"; intent: Intent; code: string; year: number | null }
  /** Show the trend chart of a province ("16") or a region ("16.05"). */
  | { type: "trend"; scope: string }
  /** Switch the user's language. */
  | { type: "lang"; lang: Lang };

const REGION = /^\d{2}\.\d{2}$/;
const SCOPE = /^\d{2}(\.\d{2})?$/;
/** Years this century and the last: anything else in a button is forged. */
const YEAR = /^(19|20)\d{2}$/;

export function encodeAction(action: Action): string {
  switch (action.type) {
    case "pick":
      return `p|${action.intent}|${action.code}|${action.year ?? "-"}`;
    case "trend":
      return `t|${action.scope}`;
    case "lang":
      return `l|${action.lang}`;
  }
}

export function decodeAction(data: string | undefined): Action | null {
  if (!data || data.length > 64) return null;
  const parts = data.split("|");
  switch (parts[0]) {
    case "p": {
      const [, intent, code, year] = parts;
      if (parts.length !== 4 || !intent || !code || !year) return null;
      if (!(INTENTS as readonly string[]).includes(intent) || !REGION.test(code)) return null;
      if (year !== "-" && !YEAR.test(year)) return null;
      return { type: "pick", intent: intent as Intent, code, year: year === "-" ? null : Number(year) };
    }
    case "t": {
      const scope = parts[1];
      if (parts.length !== 2 || !scope || !SCOPE.test(scope)) return null;
      return { type: "trend", scope };
    }
    case "l": {
      const lang = parts[1];
      if (parts.length !== 2 || !(LANGS as readonly string[]).includes(lang ?? "")) return null;
      return { type: "lang", lang: lang as Lang };
    }
    default:
      return null;
  }
}
