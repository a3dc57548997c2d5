/**
 * The process's exit codes, one per thing an operator does differently (README
 * "Operations" lists them): fix a setting, fix the token, stop the other instance, or look
 * at what kept an update from finishing.
 */
export const EXIT = {
  ok: 0,
  /** A runtime or data error (the log line names it). */
  failure: 1,
  /** A setting is wrong (stderr names the variable). */
  config: 2,
  /** Telegram refused BOT_TOKEN (401): revoked or mistyped. */
  unauthorized: 3,
  /** 409 Conflict: another instance polls getUpdates with this token. */
  conflict: 4,
  /** SHUTDOWN_TIMEOUT_SECONDS passed with updates still running. */
  shutdownTimeout: 5,
  /** A second SIGTERM/SIGINT: exited at once, without waiting. */
  secondSignal: 6,
} as const;
