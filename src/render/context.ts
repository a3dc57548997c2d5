/**
 * What every renderer gets: the messages of one language (compiled from locales/ once), list
 * joining for that language, and source links. A renderer returns a Part; render.ts puts the
 * parts together into a Reply.
 */
import type { Answer } from "../answer/answer.ts";
import type { Message } from "./messages.ts";
import type { Button } from "./reply.ts";

export interface RenderContext {
  t: Message;
  /** The messages of another language (a language switch is confirmed in the new one). */
  tIn(lang: "id" | "en"): Message;
  /** "A, B and C" in the reply's language. */
  join(items: string[]): string;
  /** Whether the reply's language has a message for this key (for optional, per-item wording). */
  has(key: string): boolean;
  /** An ISO date ("2024-12-10") as the reply's language writes it. */
  date(iso: string): string;
}

export interface Part {
  lines: string[];
  buttons?: Button[][];
  /** The chart scope to draw with this reply ("16", "16.05"), if any. */
  chart?: string | null;
  /** Source URLs, most important first; cited at the end of the reply. */
  sources?: string[];
}

export type Renderer<K extends Answer["kind"]> = (answer: Extract<Answer, { kind: K }>, ctx: RenderContext) => Part;
