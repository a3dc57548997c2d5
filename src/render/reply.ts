/** A reply for one language, ready for any transport (Telegram, terminal, JSON). */

export interface Button {
  text: string;
  /** callback_data, at most 64 bytes; see callback-data.ts. */
  data: string;
}

export interface Reply {
  /** Telegram HTML (parse_mode "HTML"); every value from users or data is escaped. */
  html: string;
  /** Inline keyboard rows; empty when there are none. */
  buttons: Button[][];
  /**
   * The chart scope to draw with this reply (a province code "16" or a region code "16.05"),
   * or null when the reply has no chart.
   */
  chart: string | null;
}
