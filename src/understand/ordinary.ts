/**
 * Ordinary Indonesian and English words and chat slang: never reported as "not a region".
 * stopwords-iso supplies the common function words of both languages; the rest is chat the
 * bot hears. Built once, on first use.
 */
import { createRequire } from "node:module";
import leven from "leven";
import { FILLER_WORDS, isIntentWord, isLaughter, SMALL_TALK_WORDS } from "./lexicon.ts";

/** Chat words that are not in the stop-word lists. */
const SLANG = `
  anjay anjir njir gue gua gw lu lo loe elu elo kalian bapak ibu sodara saudara teman kawan bestie cuy coy
  btw fyi omg wow woy woi hmm hm eh ah uh yah kek kayaknya sepertinya mungkin pokoknya intinya gitu gini
  info infonya berita news kabar tanya nanya jawab bales balas cek check makan minum rumah kantor kerja
  harga cuaca besok hari minggu bulan jam pukul sekarang nanti tadi kemarin lusa pagi siang sore malam
  orang warga masyarakat pemerintah daerah kota desa kampung jalan pasar sekolah kampus mahasiswa wartawan
  jurnalis reporter ngo lsm dinas kepala bupati walikota camat lurah presiden menteri dpr dprd partai
  bagus jelek benar salah betul lucu keren mantap hebat hotel murah mahal jarak penduduk jumlah cuaca jadwal
  kereta pesawat tiket sungai gunung bukit tanah danau laut pulau teluk tanjung muara kuala air hutan kebun
  sawah pantai bata restoran restaurant weather capital flight`;

let words: ReadonlySet<string> | undefined;
let functionWords: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const lists = require("stopwords-iso/stopwords-iso.json") as Record<string, string[]>;
  functionWords = new Set([...(lists.id ?? []), ...(lists.en ?? [])]);
  return new Set([...functionWords, ...SLANG.split(/\s+/).filter(Boolean)]);
}

/** A function word of either language ("di", "yang", "the"): it says nothing about what is asked. */
export function isFunctionWord(token: string): boolean {
  words ??= load();
  return functionWords?.has(token) === true || FILLER_WORDS.has(token);
}

/** A word no one would mean as a place name on its own. */
export function isOrdinaryWord(token: string): boolean {
  words ??= load();
  return words.has(token) || isIntentWord(token) || SMALL_TALK_WORDS.has(token) || isLaughter(token);
}

/** An ordinary word within `max` edits of `text` (other than `text` itself): the typo may be of that word. */
export function nearOrdinaryWord(text: string, max: number): boolean {
  words ??= load();
  if (max <= 0) return false;
  for (const w of words) {
    if (w === text || Math.abs(w.length - text.length) > max || w.length < 4) continue;
    if (leven(w, text, { maxDistance: max + 1 }) <= max) return true;
  }
  return false;
}
