/**
 * What an inline button carries: a Request, so a tap goes straight to answer. Encoded compactly
 * for callback_data (64 bytes at most). Anyone can forge callback data, so decode() accepts only
 * the exact shapes encode() makes (plus the "p|…" pick buttons of earlier versions, still in old
 * chats) and returns null for anything else. Whether the codes name existing regions is checked
 * by core.act.
 */
import {
  LANGS,
  type Lang,
  PROGRAMME_TOPICS,
  type ProgrammeTopic,
  RECORD_FOCI,
  type RecordFocus,
  type Request,
} from "../understand/request.ts";

/** What a button can ask; each kind's fields are codes, years and names, never free text. */
export type ButtonRequest =
  | { kind: "status"; codes: string[]; year: number | null }
  | { kind: "record"; code: string; focus: RecordFocus }
  | { kind: "trend"; scope: string }
  | { kind: "list"; mode: "winners" | "non_winners"; province: string; year: number | null }
  | { kind: "language"; language: Lang }
  | { kind: "programme"; topic: ProgrammeTopic };

/**
 * Buttons the bot layer resolves itself rather than through core.act: a page of the province
 * trend's region keyboard, and one of the fixed example questions of /start and /help (the
 * index into `examples` in locales; the bot asks its text as if it were typed).
 */
export type BotButton = { kind: "trend_page"; scope: string; page: number } | { kind: "ask"; example: number };

/** Everything a button can carry. */
export type ButtonData = ButtonRequest | BotButton;

/** How many example questions locales hold (`examples.0` … `examples.2`). */
export const EXAMPLE_COUNT = 3;
/** Pages of a region keyboard, from 0: 8 buttons a page, so 13 pages cover 104 regions. */
const PAGE = /^(\d|1[0-2])$/;

const REGION = /^\d{2}\.\d{2}$/;
const PROVINCE = /^\d{2}$/;
const SCOPE = /^\d{2}(\.\d{2})?$/;
/** Years this century and the last: anything else in a button is forged. */
const YEAR = /^(19|20)\d{2}$/;
/** Regions one status button may carry (8 × 5 characters fit well within 64 bytes). */
const MAX_CODES = 8;

/** The button form of a Request, or null for kinds no button carries. */
export function buttonOf(request: Request): ButtonRequest | null {
  switch (request.kind) {
    case "status":
      return { kind: "status", codes: request.regions.map((r) => r.code), year: request.year };
    case "record":
      return { kind: "record", code: request.region.code, focus: request.focus };
    case "trend":
      return { kind: "trend", scope: request.scope };
    case "list":
      return { kind: "list", mode: request.mode, province: request.province, year: request.year };
    case "language":
      return request.language ? { kind: "language", language: request.language } : null;
    case "programme":
      return { kind: "programme", topic: request.topic };
    default:
      return null;
  }
}

export function encodeButton(b: ButtonData): string {
  switch (b.kind) {
    case "trend_page":
      return `tp|${b.scope}|${b.page}`;
    case "ask":
      return `a|${b.example}`;
    case "status":
      return `s|${b.codes.slice(0, MAX_CODES).join("+")}|${b.year ?? "-"}`;
    case "record":
      return `r|${b.code}|${b.focus}`;
    case "trend":
      return `t|${b.scope}`;
    case "list":
      return `w|${b.mode === "winners" ? "w" : "n"}|${b.province}|${b.year ?? "-"}`;
    case "language":
      return `l|${b.language}`;
    case "programme":
      return `g|${b.topic}`;
  }
}

const year = (s: string | undefined): number | null | undefined =>
  s === "-" ? null : s !== undefined && YEAR.test(s) ? Number(s) : undefined;
const oneOf = <T extends string>(list: readonly T[], s: string | undefined): T | undefined =>
  (list as readonly string[]).includes(s ?? "") ? (s as T) : undefined;

/** Whether a decoded button goes to core.act (true) or is the bot layer's own. */
export function isRequest(b: ButtonData): b is ButtonRequest {
  return b.kind !== "trend_page" && b.kind !== "ask";
}

export function decodeButton(data: string | undefined): ButtonData | null {
  if (!data || data.length > 64) return null;
  const parts = data.split("|");
  const [tag, a, b, c] = parts;
  const arity = (n: number) => parts.length === n;
  switch (tag) {
    case "s": {
      const codes = (a ?? "").split("+");
      const y = year(b);
      if (!arity(3) || y === undefined || codes.length > MAX_CODES || !codes.every((x) => REGION.test(x))) return null;
      return { kind: "status", codes, year: y };
    }
    case "r": {
      const focus = oneOf(RECORD_FOCI, b);
      return arity(3) && focus && REGION.test(a ?? "") ? { kind: "record", code: a ?? "", focus } : null;
    }
    case "t":
      return arity(2) && SCOPE.test(a ?? "") ? { kind: "trend", scope: a ?? "" } : null;
    case "w": {
      const y = year(c);
      if (!arity(4) || (a !== "w" && a !== "n") || !PROVINCE.test(b ?? "") || y === undefined) return null;
      return { kind: "list", mode: a === "w" ? "winners" : "non_winners", province: b ?? "", year: y };
    }
    case "l": {
      const language = oneOf(LANGS, a);
      return arity(2) && language ? { kind: "language", language } : null;
    }
    case "g": {
      const topic = oneOf(PROGRAMME_TOPICS, a);
      return arity(2) && topic ? { kind: "programme", topic } : null;
    }
    case "tp":
      return arity(3) && PROVINCE.test(a ?? "") && PAGE.test(b ?? "")
        ? { kind: "trend_page", scope: a ?? "", page: Number(b) }
        : null;
    case "a": {
      const example = /^\d$/.test(a ?? "") ? Number(a) : EXAMPLE_COUNT;
      return arity(2) && example < EXAMPLE_COUNT ? { kind: "ask", example } : null;
    }
    case "p": {
      // "p|status|16.01|2024" and "p|trend|16.01|-": the pick buttons of earlier versions.
      const y = year(c);
      if (!arity(4) || !REGION.test(b ?? "") || y === undefined) return null;
      if (a === "trend") return { kind: "trend", scope: b ?? "" };
      return a === "status" ? { kind: "status", codes: [b ?? ""], year: y } : null;
    }
    default:
      return null;
  }
}
