/**
 * The words that carry a question's intent, in Indonesian (formal and chatty) and English.
 * Everything here is also a stop word for place matching: "menang" is never a region.
 */

/** Words in front of a name that say which type of region is meant. */
export const TYPE_WORDS: Record<string, "kabupaten" | "kota"> = {
  kab: "kabupaten",
  kabupaten: "kabupaten",
  pemkab: "kabupaten",
  regency: "kabupaten",
  kota: "kota",
  kot: "kota",
  pemkot: "kota",
  city: "kota",
  kotamadya: "kota",
};

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const TREND_WORDS = words(`
  tren trend trends trending perkembangan grafik grafiknya chart charts graph riwayat sejarah history historis
  statistik statistic statistics progress`);

export const LIST_WORDS = words(`
  siapa siapakah mana daftar list which who pemenang pemenangnya winners winner semua all saja aja apa
  kabupaten kota kab regions regencies cities`);

export const NEGATION_WORDS = words(`
  tidak tak gak ga nggak ngga enggak engga kagak belum blm gagal kalah not didnt didn t non losers lost fail failed`);

export const WIN_WORDS = words(`
  menang menangkah memenangkan meraih raih diraih mendapat mendapatkan dapat dapet dpt terima menerima diterima
  juara lolos berhasil sukses penghargaan award awarded awards win wins won winning receive received get got
  predikat peduli ham kkpham kkp kpp status`);

export const HELP_WORDS = words(`
  halo hallo helo hai hei hey hi hello help bantuan bantu tolong start mulai menu panduan cara pakai gunakan
  selamat pagi siang sore malam assalamualaikum salam permisi thanks makasih terima kasih info informasi about tentang`);

export const LANGUAGE_WORDS: Record<string, "id" | "en"> = {
  english: "en",
  inggris: "en",
  en: "en",
  eng: "en",
  indonesia: "id",
  indonesian: "id",
  indo: "id",
  id: "id",
};

export const LANGUAGE_SWITCH_WORDS = words(`
  bahasa language lang ganti ubah switch change pakai gunakan use please pls tolong dong speak reply balas jawab`);

/** Words that never name a place, in questions about the award. */
export const STOP_WORDS = words(`
  apakah apa apakh apkh ada adakah gimana bagaimana bagaimanakah berapa kapan dimana di ke dari dan atau serta
  dengan yang yg itu ini tsb tersebut pada untuk utk buat oleh sudah udah udh sdh pernah prnh masih juga jg
  kah dong deh sih ya yah yaa nih tuh kan kok lah kak min admin bang mas mbak pak bu bro sis gan
  tahun thn th tahunnya taun year years yr in on of the a an and or did does do is was were has have had
  for to at by it its this that what whats how many much ever yet also please pls tell me show about
  provinsi prov province propinsi pemprov se seluruh se-sumsel wilayah daerah region regional
  kabupaten kota kab kot pemkab pemkot regency city kotamadya pemerintah government
  hak asasi manusia human rights peduli ham kkpham kkp kpp penghargaan award awards predikat
  apa saja aja doang terbaru terakhir latest last recent sekarang now tahun-tahun
  nya mu ku aku saya kami kita kamu anda you i we they dia mereka
  ok oke okay sip mantap terimakasih makasih thanks thank`);

export function isIntentWord(token: string): boolean {
  return (
    TREND_WORDS.has(token) ||
    LIST_WORDS.has(token) ||
    NEGATION_WORDS.has(token) ||
    WIN_WORDS.has(token) ||
    HELP_WORDS.has(token) ||
    LANGUAGE_SWITCH_WORDS.has(token) ||
    token in LANGUAGE_WORDS ||
    STOP_WORDS.has(token) ||
    token in TYPE_WORDS
  );
}
