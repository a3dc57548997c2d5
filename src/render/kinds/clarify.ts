/** What the bot asks back: which one?, did you mean?, not recognised, not understood. */
import type { Renderer } from "../context.ts";
import { pickButtons } from "../parts.ts";

export const renderChoose: Renderer<"choose"> = (answer, ctx) => ({
  lines: [ctx.t("choose.prompt", { text: answer.text })],
  buttons: pickButtons(answer.candidates, answer.ask, ctx),
});

export const renderConfirm: Renderer<"confirm"> = (answer, ctx) => ({
  lines: [
    ctx.t(answer.town ? "confirm.prompt_town" : "confirm.prompt", {
      text: answer.text,
      name: answer.guess.name,
      province: answer.guess.provinceName,
    }),
  ],
  buttons: pickButtons([answer.guess], answer.ask, ctx),
});

export const renderNotRecognised: Renderer<"not_recognised"> = (answer, ctx) => {
  const lines = [ctx.t("not_recognised.text", { text: answer.text })];
  if (answer.suggestions.length === 0) return { lines: [...lines, ctx.t("not_recognised.hint")] };
  return {
    lines: [...lines, ctx.t("not_recognised.suggest")],
    buttons: pickButtons(answer.suggestions, answer.ask, ctx),
  };
};

export const renderNotUnderstood: Renderer<"not_understood"> = (_answer, ctx) => ({
  lines: [ctx.t("unknown.text")],
});
