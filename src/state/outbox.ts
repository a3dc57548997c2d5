/**
 * The results-day outbox: every notification is written here before the first one is sent,
 * and a worker drains it (src/notify/worker.ts). Together with the ledger of results already
 * announced, this makes each message go out once per (chat, year, scope, result):
 *  - `record` stores the new ledger entries and the items in one atomic step (a SQLite
 *    transaction, one Redis script); an item whose id was ever recorded is skipped, so a
 *    second reload of the same data, or several instances planning the same change, add
 *    nothing;
 *  - `claim` leases due items to one worker (their due time moves a lease ahead), so two
 *    instances never take the same item, and the items of a worker that died are taken
 *    again once the lease runs out;
 *  - `done` marks an item sent (its id stays known), `later` moves it back to the queue
 *    (rate limits, 429, a transient error), `fail` gives up on it.
 * The one window left is a crash between Telegram accepting a message and `done`: that
 * message goes out again after the lease (at-least-once there, as with any outbox).
 */

/** What to send: rendered at send time from the data being served. */
export interface OutboxPayload {
  chat: number;
  /** A region ("16.01": that region's result) or a province ("16": the year's summary). */
  scope: string;
  year: number;
  lang: "id" | "en";
}

export interface OutboxItem extends OutboxPayload {
  /** `${chat}|${year}|${scope}|${result}`: the exactly-once key. */
  id: string;
  /** Attempts already made (errors other than rate limits). */
  attempts: number;
}

/** What the outbox knows about results: `${year}|${region}` → the announced result. */
export type Ledger = Map<string, string>;

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

export interface Outbox {
  ledger(): Promise<Ledger>;
  /** Atomically: set these ledger entries, add the items not recorded before; how many were added. */
  record(
    entries: ReadonlyMap<string, string>,
    items: readonly Omit<OutboxItem, "attempts">[],
    now: number,
  ): Promise<number>;
  /** Up to `max` items due at `now`, leased until now + leaseMs. */
  claim(max: number, now: number, leaseMs: number): Promise<OutboxItem[]>;
  done(id: string): Promise<void>;
  /** Back to the queue, due at `due`; `attempt` counts it as a failed attempt. */
  later(id: string, due: number, attempt: boolean): Promise<void>;
  fail(id: string): Promise<void>;
  /** Removes a pending item without counting it (its chat stopped following before it went out). */
  drop(id: string): Promise<void>;
  /** Deletes every row about this chat, pending or sent: it follows nothing any more. */
  forget(chat: number): Promise<void>;
  counts(): Promise<OutboxCounts>;
}
