/**
 * The text of one notification, in the follower's language, through the same renderer as
 * every answer: a region's result is the status answer for that (region, year), a province's
 * is the year's winners list; above it one line from locales (bot.follow.new_result /
 * new_province_result), below it the answer's own buttons and a 🔕 stop button.
 */
import type { Core } from "../core.ts";
import type { Button } from "../render/reply.ts";
import type { OutboxPayload } from "../state/outbox.ts";
import { encodeFollow, isProvinceScope } from "./buttons.ts";

export interface Notification {
  html: string;
  buttons: Button[][];
}

/** Null when the scope no longer exists in the data (the item is dropped). */
export function notification(core: Core, p: OutboxPayload): Notification | null {
  const t = core.t(p.lang);
  const province = isProvinceScope(p.scope);
  const ex = province
    ? core.act({ kind: "list", mode: "winners", province: p.scope, year: p.year }, p.lang)
    : core.act({ kind: "status", codes: [p.scope], year: p.year }, p.lang);
  if (!ex) return null;
  const name = province ? core.dataset.provinces.get(p.scope)?.name : core.dataset.regions.get(p.scope)?.name;
  const head = t(province ? "bot.follow.new_province_result" : "bot.follow.new_result", { name, year: p.year });
  const stop = { text: t("bot.follow.button_unfollow"), data: encodeFollow({ action: "unfollow", scope: p.scope }) };
  return { html: `${head}\n\n${ex.reply.html}`, buttons: [...ex.reply.buttons, [stop]] };
}
