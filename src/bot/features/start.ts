/**
 * /start: a short greeting that ends with three example questions as buttons. A deep link t.me/<bot>?start=r_16_01
 * opens region 16.01 straight away. The payload comes from whoever made the link, so only
 * the exact shape r_NN_NN naming an existing region is honoured; anything else gets the
 * greeting with a short note that the link was not understood.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { FeatureDeps } from "../deps.ts";
import { examplesKeyboard } from "./help.ts";

const REGION_LINK = /^r_(\d{2})_(\d{2})$/;
/** Payloads our own surfaces use that just mean "open the bot". */
const PLAIN = new Set(["inline", "start"]);

export function greeting(ctx: BotContext): string {
  return ctx.t("bot.start.greeting", { name: ctx.from?.first_name ?? "" });
}

export function startFeature({ core, respond }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    if (payload && !PLAIN.has(payload)) {
      const m = REGION_LINK.exec(payload);
      const ex = m ? core.act({ kind: "status", codes: [`${m[1]}.${m[2]}`], year: null }, ctx.lang) : null;
      if (ex) return respond.send(ctx, ex);
      ctx.logger.debug("start payload not recognised");
      return respond.text(ctx, `${ctx.t("bot.start.bad_link")}\n\n${greeting(ctx)}`, examplesKeyboard(ctx));
    }
    await respond.text(ctx, greeting(ctx), examplesKeyboard(ctx));
  });
  return composer;
}
