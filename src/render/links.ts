/** Source links for Telegram HTML: the site's name as the link text, at most a few. */

const MAX_LINKS = 2;

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^(www|m|amp)\./, "");
  } catch {
    return url;
  }
}

/** `<a href="…">site</a>, …` for the first distinct sources. */
export function sourceLinks(urls: readonly string[]): { html: string; count: number } {
  const unique = [...new Set(urls)].slice(0, MAX_LINKS);
  return {
    html: unique.map((u) => `<a href="${escapeHtml(u)}">${escapeHtml(siteOf(u))}</a>`).join(", "),
    count: unique.length,
  };
}
