/**
 * New data without a restart (SIGHUP, /reload, or a peer's announcement over Redis).
 * Re-reads and validates the data directory and builds a new Core off to the side; only
 * when everything succeeded is it swapped in, in one assignment, so an update sees either
 * the old Core or the new one (see swappable.ts: updates in flight finish on the old).
 * On any error the old data keeps serving and every problem is logged as
 * `file:line: field: message`.
 *
 * Generic over what is swapped (`T`): the reloader knows only the Dataset it loaded, never
 * the Core's methods, so Core's interface can change without touching this file.
 * Reloads run one at a time; a request during a reload waits for it and then runs.
 */
import type { Dataset } from "../dataset/dataset.ts";
import { DataError } from "../dataset/errors.ts";
import type { Logger } from "../logger.ts";
import { diffRecords, type YearChange } from "./diff.ts";
import type { Swappable } from "./swappable.ts";

export type ReloadSource = "signal" | "admin" | "peer";

export type ReloadOutcome =
  | { status: "reloaded"; version: string; previous: string; rows: number; changes: YearChange[] }
  | { status: "unchanged"; version: string; rows: number }
  | { status: "failed"; version: string; problems: string[] };

export interface Loaded<T> {
  value: T;
  dataset: Dataset;
}

export interface ReloaderOptions<T extends object> {
  target: Swappable<T>;
  /** The dataset behind the initial target. */
  initial: Dataset;
  /** Loads, validates and builds a new target; throws DataError (or any error) on failure. */
  load(): Promise<Loaded<T>>;
  logger: Logger;
  /** Called after the outcome is known (metrics, publishing to other instances). */
  onOutcome?(outcome: ReloadOutcome, source: ReloadSource): void;
}

export interface Reloader {
  reload(source: ReloadSource): Promise<ReloadOutcome>;
  /** The dataset being served. */
  dataset(): Dataset;
}

export function problemsOf(err: unknown): string[] {
  if (err instanceof DataError) return err.issues.map((i) => `${i.file}:${i.line}: ${i.field}: ${i.message}`);
  if (err instanceof Error && "problems" in err && Array.isArray(err.problems)) return err.problems.map(String);
  return [err instanceof Error ? err.message : String(err)];
}

export function createReloader<T extends object>(opts: ReloaderOptions<T>): Reloader {
  let current = opts.initial;
  let queue: Promise<unknown> = Promise.resolve();

  async function once(source: ReloadSource): Promise<ReloadOutcome> {
    const log = opts.logger.child({ reload: source });
    let loaded: Loaded<T>;
    try {
      loaded = await opts.load();
    } catch (err) {
      const problems = problemsOf(err);
      log.error(
        { version: current.version, problems },
        `data reload failed; still serving version ${current.version}:\n${problems.join("\n")}`,
      );
      return { status: "failed", version: current.version, problems };
    }
    const next = loaded.dataset;
    if (next.version === current.version) {
      log.info({ version: next.version }, "data reload: no change");
      return { status: "unchanged", version: next.version, rows: next.records.length };
    }
    const changes = diffRecords(current.records, next.records);
    const previous = current.version;
    opts.target.set(loaded.value);
    current = next;
    log.info(
      { version: next.version, previous, rows: next.records.length, changes },
      `data reloaded: version ${next.version} (was ${previous}), ${next.records.length} rows; ${describe(changes)}`,
    );
    return { status: "reloaded", version: next.version, previous, rows: next.records.length, changes };
  }

  return {
    dataset: () => current,
    reload(source) {
      const run = queue.then(() => once(source));
      queue = run.catch(() => {});
      return run.then((outcome) => {
        opts.onOutcome?.(outcome, source);
        return outcome;
      });
    },
  };
}

/** "2025: +17 ~0 -0" per year; for the log only (user-facing texts live in locales/). */
export function describe(changes: readonly YearChange[]): string {
  if (changes.length === 0) return "no award rows changed";
  return changes.map((c) => `${c.year}: +${c.added} ~${c.changed} -${c.removed}`).join(", ");
}
