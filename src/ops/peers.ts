/**
 * Reloads across instances. After a reload asked for here (SIGHUP or /reload) the new data
 * version is announced on the shared bus (Redis pub/sub); every other instance that does
 * not serve that version yet reloads its own data directory. The instances are expected to
 * read the same data (one volume, or the same image): an instance that ends up on another
 * version says so in its log.
 */
import type { Logger } from "../logger.ts";
import type { Bus } from "../state/shared.ts";
import type { Reloader, ReloadOutcome, ReloadSource } from "./reload.ts";

interface Announcement {
  instance: string;
  version: string;
}

function parse(message: string): Announcement | null {
  try {
    const m = JSON.parse(message) as Partial<Announcement>;
    return typeof m.instance === "string" && typeof m.version === "string"
      ? { instance: m.instance, version: m.version }
      : null;
  } catch {
    return null;
  }
}

export interface PeerSync {
  /** Pass every reload outcome here; the ones asked for on this instance are announced. */
  announce(outcome: ReloadOutcome, source: ReloadSource): void;
  /** Start listening for the other instances' announcements. */
  listen(reloader: Reloader): Promise<void>;
}

export function peerSync(bus: Bus, instance: string, logger: Logger): PeerSync {
  return {
    announce(outcome, source) {
      if (source === "peer" || outcome.status === "failed") return;
      bus.publish(JSON.stringify({ instance, version: outcome.version } satisfies Announcement)).then(
        () => logger.info({ version: outcome.version }, "data version announced to the other instances"),
        (err: unknown) => logger.warn({ err }, "could not announce the data version to the other instances"),
      );
    },
    async listen(reloader) {
      await bus.subscribe((message) => {
        const a = parse(message);
        if (!a) {
          logger.warn("ignored a malformed reload announcement");
          return;
        }
        if (a.instance === instance || a.version === reloader.dataset().version) return;
        logger.info({ version: a.version, from: a.instance }, "another instance has new data: reloading");
        void reloader.reload("peer").then((outcome) => {
          if (outcome.version !== a.version) {
            logger.warn(
              { announced: a.version, serving: outcome.version },
              "after the reload this instance serves another data version than the one announced (different DATA_DIR?)",
            );
          }
        });
      });
    },
  };
}
