/** Source links for Telegram HTML: the site's name as the link text, at most a few. */

import { escapeHtml } from "./html.ts";

const MAX_LINKS = 2;

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^(www|m|amp)\./, "");
  } catch {
    return url;
  }
}

export type SourceLinks = (urls: readonly string[]) => { html: string; count: number };

/**
 * `<a href="…">site</a>, …` for the first distinct sources. Each URL's link is built once:
 * the dataset holds a few hundred, and replies repeat them.
 */
export function createSourceLinks(): SourceLinks {
  const built = new Map<string, string>();
  const link = (url: string) => {
    let html = built.get(url);
    if (html === undefined) {
      html = `<a href="${escapeHtml(url)}">${escapeHtml(siteOf(url))}</a>`;
      built.set(url, html);
    }
    return html;
  };
  return (urls) => {
    const unique: string[] = [];
    for (const url of urls) {
      if (!unique.includes(url)) unique.push(url);
      if (unique.length === MAX_LINKS) break;
    }
    return { html: unique.map(link).join(", "), count: unique.length };
  };
}
