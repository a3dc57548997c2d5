/** Help, small talk and the language switch: short replies in the user's language. */
import { encodeButton } from "../callback-data.ts";
import type { Renderer } from "../context.ts";
import { exampleRows } from "../parts.ts";

/** Short enough for one phone screen; the examples are buttons that answer when tapped. */
export const renderHelp: Renderer<"help"> = (_answer, { t }) => ({ lines: [t("help.text")], buttons: exampleRows(t) });

/** Thanks → one line; a greeting → one line plus two examples; never the whole help text. */
export const renderSmallTalk: Renderer<"smalltalk"> = (answer, { t }) => ({ lines: [t(`smalltalk.${answer.say}`)] });

export const renderLanguage: Renderer<"language"> = (answer, ctx) => {
  if (answer.language) return { lines: [ctx.tIn(answer.language)("language.switched")] };
  return {
    lines: [ctx.t("language.choose")],
    buttons: [
      [
        { text: ctx.t("language.button_id"), data: encodeButton({ kind: "language", language: "id" }) },
        { text: ctx.t("language.button_en"), data: encodeButton({ kind: "language", language: "en" }) },
      ],
    ],
  };
};
