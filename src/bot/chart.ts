/**
 * What the bot needs from the chart renderer (src/render/chart/): a PNG for a trend answer.
 * A structural type, so tests can pass a tiny fake and the bot runs without a renderer
 * (replies then go out as text only).
 */
import type { Answer } from "../answer/answer.ts";
import type { TFunction } from "../render/i18n.ts";

export type TrendAnswer = Extract<Answer, { kind: "trend" }>;

export interface ChartImage {
  png: Uint8Array;
}

export interface ChartRenderer {
  render(answer: TrendAnswer, t: TFunction, lang: string, dataVersion: string): ChartImage | Promise<ChartImage>;
}
