/**
 * Telegram HTML → terminal text: bold/italic as ANSI styles when the output is a colour
 * terminal, links as "text (url)", entities decoded, every other tag dropped.
 */
import { decodeEntities } from "../bot/html.ts";

const STYLE = { b: ["\x1b[1m", "\x1b[22m"], i: ["\x1b[3m", "\x1b[23m"], u: ["\x1b[4m", "\x1b[24m"] } as const;
const ALIASES: Record<string, keyof typeof STYLE> = { b: "b", strong: "b", i: "i", em: "i", u: "u", ins: "u" };

export function htmlToTerminal(html: string, color = false): string {
  let out = html.replace(/<a\s+href="([^"]*)"[^>]*>(.*?)<\/a>/gis, (_m, href: string, text: string) => {
    const url = decodeEntities(href);
    const label = text.replace(/<[^>]*>/g, "");
    return decodeEntities(label) === url ? href : `${label} (${href})`;
  });
  out = out.replace(/<(\/?)([a-z-]+)[^>]*>/gi, (_m, close: string, tag: string) => {
    const style = ALIASES[tag.toLowerCase()];
    if (!color || !style) return "";
    return STYLE[style][close ? 1 : 0];
  });
  return decodeEntities(out);
}
