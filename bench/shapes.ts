/**
 * Message shapes at Telegram's length limit, to see which kind of long message costs the core
 * most: chat alone, a question before or after chat, many places, typos, unknown words, one
 * long word. Each is a phrase repeated to the limit, so the text is the same every run.
 */
import { MAX_QUERY_CHARS } from "../src/understand/normalize.ts";
import { messageOfLength } from "./messages.ts";

function repeated(phrase: string): string {
  let out = "";
  while (out.length < MAX_QUERY_CHARS) out += `${phrase} `;
  return out.slice(0, MAX_QUERY_CHARS);
}

const QUESTION = "Apakah Kabupaten Ogan Komering Ulu meraih penghargaan Peduli HAM 2024?";

/** [what the shape is, the message]. */
export const SHAPES: readonly (readonly [string, string])[] = [
  ["chat only", messageOfLength("", MAX_QUERY_CHARS)],
  ["chat, then a question", messageOfLength(QUESTION, MAX_QUERY_CHARS)],
  ["a question, then chat", `${QUESTION} ${messageOfLength("", MAX_QUERY_CHARS - QUESTION.length - 1)}`],
  ["many places", repeated("oku oki pali muba banyuasin lahat palembang prabumulih")],
  ["typos of places", repeated("palembng lubuk lingau prabumulh muara enm")],
  ["first-letter typos", repeated("falembang kubuklinggau grabumulih")],
  ["unknown place-like words", repeated("kabupaten zorblat kota quixby kab flumbo")],
  ["many years", repeated("2013 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024")],
  ["one word repeated", repeated("bla")],
  ["one long word", "abcdefghij".repeat(MAX_QUERY_CHARS / 10 + 1).slice(0, MAX_QUERY_CHARS)],
];
