/** A logger writing into an array, so tests can read every line (and check no secret leaks). */
import { createLogger, type Logger } from "../../src/logger.ts";

/** Looks like a real token, so a leak would be a real leak. */
export const TEST_TOKEN = "7012345678:AAHtestTOKENsecretPart_0123456789-xyz";
export const TOKEN_SECRET_PART = TEST_TOKEN.slice(TEST_TOKEN.indexOf(":") + 1);

export interface CapturedLogs {
  logger: Logger;
  lines: string[];
  /** Lines holding the token or its secret half (should always be empty). */
  leaks(): string[];
}

export function captureLogs(opts: { token?: string; secrets?: string[]; level?: string } = {}): CapturedLogs {
  const lines: string[] = [];
  const token = opts.token ?? TEST_TOKEN;
  const logger = createLogger({
    level: opts.level ?? "trace",
    token,
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    destination: { write: (s: string) => void lines.push(s) },
  });
  const needles = [token, token.slice(token.indexOf(":") + 1), ...(opts.secrets ?? [])];
  return { logger, lines, leaks: () => lines.filter((l) => needles.some((n) => l.includes(n))) };
}
