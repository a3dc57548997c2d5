/**
 * The one way names are compared: lower case, no diacritics, letters and digits only,
 * single spaces. Used for the alias table at load time and for user text, so that both
 * sides of every lookup are folded alike.
 */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The folded form without spaces, so "Lubuk Linggau" and "Lubuklinggau" meet. */
export function squash(folded: string): string {
  return folded.replaceAll(" ", "");
}
