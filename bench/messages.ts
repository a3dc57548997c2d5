/**
 * Messages of a given length, built the same way every run: filler chat first (a question often
 * comes last, after a greeting and small talk), then a corpus sentence. A sentence longer than
 * the length is cut to it, so 10-character messages are the start of a question.
 */
import { MAX_QUERY_CHARS } from "../src/understand/normalize.ts";

/** The lengths timed: a word, a question, a long paragraph, Telegram's limit. */
export const LENGTHS = [10, 100, 1_000, MAX_QUERY_CHARS] as const;

/**
 * Chat as people type it around a question, cycled in order: no place names and no word that
 * asks something, so the reply stays the one to the sentence and only the length changes.
 * (Left out because the core reads them as a question: "ok siap, nanti aku kabari lagi ya",
 * "teman saya tanya soal penghargaan itu".)
 */
const FILLER = [
  "halo bang, selamat pagi.",
  "wkwk iya maaf baru sempat buka hp.",
  "tadi aku lagi di jalan terus lupa mau nanya apa.",
  "btw makasih banyak infonya kemarin, sangat membantu sekali.",
  "hi there, sorry for the long message, my phone is acting up.",
  "jadi gini, teman saya tadi cerita panjang.",
  "mohon maaf kalau pertanyaannya agak panjang hehe.",
];

function filler(chars: number): string {
  let out = "";
  for (let i = 0; out.length < chars; i++) out += `${FILLER[i % FILLER.length]} `;
  return out.slice(0, chars);
}

/** `sentence` at exactly `length` characters: cut when longer, after filler when shorter. */
export function messageOfLength(sentence: string, length: number): string {
  if (sentence.length >= length) return sentence.slice(0, length);
  return `${filler(length - sentence.length - 1)} ${sentence}`;
}
