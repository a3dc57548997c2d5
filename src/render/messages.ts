/**
 * Fast wording for the hot path. i18next stays the source of every string (locales/ are
 * loaded into it), but its t() costs 25–55 µs a call here, and a reply needs ten calls.
 * So each template is fetched from i18next's resource store once and compiled into a
 * small function that fills `{{value}}` (escaped for Telegram HTML) and `{{- value}}`
 * (inserted as is). Templates with anything more (nesting, formats, plurals) are left to
 * i18next's own t().
 */
import type { i18n, TFunction } from "i18next";
import type { Lang } from "../understand/request.ts";
import { escapeHtml } from "./html.ts";

export type Vars = Record<string, string | number | boolean>;
export type Message = (key: string, vars?: Vars) => string;

const SIMPLE = /^(?:[^{$]|\{(?!\{)|\$(?!t\())*$/;
const PLACEHOLDER = /\{\{(-\s*)?\s*([A-Za-z0-9_]+)\s*\}\}/g;

type Compiled = (vars: Vars) => string;

function compile(template: string): Compiled | null {
  const parts: (string | { name: string; raw: boolean })[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, m.index));
    parts.push({ name: m[2] ?? "", raw: Boolean(m[1]) });
    last = (m.index ?? 0) + m[0].length;
  }
  const rest = template.slice(last);
  if (!SIMPLE.test(rest) || parts.some((p) => typeof p === "string" && !SIMPLE.test(p))) return null;
  parts.push(rest);
  return (vars) => {
    let out = "";
    for (const p of parts) {
      if (typeof p === "string") out += p;
      else {
        const v = vars[p.name];
        out += v === undefined ? "" : p.raw ? String(v) : escapeHtml(String(v));
      }
    }
    return out;
  };
}

export function createMessages(i18n: i18n, lang: Lang): Message {
  const t: TFunction = i18n.getFixedT(lang);
  const cache = new Map<string, Compiled | null>();
  return (key, vars = {}) => {
    let compiled = cache.get(key);
    if (compiled === undefined) {
      const template = i18n.getResource(lang, "translation", key) as unknown;
      compiled = typeof template === "string" ? compile(template) : null;
      cache.set(key, compiled);
    }
    return compiled ? compiled(vars) : (t(key, vars) as string);
  };
}
