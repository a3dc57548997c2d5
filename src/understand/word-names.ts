/**
 * Region base names that are also ordinary words, so that a chat sentence can contain them
 * without meaning the place: "kepala batu" (stone), "nasib malang" (unlucky), "serang balik"
 * (attack), "dari Sabang sampai Merauke" (all of Indonesia). Place matching should not answer
 * with confidence on one of these alone; it needs a sign that a place is meant (a type word such
 * as "kab"/"kota", a year, a win word, or the name standing on its own as the whole question).
 *
 * Keys are folded like every lookup key (`fold`: lower case, ASCII, single spaces). Some match
 * only once words are joined, as place matching also tries ("kota baru" → Kotabaru,
 * "ke diri" → Kediri), so the joined base name is listed with the phrase in its comment.
 *
 * Included only when a typical Indonesian or English sentence uses the word in its ordinary
 * sense; names that merely sound like words (Agam, Solok, Demak, Tuban, Jember, ...) are not
 * listed. Also listed: words of Javanese or Minang that are everyday chat in those languages,
 * and a few names of something else that is mentioned far more often than the region
 * (Lake Toba, the Strait of Malacca, the mountain Puncak Jaya).
 */
export const WORD_NAMES: ReadonlySet<string> = new Set<string>([
  // Single words
  "solo", // alone (the alias of Kota Surakarta)
  "oi", // "hey!" (the alias of Ogan Ilir)
  "tuba", // a fish poison plant, and the instrument (the alias of Tulang Bawang)
  "kaur", // a village official ("kaur desa"), and Kabupaten Kaur
  "asahan", // whetstone, something sharpened ("batu asahan")
  "badung", // naughty, stubborn ("anak badung")
  "bangka", // decrepit ("tua bangka")
  "banjar", // row, line ("berbanjar"); also the Banjar people
  "batang", // stem, stick; counter for cigarettes ("sebatang", "3 batang")
  "batu", // stone
  "bima", // a common given name (the Mahabharata hero)
  "bone", // English: bone
  "bungo", // Minang: flower
  "buru", // hunt; "buru-buru" = in a hurry
  "karo", // Javanese: with ("aku karo kowe"); also the Karo people
  "ketapang", // the ketapang tree (Terminalia catappa)
  "kudus", // holy ("Roh Kudus")
  "kuningan", // brass
  "lahat", // grave niche ("liang lahat")
  "landak", // porcupine
  "lebak", // low-lying land, swamp field ("rawa lebak")
  "malaka", // the Strait of Malacca ("Selat Malaka"), the Malaysian state Melaka
  "malang", // unlucky ("nasib malang")
  "medan", // field, terrain ("medan perang", "medan magnet")
  "merauke", // "dari Sabang sampai Merauke" = all of Indonesia
  "metro", // metro, metropolitan ("Polda Metro", "Metro TV")
  "padang", // field ("padang rumput"); "nasi padang", "orang padang" = Minang food, people
  "palu", // hammer
  "pati", // starch, essence ("sari pati", "tepung pati")
  "pontianak", // a female ghost of Malay folklore
  "poso", // Javanese: fasting ("lagi poso")
  "puncak", // peak, summit; also the resort area near Bogor
  "sabang", // "dari Sabang sampai Merauke" = all of Indonesia
  "serang", // attack ("serang balik")
  "sorong", // push ("menyorong", "sorong-sorongan")
  "subang", // earring (Malay)
  "tegal", // dry field ("tegalan"); "warteg" is a warung Tegal
  "toba", // Lake Toba ("Danau Toba")
  // Phrases, and base names that a phrase matches once its words are joined
  "bau bau", // "bau-bau" = reduplicated "smell"
  "batu bara", // coal
  "bukittinggi", // "bukit tinggi" = a high hill
  "kediri", // "ke diri" = to oneself ("kembali ke diri sendiri")
  "kotabaru", // "kota baru" = a new town (many housing estates are called so)
  "lima puluh kota", // "lima puluh kota" = fifty towns ("ada lima puluh kota yang menang")
  "pekanbaru", // "pekan baru" = a new week
  "pesisir barat", // the west coast (of anywhere)
  "pesisir selatan", // the south coast (of anywhere)
  "puncak jaya", // Puncak Jaya, Indonesia's highest mountain
  "sungai penuh", // "sungai penuh" = a full river ("sungai penuh sampah")
  "tanah datar", // flat land
  "tebing tinggi", // a high cliff
]);
