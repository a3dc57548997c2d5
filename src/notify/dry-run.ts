/**
 * What the data being loaded would send, for the operator, without recording or sending
 * anything: the chats, messages, years and regions the next plan would queue (after a reload,
 * or at start-up), and the outbox's counts. `npm run notify -- --dry-run` prints it, and
 * /status for admins ends with it.
 */
import type { Dataset } from "../dataset/dataset.ts";
import type { TFunction } from "../render/i18n.ts";
import { planNotifications, resultsOf, summarize } from "./plan.ts";
import type { NotifyState } from "./state.ts";

/** The report's lines; `notify` is the NOTIFY setting (off: said first). */
export async function dryRunReport(
  state: NotifyState,
  dataset: Dataset,
  t: TFunction,
  notify: boolean,
): Promise<string> {
  const plan = summarize(await planNotifications(dataset, await state.outbox.ledger(), state.follows));
  const lines: string[] = notify ? [] : [t("bot.follow.dry_run.off")];
  if (plan.baseline) lines.push(t("bot.follow.dry_run.baseline", { results: resultsOf(dataset).size }));
  else if (plan.years.length === 0) lines.push(t("bot.follow.dry_run.nothing"));
  else {
    lines.push(t("bot.follow.dry_run.summary", { messages: plan.messages, chats: plan.chats }));
    for (const y of plan.years) {
      const names = y.regions.map((code) => dataset.regions.get(code)?.name ?? code);
      lines.push(t("bot.follow.dry_run.year", { year: y.year, count: y.regions.length, regions: names.join(", ") }));
    }
  }
  const counts = await state.outbox.counts();
  lines.push(t("bot.follow.dry_run.outbox", { ...counts, follows: await state.follows.count() }));
  return lines.join("\n");
}
