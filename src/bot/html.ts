/** Small helpers for Telegram HTML that the bot and the terminal transports share. */
import { escapeHtml } from "../render/html.ts";

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Plain text of a Telegram HTML string (tags dropped, entities decoded). */
export function stripHtml(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ""));
}

/**
 * Split HTML into messages of at most `max` characters, at line breaks, so no tag is cut
 * (our rendered lines keep their tags on one line). A single over-long line is cut as plain
 * text as a last resort.
 */
export function chunkHtml(html: string, max = MAX_TEXT): string[] {
  if (html.length <= max) return [html];
  const chunks: string[] = [];
  let current = "";
  for (const line of html.split("\n")) {
    const piece = line.length > max ? escapeHtml(stripHtml(line)).slice(0, max) : line;
    if (current && current.length + 1 + piece.length > max) {
      chunks.push(current);
      current = piece;
    } else {
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
