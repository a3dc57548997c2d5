/**
 * /status and /reload, for the Telegram user ids in ADMIN_IDS only. For anyone else (and
 * when ADMIN_IDS is empty) the commands pass on untouched and are unknown commands like any
 * other: nobody learns that they exist.
 *   /status  data version and rows, uptime, counts of updates and errors on this instance
 *   /reload  the same as SIGHUP (re-read and validate the data, swap it in, tell the other
 *            instances), with the outcome as the reply
 * The feature gets what it reports through callbacks, so it needs neither the ops code nor
 * Core's method list.
 */
import { Composer } from "grammy";
import type { ReloadOutcome } from "../../ops/reload.ts";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";

export interface StatusReport {
  version: string;
  rows: number;
  uptimeSeconds: number;
  updates: number;
  errors: number;
  instance: string;
}

export interface AdminDeps {
  adminIds: ReadonlySet<number>;
  status(): StatusReport;
  /** More lines for /status in the admin's language (results day: what the data would send). */
  statusExtra?(t: BotContext["t"]): Promise<string>;
  reload(): Promise<ReloadOutcome>;
}

/** Problems listed in a reply; the log has all of them. */
const MAX_PROBLEMS = 20;

function uptime(ctx: BotContext, seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return ctx.t("bot.admin.uptime", {
    days: Math.floor(minutes / 1440),
    hours: Math.floor(minutes / 60) % 24,
    minutes: minutes % 60,
  });
}

export function outcomeText(ctx: BotContext, o: ReloadOutcome): string {
  switch (o.status) {
    case "reloaded": {
      const years = o.changes.map((c) => ctx.t("bot.admin.reloaded_year", { ...c }));
      const lines = years.length ? years : [ctx.t("bot.admin.reloaded_no_rows")];
      return [ctx.t("bot.admin.reloaded", { version: o.version, previous: o.previous, rows: o.rows }), ...lines].join(
        "\n",
      );
    }
    case "unchanged":
      return ctx.t("bot.admin.unchanged", { version: o.version, rows: o.rows });
    case "failed": {
      const shown = o.problems.slice(0, MAX_PROBLEMS);
      const more = o.problems.length - shown.length;
      const problems = more > 0 ? [...shown, ctx.t("bot.admin.more_problems", { count: more })] : shown;
      return ctx.t("bot.admin.failed", { version: o.version, problems: problems.join("\n") });
    }
  }
}

export function adminFeature({ respond }: FeatureDeps, admin: AdminDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const admins = composer.filter((ctx) => ctx.from !== undefined && admin.adminIds.has(ctx.from.id));
  admins.command("status", async (ctx) => {
    const s = admin.status();
    await respond.text(
      ctx,
      ctx.t("bot.admin.status", {
        version: s.version,
        rows: s.rows,
        uptime: uptime(ctx, s.uptimeSeconds),
        updates: s.updates,
        errors: s.errors,
        instance: s.instance,
      }) + (admin.statusExtra ? `\n\n${await admin.statusExtra(ctx.t)}` : ""),
    );
  });
  admins.command("reload", async (ctx) => {
    ctx.logger.info({ admin: ctx.from?.id }, "data reload asked by an admin");
    await respond.text(ctx, outcomeText(ctx, await admin.reload()));
  });
  return composer;
}
