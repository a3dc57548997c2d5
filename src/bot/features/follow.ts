/**
 * Results day for users: /ikuti (/follow) a region or a province, /berhenti (/unfollow) one
 * or all, /langganan (/following) lists them with a 🔕 button each, and the 🔔/🔕 toggle
 * under every region answer and trend (added by `followButtons`, through the Responder).
 *
 * Names resolve as in questions: a province named ("Sumsel", "Jawa Timur") is followed as a
 * province; a region goes through Core's status understanding, so aliases and typos work and
 * an ambiguous name asks which one, with one 🔔 button per candidate. Nothing is guessed.
 *
 * In a group the group follows (the message goes to the group), and only its admins may
 * change that. Every change is stored before the bot confirms it.
 */
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { Core, Exchange } from "../../core.ts";
import { fold } from "../../dataset/fold.ts";
import { decodeFollow, encodeFollow, isProvinceScope } from "../../notify/buttons.ts";
import type { Button } from "../../render/reply.ts";
import type { FollowStore } from "../../state/follows.ts";
import type { Lang, RegionRef } from "../../understand/request.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";
import { keyboard } from "../send.ts";

export interface FollowDeps {
  store: FollowStore;
}

type Resolved =
  | { kind: "scope"; scope: string }
  | { kind: "ask"; html: string; buttons: Button[][] }
  | { kind: "usage" };

const isGroup = (ctx: BotContext) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/** Region or province name for a scope code; null when the data does not know it. */
export function scopeName(core: Core, scope: string): string | null {
  return (isProvinceScope(scope) ? core.dataset.provinces.get(scope) : core.dataset.regions.get(scope))?.name ?? null;
}

/** Whether the text names this province (by its name or an alias), not just falls back to it. */
function namesProvince(core: Core, text: string, province: string): boolean {
  const words = ` ${fold(text)} `;
  const names = [
    core.dataset.provinces.get(province)?.name ?? "",
    ...core.dataset.aliases.filter((a) => a.codes.length === 1 && a.codes[0] === province).map((a) => a.alias),
  ];
  return names.some((n) => fold(n) !== "" && words.includes(` ${fold(n)} `));
}

function resolve(core: Core, text: string, lang: Lang): Resolved {
  const t = core.t(lang);
  const list = core.ask(text, lang, { kind: "list" }).understood;
  if (list.kind === "list" && namesProvince(core, text, list.province)) return { kind: "scope", scope: list.province };
  const u = core.ask(text, lang, { kind: "status" }).understood;
  const pick = (regions: RegionRef[]) =>
    regions.map((r) => [
      {
        text: t("bot.follow.button_follow_name", { name: r.name }),
        data: encodeFollow({ action: "follow", scope: r.code }),
      },
    ]);
  switch (u.kind) {
    case "status":
      return u.regions.length === 1 && u.regions[0] ? { kind: "scope", scope: u.regions[0].code } : { kind: "usage" };
    case "record":
      return { kind: "scope", scope: u.region.code };
    case "choose":
      return { kind: "ask", html: t("bot.follow.choose", { text: u.text }), buttons: pick(u.candidates) };
    case "confirm":
      return { kind: "ask", html: t("bot.follow.confirm", { name: u.guess.name }), buttons: pick([u.guess]) };
    case "not_recognised":
      return u.suggestions.length
        ? { kind: "ask", html: t("bot.follow.not_recognised_suggest", { text: u.text }), buttons: pick(u.suggestions) }
        : { kind: "ask", html: t("bot.follow.not_recognised", { text: u.text }), buttons: [] };
    default:
      return { kind: "usage" };
  }
}

/** In a group only its admins may change what the group follows; elsewhere anyone may. */
async function mayChange(ctx: BotContext): Promise<boolean> {
  if (!isGroup(ctx)) return true;
  if (!ctx.from) return false;
  try {
    const m = await ctx.getChatMember(ctx.from.id);
    return m.status === "creator" || m.status === "administrator";
  } catch (err) {
    if (err instanceof GrammyError) return false;
    throw err;
  }
}

/** The scope a reply is about, for its 🔔 toggle: one region, or a trend's region or province. */
export function scopeOf(ex: Exchange): string | null {
  const a = ex.answer;
  if (a.kind === "status") return a.regions.length === 1 ? (a.regions[0]?.region.code ?? null) : null;
  if (a.kind === "record") return a.region.region.code;
  if (a.kind === "trend") return a.scope.type === "region" ? a.scope.region.code : a.scope.province.code;
  return null;
}

/** How long an answer waits for the follow store before it goes out without the toggle. */
const TOGGLE_WAIT_MS = 500;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * The toggle row for the Responder: 🔔 follow, or 🔕 stop when this chat follows already.
 * The answer matters more than its toggle: with the store down (Redis unreachable) or slow,
 * the answer goes out without it.
 */
export function followButtons(store: FollowStore) {
  return async (ctx: BotContext, ex: Exchange): Promise<Button[][]> => {
    const scope = scopeOf(ex);
    const chat = ctx.chat?.id;
    if (scope === null || chat === undefined) return [];
    let on: boolean;
    try {
      on = await within(store.isFollowing(chat, scope), TOGGLE_WAIT_MS);
    } catch (err) {
      ctx.logger.warn({ err }, "follow store did not answer: reply sent without the follow toggle");
      return [];
    }
    const action = on ? "unfollow" : "follow";
    return [
      [
        {
          text: ctx.t(on ? "bot.follow.button_unfollow" : "bot.follow.button_follow"),
          data: encodeFollow({ action, scope }),
        },
      ],
    ];
  };
}

export function followFeature({ core, respond }: FeatureDeps, { store }: FollowDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const name = (scope: string) => scopeName(core, scope) ?? scope;
  // The toggle's own labels in either language: a named button (a list, a "which one?") stays named.
  const generic = new Set(
    (["id", "en"] as const).flatMap((l) => [
      core.t(l)("bot.follow.button_follow"),
      core.t(l)("bot.follow.button_unfollow"),
    ]),
  );

  composer.command(["ikuti", "follow"], async (ctx) => {
    const args = ctx.match.trim();
    if (!args) return respond.text(ctx, ctx.t("bot.follow.usage"));
    if (!(await mayChange(ctx))) return respond.text(ctx, ctx.t("bot.follow.group_admins_only"));
    const r = resolve(core, args, ctx.lang);
    if (r.kind === "usage") return respond.text(ctx, ctx.t("bot.follow.usage"));
    if (r.kind === "ask") return respond.text(ctx, r.html, keyboard(r.buttons));
    const chat = ctx.chat?.id;
    if (chat === undefined) return;
    const fresh = await store.follow({ chat, scope: r.scope, lang: ctx.lang });
    const key = !fresh
      ? "bot.follow.already"
      : isProvinceScope(r.scope)
        ? "bot.follow.followed_province"
        : "bot.follow.followed";
    await respond.text(ctx, ctx.t(key, { name: name(r.scope) }));
  });

  composer.command(["berhenti", "unfollow"], async (ctx) => {
    const chat = ctx.chat?.id;
    if (chat === undefined) return;
    if (!(await mayChange(ctx))) return respond.text(ctx, ctx.t("bot.follow.group_admins_only"));
    const args = ctx.match.trim();
    if (!args) {
      const count = await store.unfollow(chat);
      return respond.text(ctx, count ? ctx.t("bot.follow.unfollowed_all", { count }) : ctx.t("bot.follow.none"));
    }
    const r = resolve(core, args, ctx.lang);
    if (r.kind === "usage") return respond.text(ctx, ctx.t("bot.follow.usage"));
    if (r.kind === "ask") {
      // The same question as for /ikuti, but every candidate button stops following.
      const buttons = r.buttons.map((row) =>
        row.map((b) => {
          const scope = decodeFollow(b.data)?.scope ?? "";
          return {
            text: ctx.t("bot.follow.button_unfollow_name", { name: name(scope) }),
            data: encodeFollow({ action: "unfollow", scope }),
          };
        }),
      );
      return respond.text(ctx, r.html, keyboard(buttons));
    }
    const removed = await store.unfollow(chat, r.scope);
    await respond.text(
      ctx,
      ctx.t(removed ? "bot.follow.unfollowed" : "bot.follow.not_following", { name: name(r.scope) }),
    );
  });

  composer.command(["langganan", "following"], async (ctx) => {
    const chat = ctx.chat?.id;
    if (chat === undefined) return;
    const follows = await store.list(chat);
    if (follows.length === 0) return respond.text(ctx, ctx.t("bot.follow.none"));
    const lines = follows.map((f) => ctx.t("bot.follow.list_item", { name: name(f.scope) }));
    const buttons = follows.map((f) => [
      {
        text: ctx.t("bot.follow.button_unfollow_name", { name: name(f.scope) }),
        data: encodeFollow({ action: "unfollow", scope: f.scope }),
      },
    ]);
    await respond.text(ctx, [ctx.t("bot.follow.list"), ...lines].join("\n"), keyboard(buttons));
  });

  composer.on("callback_query:data", async (ctx, next) => {
    const a = decodeFollow(ctx.callbackQuery.data);
    if (!a) return next();
    const chat = ctx.chat?.id;
    const label = scopeName(core, a.scope);
    if (chat === undefined || label === null)
      return void (await ctx.answerCallbackQuery({ text: ctx.t("bot.callback.stale") }));
    if (!(await mayChange(ctx))) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("bot.follow.group_admins_only") }));
    }
    if (a.action === "follow") await store.follow({ chat, scope: a.scope, lang: ctx.lang });
    else await store.unfollow(chat, a.scope);
    await ctx.answerCallbackQuery({
      text: ctx.t(a.action === "follow" ? "bot.follow.toast_followed" : "bot.follow.toast_unfollowed", { name: label }),
    });
    const markup = toggled(ctx, generic, ctx.callbackQuery.data, a.action, label);
    if (markup) await ctx.editMessageReplyMarkup({ reply_markup: markup }).catch(ignoreNotModified);
  });
  return composer;
}

function ignoreNotModified(err: unknown): void {
  if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
  throw err;
}

/** The tapped message's keyboard with the tapped button turned into its opposite. */
function toggled(
  ctx: BotContext,
  generic: ReadonlySet<string>,
  data: string,
  done: "follow" | "unfollow",
  name: string,
): InlineKeyboard | null {
  const rows = ctx.callbackQuery?.message?.reply_markup?.inline_keyboard;
  if (!rows) return null;
  const scope = decodeFollow(data)?.scope ?? "";
  const next = done === "follow" ? "unfollow" : "follow";
  const flip = (b: InlineKeyboardButton): InlineKeyboardButton => {
    if (!("callback_data" in b) || b.callback_data !== data) return b;
    const text = generic.has(b.text)
      ? ctx.t(next === "follow" ? "bot.follow.button_follow" : "bot.follow.button_unfollow")
      : ctx.t(next === "follow" ? "bot.follow.button_follow_name" : "bot.follow.button_unfollow_name", { name });
    return { text, callback_data: encodeFollow({ action: next, scope }) };
  };
  return InlineKeyboard.from(rows.map((row) => row.map(flip)));
}
