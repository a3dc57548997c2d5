/**
 * The words that carry a question's intent, in Indonesian (formal and chatty) and English.
 * Everything here is also a stop word for place matching: "menang" is never a region.
 */

/**
 * Words in front of a name that say which type of region is meant. A Map, not an object: user
 * words such as "constructor" must never find an inherited property.
 */
export const TYPE_WORDS = new Map<string, "kabupaten" | "kota">([
  ["kab", "kabupaten"],
  ["kabupaten", "kabupaten"],
  ["pemkab", "kabupaten"],
  ["regency", "kabupaten"],
  ["kota", "kota"],
  ["kot", "kota"],
  ["pemkot", "kota"],
  ["city", "kota"],
  ["kotamadya", "kota"],
  ["kodya", "kota"],
]);

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const TREND_WORDS = words(`
  tren trend trends trending perkembangan grafik grafiknya chart charts graph grafis riwayat sejarah history
  historis statistik statistic statistics progress progres`);

/** Words that ask for a list on their own ("daftar 2024", "winners"). */
export const LIST_WORDS = words(`
  daftar list lists pemenang pemenangnya winners winner penerima recipients nominasi`);

/**
 * Question words that ask for a list only together with a win word, a year or a province
 * ("siapa yang menang", "which regions ... 2024"); alone ("siapa presiden?") they ask nothing we know.
 */
export const ASK_WORDS = words(`
  siapa siapakah mana manakah which who whom what apa saja aja semua all regions regencies cities
  kabupaten kota kab daerah wilayah`);

/** Negations that turn a following win word around: "tidak menang", "did not win", "gak dapet". */
export const NEGATION_WORDS = words(`
  tidak tak gak ga g nggak ngga nga enggak engga kagak ndak belum blm bukan not didnt didn never no non without tanpa`);

/** Words that mean not winning on their own. */
export const FAIL_WORDS = words(`gagal kalah failed fail lost lose losers loser missed`);

export const WIN_WORDS = words(`
  menang menangkah memenangkan memenangi meraih raih diraih mendapat mendapatkan dapat dapet dpt terima
  menerima diterima juara lolos berhasil sukses penghargaan award awarded awards win wins won winning receive
  received get got predikat peduli ham kkpham kkp kpp status cek check hasil result results`);

export const HELP_WORDS = words(`
  halo hallo helo hai hei hey hi hello help bantuan bantu start mulai menu panduan cara pakai gunakan
  selamat pagi siang sore malam assalamualaikum assalamu alaikum salam permisi info informasi about tentang
  guide usage`);

/** Names of the two languages (a Map, like TYPE_WORDS). */
export const LANGUAGE_WORDS = new Map<string, "id" | "en">([
  ["english", "en"],
  ["inggris", "en"],
  ["en", "en"],
  ["eng", "en"],
  ["indonesia", "id"],
  ["indonesian", "id"],
  ["indo", "id"],
  ["id", "id"],
]);

export const LANGUAGE_SWITCH_WORDS = words(`
  bahasa language lang ganti ubah switch change pakai gunakan use please pls tolong dong speak reply balas jawab`);

/** Words that never name a place, in questions about the award. */
export const STOP_WORDS = words(`
  apakah apa apakh apkh ada adakah gimana gmn gmana bagaimana bagaimanakah berapa brp kapan dimana di ke dari
  dan atau serta dengan sama vs versus banding bandingkan dibandingkan compare compared comparison between
  yang yg itu ini tsb tersebut pada untuk utk buat oleh sudah udah udh sdh pernah prnh masih juga jg
  kah dong deh sih ya yah yaa nih tuh kan kok lah kak min admin bang mas mbak pak bu bro sis gan
  tahun thn th tahunnya taun year years yr in on of the a an and or did does do done is are was were be been
  has have had for to at by it its this that these those what whats how many much ever yet also please pls
  tell me show give about there here can could would will should may might any some got not
  provinsi prov province propinsi pemprov se seluruh wilayah daerah region regional
  kabupaten kota kab kot pemkab pemkot regency city kotamadya pemerintah government pemda
  hak asasi manusia human rights right friendly peduli ham kkpham kkp kpp penghargaan award awards predikat
  saja aja doang terbaru terakhir latest last recent sekarang now kemarin lalu tiap setiap per each every
  termasuk masuk jadi menjadi sebagai bisa boleh mau ingin pengen tau tahu lihat liat cari mohon tolong
  jawab dijawab jawaban tanya bertanya nanya pertanyaan
  sedang lagi baru lama sampai sampe hingga sejak selama saat ketika waktu karena karna krn seperti kayak
  setelah sebelum banyak sedikit hanya cuma cuman kalau kalo jika apabila maka tetapi tapi namun bahwa agar
  supaya bagi antara pertama kedua terus semoga mungkin memang benar betul atau
  pelayanan layanan publik berbasis kriteria penilaian dinilai nilai skor kemenkumham kementerian kemenham
  kanwil bupati walikota wali gubernur
  nya mu ku aku saya sy kami kita kamu anda you your i my we our they their he she dia mereka
  ok oke okay sip mantap terimakasih makasih thanks thank bot`);

/** Number words that begin some names ("Empat Lawang", "Lima Puluh Kota") but alone name nothing. */
export const NUMBER_WORDS = words(`satu dua tiga empat lima enam tujuh delapan sembilan sepuluh`);

const KNOWN_WORDS = new Set([
  ...TREND_WORDS,
  ...LIST_WORDS,
  ...ASK_WORDS,
  ...NEGATION_WORDS,
  ...FAIL_WORDS,
  ...WIN_WORDS,
  ...HELP_WORDS,
  ...LANGUAGE_SWITCH_WORDS,
  ...LANGUAGE_WORDS.keys(),
  ...STOP_WORDS,
  ...TYPE_WORDS.keys(),
]);

/** A word of the lexicon: it carries intent or nothing, and never names a place on its own. */
export function isIntentWord(token: string): boolean {
  return KNOWN_WORDS.has(token);
}
