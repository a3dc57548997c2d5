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
  tidak tdk tak gak gk ga g nggak ngga nga enggak engga kagak kaga ndak belum blm bukan not didnt didn never no non
  without tanpa`);

/** Words that mean not winning on their own. */
export const FAIL_WORDS = words(`gagal kalah failed fail lost lose losers loser missed`);

/** Words that name this award: "peduli", "ham", "kkpham", "penghargaan". */
export const AWARD_NAMES = words(`penghargaan award awards predikat peduli ham kkpham kkp kpp`);

/** Verbs of winning: with a question word they ask who won ("siapa yang menang"). */
export const WIN_VERBS = words(`
  menang menangkah memenangkan memenangi meraih raih diraih mendapat mendapatkan dapat dapet dpt terima
  menerima diterima juara lolos berhasil sukses awarded win wins won winning receive received get got`);

/** Words about the award: with a question word alone they ask what it is ("kkpham itu apa"). */
export const WIN_WORDS = words(`
  menang menangkah memenangkan memenangi meraih raih diraih mendapat mendapatkan dapat dapet dpt terima
  menerima diterima juara lolos berhasil sukses penghargaan award awarded awards win wins won winning receive
  received get got predikat peduli ham kkpham kkp kpp status cek check hasil result results`);

export const HELP_WORDS = words(`
  help bantuan bantu start mulai menu panduan cara pakai gunakan info informasi about tentang guide usage
  perintah command commands petunjuk`);

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
  bahasa language ganti ubah switch change pakai gunakan use please pls tolong dong speak reply balas jawab`);

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

const tag = <const V>(list: string, value: V) => list.split(" ").map((w) => [w, value] as const);

/**
 * Small talk, by what it says. A message made only of these words and FILLER_WORDS gets a
 * one-line reply, never "not a region". Laughter is matched by shape too (see isLaughter).
 */
export const SMALL_TALK_WORDS = new Map<string, "thanks" | "greeting" | "ack" | "laugh" | "bye">([
  ...tag(
    "terima kasih terimakasih makasih makasi mksh mks trims trimakasih tq thx thanks thank thankyou ty tengkyu nuhun suwun matur nuwun hatur",
    "thanks",
  ),
  ...tag(
    "halo hallo helo hai hei hey hi hello pagi siang sore malam selamat assalamualaikum assalamu alaikum salam permisi morning evening afternoon greetings hola punten",
    "greeting",
  ),
  ...tag(
    "ok oke okay okey okeh sip siap mantap mantul baik noted paham ngerti gitu begitu nice cool great good yoi yup yes iya ya yaudah sippp keren oh ohh owh",
    "ack",
  ),
  ...tag("wkwk wkwkwk wk haha hehe hihi lol xixi awokawok kwkw lmao", "laugh"),
  ...tag("bye dadah dah daa jumpa goodbye", "bye"),
]);

/** Words that may stand around small talk without making it a question ("makasih banyak ya min"). */
export const FILLER_WORDS = words(`
  min admin kak kakak bang gan bro sis mas mbak pak bu om ya yaa yah dong deh sih nih tuh banyak banget bgt
  sekali atas infonya informasinya jawabannya bantuannya bot nya for the very much so a lot you all semua
  sampai see kasih juga udah sudah kok lah aja saja`);

/** "wkwkwk", "hahaha", "hehehe": laughter of any length. */
export function isLaughter(token: string): boolean {
  return /^(?:w?k?(?:wk)+w?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+|a?wok(?:awok)*)$/.test(token) && token.length >= 2;
}

/** Words that ask about a region's record: how many times, first and last win, streaks. */
export const RECORD_WORDS = new Map<string, "count" | "first" | "last" | "streak">([
  ["kali", "count"],
  ["times", "count"],
  ["pertama", "first"],
  ["pertamakali", "first"],
  ["first", "first"],
  ["terakhir", "last"],
  ["last", "last"],
  ["latest", "last"],
  ["sejak", "first"],
  ["rekor", "count"],
  ["record", "count"],
  ["berturut", "streak"],
  ["berturutturut", "streak"],
  ["beruntun", "streak"],
  ["streak", "streak"],
  ["row", "streak"],
  ["consecutive", "streak"],
  ["consecutively", "streak"],
]);

/** Words about the ceremony: when, where, who handed the awards over, the theme. */
export const CEREMONY_WORDS = words(`
  upacara upacaranya ceremony ceremonies seremoni seremonial penyerahan diserahkan menyerahkan handed acara acaranya
  event peringatan tema theme venue tempat tempatnya lokasi lokasinya diumumkan pengumuman pengumumannya
  announced announcement announce diberikan menyerahkannya nyerahin ngasih presented presenting gave tanggal date`);

/** Words that name the ceremony itself: a place named with them is where it was ("upacara 2019 di bandung"). */
export const CEREMONY_NAMES = words(`upacara upacaranya ceremony ceremonies seremoni seremonial peringatan`);

/** Questions the bot cannot answer from its data: rankings over all regions ("yang paling sering menang"). */
export const UNSUPPORTED_WORDS = words(`terbanyak most paling ranking peringkat tertinggi highest terbaik best top`);

/** Other topics people ask about places: a question with one of these is not about the award. */
export const OTHER_TOPIC_WORDS = words(`
  pilkada pemilu pilpres pileg pilgub pemilihan election elections caleg vote votes suara sholat shalat solat
  cuaca weather banjir flood gempa earthquake`);

/** Other awards of regional governments: a question about one of them is not about this one. */
export const OTHER_AWARD_WORDS = words(`adipura wtp kla layak swasti saba nirwasita parasamya wahana nugraha`);

/** Words that leave a place out ("selain Palembang", "except Lahat"). */
export const EXCLUDE_WORDS = words(`selain kecuali except apart besides excluding`);

/** A list over several years at once ("menang setiap tahun", "won every year", "but not in"). */
export const COMPOUND_LIST_WORDS = words(`setiap tiap every both keduanya kedua tapi but`);

/** Counting words: "berapa", "how many", "jumlah". */
export const COUNT_WORDS = words(`berapa brp jumlah jumlahnya total many banyaknya`);

/** Taking part in the assessment: a national count of participants. */
export const PARTICIPANT_WORDS = words(`ikut peserta pesertanya participants participated took part`);

/** Words that widen a question to the whole country. */
export const NATIONAL_WORDS = words(`nasional national nationally nationwide indonesia seindonesia`);

/** Words about the provincial and leadership awards, and who in a province gets them. */
export const PROVINCIAL_WORDS = new Map<string, "any" | "governor" | "kanwil">([
  ["gubernur", "governor"],
  ["governor", "governor"],
  ["wagub", "governor"],
  ["pemprov", "governor"],
  ["pemerintah provinsi", "governor"],
  ["provincial government", "governor"],
  ["kanwil", "kanwil"],
  ["kakanwil", "kanwil"],
  ["kantor wilayah", "kanwil"],
  ["regional office", "kanwil"],
  ["pembina", "any"],
  ["pimpinan", "any"],
  ["leadership", "any"],
  ["provincial", "any"],
]);

/** Programme topics by the words that ask about them (phrases are matched on whole words). */
export const PROGRAMME_WORDS = new Map<
  string,
  "about" | "criteria" | "predikat" | "process" | "legal" | "ministry" | "no_round"
>([
  ["kriteria", "criteria"],
  ["kriterianya", "criteria"],
  ["criteria", "criteria"],
  ["indikator", "criteria"],
  ["indikatornya", "criteria"],
  ["indicator", "criteria"],
  ["indicators", "criteria"],
  ["syarat", "criteria"],
  ["syaratnya", "criteria"],
  ["persyaratan", "criteria"],
  ["requirements", "criteria"],
  ["dinilai", "criteria"],
  ["aspek", "criteria"],
  ["assessed", "criteria"],
  ["tingkatan", "predikat"],
  ["level", "predikat"],
  ["levels", "predikat"],
  ["grades", "predikat"],
  ["jenis predikat", "predikat"],
  ["predikat apa saja", "predikat"],
  ["apa saja predikat", "predikat"],
  ["macam predikat", "predikat"],
  ["predikatnya apa saja", "predikat"],
  ["tahapan", "process"],
  ["proses", "process"],
  ["process", "process"],
  ["jadwal", "process"],
  ["jadwalnya", "process"],
  ["schedule", "process"],
  ["timeline", "process"],
  ["alur", "process"],
  ["mekanisme", "process"],
  ["verifikasi", "process"],
  ["pengumpulan data", "process"],
  ["how does it work", "process"],
  ["dasar hukum", "legal"],
  ["dasar hukumnya", "legal"],
  ["regulasi", "legal"],
  ["peraturan", "legal"],
  ["permenkumham", "legal"],
  ["permen", "legal"],
  ["aturan", "legal"],
  ["aturannya", "legal"],
  ["legal", "legal"],
  ["regulation", "legal"],
  ["law", "legal"],
  ["kementerian", "ministry"],
  ["kemenkumham", "ministry"],
  ["kemenham", "ministry"],
  ["ministry", "ministry"],
  ["penyelenggara", "ministry"],
  ["penyelenggaranya", "ministry"],
  ["organiser", "ministry"],
  ["organizer", "ministry"],
  ["who runs", "ministry"],
  ["siapa yang menilai", "ministry"],
  ["siapa yang memberikan", "ministry"],
  ["siapa yang memberi", "ministry"],
  ["who gives", "ministry"],
  ["cukup peduli", "predikat"],
  ["mulai peduli", "predikat"],
  ["kurang peduli", "predikat"],
  ["minister", "ministry"],
  ["dimulai", "about"],
  ["rounds", "about"],
  ["pertama kali diberikan", "about"],
  ["bedanya", "predikat"],
  ["beda", "predikat"],
  ["perbedaan", "predikat"],
  ["difference", "predikat"],
  ["mean", "predikat"],
  ["nilai minimal", "predikat"],
  ["minimal", "predikat"],
  ["skor", "predikat"],
  ["score", "predikat"],
  ["threshold", "predikat"],
  ["sertifikat", "process"],
  ["sertifikatnya", "process"],
  ["certificate", "process"],
  ["certificates", "process"],
  ["cara daftar", "process"],
  ["mendaftar", "process"],
  ["pendaftaran", "process"],
  ["register", "process"],
  ["legal basis", "legal"],
  ["menteri", "ministry"],
  ["kepalanya", "ministry"],
  ["kepala kanwil", "ministry"],
  ["apa itu", "about"],
  ["apaan", "about"],
  ["what is", "about"],
  ["whats", "about"],
  ["pengertian", "about"],
  ["definisi", "about"],
  ["arti", "about"],
  ["artinya", "about"],
  ["maksudnya", "about"],
  ["tentang program", "about"],
  ["explain", "about"],
  ["jelaskan", "about"],
]);

/** Words that ask why something did not happen ("kenapa 2021 tidak ada?"). */
export const WHY_WORDS = words(`kenapa mengapa why knp napa alasan reason batal dibatalkan cancelled canceled`);

/** "tahun ini", "this year": the current year from the clock; "tahun lalu": the one before. */
export const RELATIVE_YEARS = new Map<string, 0 | -1>([
  ["tahun ini", 0],
  ["thn ini", 0],
  ["th ini", 0],
  ["taun ini", 0],
  ["this year", 0],
  ["tahun lalu", -1],
  ["thn lalu", -1],
  ["tahun kemarin", -1],
  ["last year", -1],
]);

/**
 * Shortened direction words after a base name ("OKU Sel", "Musi Rawas Ut", "Aceh Tng"): the
 * full words a longer official name may go on with. Which one is meant is decided against the
 * names (see PlaceIndex.continues).
 */
export const DIRECTION_SHORT = new Map<string, readonly string[]>([
  ...tag("sel sltn slt sltan sl", ["selatan"]),
  ...tag("tim tmr tmur tm", ["timur"]),
  ...tag("bar brt brat", ["barat"]),
  ...tag("ut utr utra", ["utara"]),
  ...tag("teng tgh tngh", ["tengah"]),
  ...tag("tng", ["tengah", "tenggara"]),
  ...tag("tgr tgra tenggr", ["tenggara"]),
  ...tag("bd bardya", ["barat daya"]),
]);

/** Questions about the bot itself: they get the help text. */
export const HELP_PHRASES = [
  "apa ini",
  "ini apa",
  "bot apa ini",
  "ini bot apa",
  "bisa apa",
  "kamu bisa apa",
  "kamu siapa",
  "siapa kamu",
  "what can you do",
  "what is this",
  "what are you",
  "who are you",
  "how does this work",
];

/** Full direction words that end official names ("Musi Rawas Utara", "Aceh Barat Daya"). */
export const DIRECTION_NAMES = ["utara", "selatan", "timur", "barat", "tengah", "tenggara", "barat daya"] as const;

/** English direction words, which come before the name ("North Musi Rawas"), and their Indonesian. */
export const ENGLISH_DIRECTIONS: ReadonlyMap<string, string> = new Map([
  ["north", "utara"],
  ["south", "selatan"],
  ["east", "timur"],
  ["west", "barat"],
  ["central", "tengah"],
]);

/** Whether a phrase of whole words ("apa itu") occurs in the tokens. */
export function hasPhrase(tokens: readonly string[], phrase: string): boolean {
  if (!phrase.includes(" ")) return tokens.includes(phrase);
  return spaced(tokens).includes(` ${phrase} `);
}

/** A message's tokens joined once (" a b c "), however many phrases are looked for in it. */
const joined = new WeakMap<readonly string[], string>();
function spaced(tokens: readonly string[]): string {
  let text = joined.get(tokens);
  if (text === undefined) {
    text = ` ${tokens.join(" ")} `;
    joined.set(tokens, text);
  }
  return text;
}

/** A message's tokens as a set, made once however many word lists are looked up in it. */
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
function wordSet(tokens: readonly string[]): ReadonlySet<string> {
  let set = sets.get(tokens);
  if (!set) {
    set = new Set(tokens);
    sets.set(tokens, set);
  }
  return set;
}

/** The value of the first key of `map` that occurs in the tokens as a whole-word phrase. */
export function phraseValue<V>(tokens: readonly string[], map: ReadonlyMap<string, V>): V | undefined {
  const words = wordSet(tokens);
  for (const [phrase, value] of map) {
    const first = phrase.indexOf(" ");
    // Most phrases are one word, and a longer one needs its first word among the tokens.
    if (!words.has(first < 0 ? phrase : phrase.slice(0, first))) continue;
    if (first < 0 || hasPhrase(tokens, phrase)) return value;
  }
  return undefined;
}

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
  ...[...SMALL_TALK_WORDS.keys()].filter((k) => !k.includes(" ")),
  ...FILLER_WORDS,
  ...[...RECORD_WORDS.keys()],
  ...CEREMONY_WORDS,
  ...NATIONAL_WORDS,
  ...[...PROVINCIAL_WORDS.keys()].flatMap((k) => k.split(" ")),
  ...[...PROGRAMME_WORDS.keys()].flatMap((k) => k.split(" ")),
  ...WHY_WORDS,
]);

/** A word of the lexicon: it carries intent or nothing, and never names a place on its own. */
export function isIntentWord(token: string): boolean {
  return KNOWN_WORDS.has(token);
}
