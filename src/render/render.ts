/**
 * Answer → Reply for one language: one small renderer per answer kind, chosen by an exhaustive
 * table. The only layer that words things: every sentence comes from locales/, values are
 * HTML-escaped. A renderer reads only its Answer, never the dataset.
 */
import type { i18n } from "i18next";
import type { Answer } from "../answer/answer.ts";
import { LANGS, type Lang } from "../understand/request.ts";
import type { RenderContext, Renderer } from "./context.ts";
import { renderHelp, renderLanguage, renderSmallTalk } from "./kinds/chat.ts";
import { renderChoose, renderConfirm, renderNotRecognised, renderNotUnderstood } from "./kinds/clarify.ts";
import { renderList } from "./kinds/list.ts";
import { renderCeremony, renderNational, renderProgramme, renderProvincial } from "./kinds/programme.ts";
import { renderRecord, renderStatus } from "./kinds/region.ts";
import { renderTrend } from "./kinds/trend.ts";
import { createSourceLinks } from "./links.ts";
import { createMessages } from "./messages.ts";
import type { Reply } from "./reply.ts";

export type Render = (answer: Answer, lang: Lang) => Reply;

const RENDERERS: { [K in Answer["kind"]]: Renderer<K> } = {
  status: renderStatus,
  record: renderRecord,
  list: renderList,
  trend: renderTrend,
  choose: renderChoose,
  confirm: renderConfirm,
  not_recognised: renderNotRecognised,
  not_understood: renderNotUnderstood,
  help: renderHelp,
  smalltalk: renderSmallTalk,
  language: renderLanguage,
  programme: renderProgramme,
  ceremony: renderCeremony,
  national: renderNational,
  provincial: renderProvincial,
};

export function createRender(i18n: i18n): Render {
  const sourceLinks = createSourceLinks();
  const contexts = new Map<Lang, RenderContext>();
  for (const lang of LANGS) {
    const list = new Intl.ListFormat(lang, { style: "long", type: "conjunction" });
    const dates = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", { dateStyle: "long", timeZone: "UTC" });
    contexts.set(lang, {
      t: createMessages(i18n, lang),
      tIn: (other) => (contexts.get(other) ?? fail(other)).t,
      join: (items) => list.format(items),
      has: (key) => typeof i18n.getResource(lang, "translation", key) === "string",
      date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    });
  }

  return (answer, lang) => {
    const ctx = contexts.get(lang) ?? fail(lang);
    const part = (RENDERERS[answer.kind] as Renderer<Answer["kind"]>)(answer, ctx);
    const lines = [...part.lines];
    if (part.sources && part.sources.length > 0) {
      const links = sourceLinks(part.sources);
      // Links are built and escaped here; `{{- }}` keeps them from being escaped twice.
      lines.push(ctx.t(links.count === 1 ? "source.one" : "source.other", { links: links.html }));
    }
    return { html: lines.join("\n"), buttons: part.buttons ?? [], chart: part.chart ?? null };
  };
}

function fail(lang: string): never {
  throw new Error(`no messages for language ${lang}`);
}
