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
  sawah pantai bata restoran restaurant weather capital flight bener beneran tambang desa kaur kades lurah
  persen percent pelanggaran komnas running ranked districts`;

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

/** Edits up to which ordinary words are indexed by their deletions (longer reaches scan the list). */
const INDEXED_EDITS = 2;
let deletions: Map<string, string[]> | undefined;

/**
 * Every ordinary word under each string made by deleting up to INDEXED_EDITS of its letters
 * (the symmetric-delete idea): two words within d edits share such a string, so a lookup
 * checks a few dozen keys instead of computing the distance to two thousand words.
 */
function deletionIndex(): Map<string, string[]> {
  words ??= load();
  const index = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 4) continue;
    for (const variant of deletesOf(w, INDEXED_EDITS)) {
      const list = index.get(variant);
      if (list) list.push(w);
      else index.set(variant, [w]);
    }
  }
  return index;
}

/** The string itself and every string made by deleting up to `d` of its letters. */
function deletesOf(text: string, d: number): Set<string> {
  const out = new Set([text]);
  let frontier = [text];
  for (let step = 0; step < d; step++) {
    const next: string[] = [];
    for (const s of frontier) {
      for (let i = 0; i < s.length; i++) {
        const shorter = s.slice(0, i) + s.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** An ordinary word within `max` edits of `text` (other than `text` itself): the typo may be of that word. */
export function nearOrdinaryWord(text: string, max: number): boolean {
  words ??= load();
  if (max <= 0) return false;
  const close = (w: string) => w !== text && w.length >= 4 && leven(w, text, { maxDistance: max + 1 }) <= max;
  if (max > INDEXED_EDITS) {
    for (const w of words) if (Math.abs(w.length - text.length) <= max && close(w)) return true;
    return false;
  }
  deletions ??= deletionIndex();
  for (const variant of deletesOf(text, max)) {
    for (const w of deletions.get(variant) ?? []) if (close(w)) return true;
  }
  return false;
}

/**
 * Loads the word lists now, at start-up, rather than on the first message. Their deletion index
 * (~40 ms) is built on the first typo instead, so a one-shot `--ask` without one never pays it.
 */
export function prepareOrdinaryWords(): void {
  words ??= load();
}
