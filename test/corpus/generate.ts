/**
 * Writes test/corpus/generated.jsonl: an adversarial corpus of ways people name a place, built
 * from the gazetteer (data/regions.csv, data/provinces.csv), data/aliases.csv and the sourced
 * results (data/awards.csv) — never from the bot's replies. Seeded, so
 * `npx tsx test/corpus/generate.ts` rewrites the file byte for byte the same.
 * The line format and the scoring rules are documented in classes.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import type { Atom, CorpusClass, Expect, GeneratedLine } from "./classes.ts";
import { GENERATED_FILE } from "./classes.ts";

const SEED = 20261201;
const HOME = "16";

// ---------------------------------------------------------------- data

type Row = Record<string, string>;
const csv = (name: string): Row[] =>
  parse(readFileSync(new URL(`../../data/${name}.csv`, import.meta.url), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];

export interface Region {
  code: string;
  province: string;
  type: "kabupaten" | "kota";
  name: string;
  base: string;
  administrasi: boolean;
}
const TYPE_PREFIX = /^(kabupaten|kota)\s+(administrasi\s+)?/i;
export const regions: Region[] = csv("regions").map((r) => ({
  code: r.code ?? "",
  province: r.province_code ?? "",
  type: r.type === "kota" ? "kota" : "kabupaten",
  name: r.name ?? "",
  base: (r.name ?? "").replace(TYPE_PREFIX, ""),
  administrasi: /administrasi/i.test(r.name ?? ""),
}));
export const provinces = csv("provinces").map((p) => ({ code: p.code ?? "", name: p.name ?? "" }));
export const aliases = csv("aliases").map((a) => ({
  alias: a.alias ?? "",
  codes: (a.codes ?? "").split(/\s+/).filter(Boolean),
  ambiguous: a.ambiguous === "yes",
}));
const predikat = new Map(csv("awards").map((a) => [`${a.year} ${a.region_code}`, a.predikat ?? ""]));
const wonIn = (code: string, year: number): boolean | null => {
  const p = predikat.get(`${year} ${code}`);
  return p === undefined ? null : p === "peduli";
};
const HELD_YEARS = csv("rounds")
  .filter((r) => r.held === "yes")
  .map((r) => Number(r.year));

// ---------------------------------------------------------------- names and distances

export const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
export const squash = (s: string) => fold(s).replaceAll(" ", "");

/** Optimal string alignment distance: one insert, delete, substitute or adjacent swap = 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** Every name the data gives a place by: official and base names, aliases, provinces. */
export const NAMES: { form: string; codes: string[] }[] = [
  ...regions.flatMap((r) => [
    { form: squash(r.name), codes: [r.code] },
    { form: squash(r.base), codes: [r.code] },
  ]),
  ...aliases.map((a) => ({ form: squash(a.alias), codes: a.codes })),
  ...provinces.map((p) => ({ form: squash(p.name), codes: [p.code] })),
];

/** Base names that belong to more than one region (Bandung, Bogor, … and Banjar across provinces). */
const byBase = new Map<string, Region[]>();
for (const r of regions) byBase.set(fold(r.base), [...(byBase.get(fold(r.base)) ?? []), r]);
const provinceNames = new Set(provinces.map((p) => fold(p.name)));
const aliasForms = new Map(aliases.map((a) => [fold(a.alias), a]));
/** A base name that alone means exactly its region: not shared, not a province, not an alias of others. */
export const uniqueBase = (r: Region) => {
  const f = fold(r.base);
  const alias = aliasForms.get(f);
  return byBase.get(f)?.length === 1 && !provinceNames.has(f) && (!alias || alias.codes.join() === r.code);
};
export const sharedBases = [...byBase.entries()].filter(([, rs]) => rs.length > 1).map(([, rs]) => rs);

/** The code of the region with this official name (a typo in a hand list fails loudly). */
const code = (name: string) => {
  const r = regions.find((x) => x.name === name);
  if (!r) throw new Error(`no region ${name}`);
  return r.code;
};

/** The ways of writing a region's type in front of its base name ("" only where the base name alone means it). */
export function prefixes(r: Region): string[] {
  const own =
    r.type === "kabupaten"
      ? ["Kabupaten ", "Kab. ", "Kab ", "Pemkab ", "Kab.", "KABUPATEN "]
      : ["Kota ", "Pemkot ", "KOTA ", "Kota "];
  if (r.administrasi) own.push(r.type === "kota" ? "Kota Administrasi " : "Kabupaten Administrasi ");
  // Without a type word only a base name that means one region names it.
  if (uniqueBase(r)) own.push("");
  return own;
}

/**
 * Ordinary words (the templates' own and common chat words): a typo or a made-up name that
 * lands on one of these is not a test of place names.
 */
const ORDINARY = new Set(
  `apakah apa menang meraih penghargaan peduli ham tahun gimana hasil cek dong kak gan min dapet gak ga status
  did win the human rights award in result region friendly is a has get of and dan sama atau vs compare
  siapa saja yang daftar pemenang tidak who won list winners which regions didn not tren trend grafik chart
  perkembangan riwayat history kabupaten kota kab pemkab pemkot regency city provinsi province sumatera
  selatan utara timur barat tengah jawa papua maluku kalimantan sulawesi nusa tenggara laut pulau kepulauan
  makan rumah nasi enak batu bata rumput nasib orang jalan besar kecil baru lama sungai danau gunung bukit
  tanah air kali muara lubuk pagar alam empat lima tiga dua satu raja jaya indah sari mulia baik banyak
  sekali tolong terima kasih makasih mantap siap halo selamat pagi siang malam thanks thank good morning
  hello hi ok oke okay sip bagus keren lucu wkwk haha hehe`
    .split(/\s+/)
    .filter(Boolean),
);

/** The form is at distance ≥ 2 from every name of a place other than `own` (and is no ordinary word). */
export const clearOfOthers = (form: string, own: string[]) =>
  !ORDINARY.has(form) && NAMES.every((n) => n.codes.some((c) => own.includes(c)) || editDistance(form, n.form) >= 2);

// ---------------------------------------------------------------- seeded random

let state = SEED >>> 0;
/** mulberry32: small, fast, and the same sequence on every machine. */
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => {
  if (items.length === 0) throw new Error("pick from nothing");
  return items[int(items.length)] as T;
};
const chance = (p: number) => random() < p;
const sample = <T>(items: readonly T[], n: number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
};

// ---------------------------------------------------------------- sentences

const ID_YEAR = [
  "Apakah {X} meraih penghargaan Peduli HAM {Y}?",
  "{X} menang ga {Y}",
  "{X} {Y}",
  "gimana hasil {X} tahun {Y}",
  "min {X} dapet penghargaan ham gak {Y}",
  "Apakah {X} menang KKPHAM {Y}?",
  "cek {X} {Y} dong kak",
];
const ID_PLAIN = [
  "Apakah {X} meraih penghargaan Peduli HAM?",
  "{X} menang gak",
  "{X} dapet penghargaan peduli HAM gak?",
  "cek status {X} dong",
  "{X}",
  "kak {X} menang ga",
];
const EN_YEAR = ["Did {X} win in {Y}?", "Did {X} get the human rights award in {Y}?", "{X} {Y} result"];
const EN_PLAIN = ["Did {X} win?", "Is {X} a human rights friendly region?", "{X} award status"];

/** Chat style: lower case, no punctuation, "thn", "gak", a "gan/min/kak" at the end. */
function chat(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/[?!,]/g, "")
    .replace(/\.(?=\S)/g, " ")
    .replace(/\./g, "");
  s = s.replace(/\btahun\b/g, () => pick(["thn", "th", "taun", "tahun"]));
  s = s.replace(/\bga\b|\bgak\b/g, () => pick(["ga", "gak", "nggak", "gk"]));
  const tail = /\b(gan|min|kak)$/.test(s) ? "" : pick(["", " gan", " min", " kak"]);
  return `${s}${tail}`.trim();
}

const yearOf = () => pick(HELD_YEARS);

/** The name in a random status question (the name's own spelling is kept unless chat style lowers it). */
function statusQuestion(name: string, lang: "id" | "en", withYear = chance(0.6)): string {
  const templates = lang === "id" ? (withYear ? ID_YEAR : ID_PLAIN) : withYear ? EN_YEAR : EN_PLAIN;
  const text = pick(templates).replace("{X}", name).replace("{Y}", String(yearOf()));
  return lang === "id" && chance(0.4) ? chat(text) : text;
}

const lang = (): "id" | "en" => (chance(0.75) ? "id" : "en");
export const status = (codes: string[]): Atom => ({ kind: "status", regions: codes });
/**
 * Asks which region is meant, offering at least these. More is fine ("Bandung" may also offer
 * Bandung Barat): asking states nothing, and data/aliases.csv lists the pairs, not every choice.
 */
export const choose = (codes: string[]): Atom => ({ kind: "choose", includes: codes });
/** Resolved to the region, or asked about with it among the candidates — never another region. */
export const resolvesOrAsks = (code: string): Expect => ({
  oneOf: [
    status([code]),
    { kind: "confirm", includes: [code] },
    { kind: "choose", includes: [code] },
    { kind: "not_recognised", includes: [code] },
  ],
});

/** The whole corpus, from the same seed every time. */
export function generate(): GeneratedLine[] {
  state = SEED >>> 0;
  const lines: GeneratedLine[] = [];
  const add = (cls: CorpusClass, q: string, l: "id" | "en", expect: Expect, named?: string[]) => {
    lines.push({ q, lang: l, class: cls, expect, ...(named ? { named } : {}) });
  };

  const sumsel = regions.filter((r) => r.province === HOME);
  const others = regions.filter((r) => r.province !== HOME);

  // ---------------------------------------------------------------- official

  /** Random case of a name: as written, lower, upper or each word capitalised. */
  const recase = (s: string) =>
    pick([s, s.toLowerCase(), s.toUpperCase(), s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase())]);
  /** Random spacing: doubled spaces between words now and then. */
  const respace = (s: string) => s.replace(/ /g, () => (chance(0.15) ? "  " : " "));

  function officialName(r: Region): string {
    const prefix = pick(prefixes(r));
    return respace(`${prefix}${recase(r.base)}`);
  }

  for (const r of sumsel) {
    for (let i = 0; i < 3; i++) {
      const l = lang();
      add("official", statusQuestion(officialName(r), l), l, status([r.code]));
    }
  }
  for (const p of provinces.filter((p) => p.code !== HOME)) {
    for (const r of sample(
      others.filter((o) => o.province === p.code),
      2,
    )) {
      const l = lang();
      add("official", statusQuestion(officialName(r), l), l, status([r.code]));
    }
  }

  // ---------------------------------------------------------------- base

  for (const r of [...sumsel, ...sumsel, ...sample(others.filter(uniqueBase), 60)]) {
    if (!uniqueBase(r)) continue;
    const l = lang();
    add("base", statusQuestion(chance(0.5) ? r.base : r.base.toLowerCase(), l), l, status([r.code]));
  }
  for (const pair of sharedBases) {
    const name = pair[0]?.base ?? "";
    const l = lang();
    add("base", statusQuestion(chance(0.5) ? name : name.toLowerCase(), l), l, choose(pair.map((r) => r.code)));
    const one = pick(pair);
    const typeWord =
      one.type === "kota" ? pick(["Kota ", "kota ", "Pemkot "]) : pick(["Kabupaten ", "kab ", "Kab. ", "Pemkab "]);
    add("base", statusQuestion(`${typeWord}${name}`, "id"), "id", status([one.code]));
  }

  // ---------------------------------------------------------------- english_type

  const englishType = (r: Region) =>
    r.type === "kota"
      ? pick([`${r.base} City`, `City of ${r.base}`, `the city of ${r.base}`, `${r.base} city`])
      : pick([`${r.base} Regency`, `Regency of ${r.base}`, `${r.base} regency`, `the regency of ${r.base}`]);
  for (const pair of sharedBases) {
    for (const r of pair) add("english_type", statusQuestion(englishType(r), "en"), "en", status([r.code]));
  }
  for (const r of sumsel) add("english_type", statusQuestion(englishType(r), "en"), "en", status([r.code]));

  // ---------------------------------------------------------------- alias

  const ID_LIST = [
    "daftar pemenang {P} {Y}",
    "daftar pemenang {Y} {P}",
    "siapa saja yang menang di {P} tahun {Y}",
    "pemenang kkpham {P} {Y}",
  ];
  const EN_LIST = ["who won in {P} in {Y}", "list of winners {P} {Y}", "which regions in {P} won in {Y}"];
  const listAbout = (place: string, year: number, l: "id" | "en", negative = false): string => {
    const templates = negative
      ? l === "id"
        ? ["yang tidak menang di {P} {Y}", "siapa yang gak menang {Y} di {P}", "daftar yang tidak menang {P} tahun {Y}"]
        : ["who did not win in {P} in {Y}", "which regions in {P} didn't win in {Y}"]
      : l === "id"
        ? ID_LIST
        : EN_LIST;
    const text = pick(templates).replace("{P}", place).replace("{Y}", String(year));
    return l === "id" && chance(0.3) ? chat(text) : text.replace(/\s+/g, " ").trim();
  };

  for (const a of aliases) {
    const l = lang();
    const spelled = chance(0.3) ? a.alias.toLowerCase() : a.alias;
    if (!(a.codes[0] ?? "").includes(".")) {
      const year = pick([2022, 2023, 2024]);
      add("alias", listAbout(spelled, year, l), l, {
        kind: "list",
        intent: "winners",
        province: a.codes[0] ?? "",
        year,
      });
    } else if (a.ambiguous || a.codes.length > 1) add("alias", statusQuestion(spelled, l), l, choose(a.codes));
    else add("alias", statusQuestion(spelled, l), l, status(a.codes));
  }
  for (const a of aliases.filter((x) => x.codes.length === 1 && x.codes[0]?.startsWith(`${HOME}.`)))
    add("alias", chat(statusQuestion(a.alias.toLowerCase(), "id")), "id", status(a.codes));

  // ---------------------------------------------------------------- typo

  const LETTERS = "abcdefghijklmnopqrstuvwxyz";
  /** One random edit of a letter of a folded name (spaces and digits are never touched). */
  function oneEdit(name: string): string {
    const s = fold(name);
    const at = () => {
      let i = int(s.length);
      while (!/[a-z]/.test(s[i] ?? "")) i = int(s.length);
      return i;
    };
    switch (int(4)) {
      case 0: {
        const i = at();
        return s.slice(0, i) + pick([...LETTERS]) + s.slice(i);
      }
      case 1: {
        const i = at();
        return s.slice(0, i) + s.slice(i + 1);
      }
      case 2: {
        const i = at();
        return s.slice(0, i) + pick([...LETTERS].filter((c) => c !== s[i])) + s.slice(i + 1);
      }
      default: {
        const i = int(s.length - 1);
        const a = s[i];
        const b = s[i + 1];
        if (a === undefined || b === undefined || a === b || !/^[a-z]{2}$/.test(a + b)) return s;
        return s.slice(0, i) + b + a + s.slice(i + 2);
      }
    }
  }

  /** A one-edit typo of `name` that is, by construction, at distance ≥ 2 from every other place's name. */
  function typoOf(name: string, code: string, tries = 12): string | null {
    for (let i = 0; i < tries; i++) {
      const typo = oneEdit(name);
      if (typo === fold(name) || squash(typo) === squash(name)) continue;
      if (/\s{2,}|^\s|\s$/.test(typo)) continue;
      if (clearOfOthers(squash(typo), [code])) return typo;
    }
    return null;
  }

  /** Names of one region with ≥ 6 letters: its base name (when it alone means it) and its own aliases. */
  const typoNames = (r: Region) => [
    ...(uniqueBase(r) ? [r.base] : []),
    ...aliases.filter((a) => a.codes.length === 1 && a.codes[0] === r.code).map((a) => a.alias),
  ];
  const typoPool: { name: string; code: string }[] = [
    ...sumsel.flatMap((r) => typoNames(r).map((name) => ({ name, code: r.code }))),
    ...sumsel.flatMap((r) => typoNames(r).map((name) => ({ name, code: r.code }))),
    ...sample(
      others.flatMap((r) => typoNames(r).map((name) => ({ name, code: r.code }))),
      110,
    ),
  ].filter(({ name }) => squash(name).length >= 6);
  for (const { name, code } of typoPool) {
    const typo = typoOf(name, code);
    if (typo === null) continue;
    const l = lang();
    const spelled = chance(0.5) ? typo : typo.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    add("typo", statusQuestion(spelled, l), l, resolvesOrAsks(code));
  }

  // ---------------------------------------------------------------- direction_short

  const SHORT: Record<string, string[]> = {
    Selatan: ["Sel", "Sltn", "Sel.", "Slt"],
    Timur: ["Tim", "Tmr", "Tim."],
    Utara: ["Ut", "Utr", "Ut."],
    Barat: ["Bar", "Brt", "Bar."],
    Tengah: ["Teng", "Tgh", "Tng"],
  };
  const DIRECTION = /^(.*) (Selatan|Timur|Utara|Barat|Tengah)$/;
  for (const r of regions) {
    const m = DIRECTION.exec(r.base);
    if (!m || byBase.get(fold(r.base))?.length !== 1) continue;
    const stem = m[1] ?? "";
    const direction = m[2] ?? "";
    // The stem as written, and the aliases of the region the stem names (OKU, Mura, Bolmong).
    const stemRegion = regions.find((s) => fold(s.base) === fold(stem));
    const stems = [
      stem,
      ...aliases
        .filter((a) => stemRegion && a.codes.length === 1 && a.codes[0] === stemRegion.code && !a.alias.includes(" "))
        .map((a) => a.alias),
    ];
    const times = r.province === HOME ? 4 : 1;
    for (let i = 0; i < times; i++) {
      const form = `${pick(stems)} ${pick(SHORT[direction] ?? [])}`;
      if (NAMES.some((n) => n.form === squash(form) && !n.codes.includes(r.code))) continue;
      const l = lang();
      add("direction_short", statusQuestion(form, l), l, {
        oneOf: [status([r.code]), { kind: "confirm", candidates: [r.code] }],
      });
    }
  }

  // The forms the issue names, always present.
  const named: [string, string][] = [
    ["OKU Sel", "16.09"],
    ["OKU Tim", "16.08"],
    ["OKU Sltn", "16.09"],
    ["Musi Rawas Ut", "16.13"],
    ["Bolmong Sel", code("Kabupaten Bolaang Mongondow Selatan")],
  ];
  for (const [form, c] of named) {
    for (const l of ["id", "en"] as const) {
      add("direction_short", statusQuestion(form, l), l, {
        oneOf: [status([c]), { kind: "confirm", candidates: [c] }],
      });
    }
  }

  // ---------------------------------------------------------------- other_province

  /** Names of Sumsel places, squashed, for finding look-alikes elsewhere. */
  const sumselForms = NAMES.filter((n) => n.codes.every((c) => c === HOME || c.startsWith(`${HOME}.`))).map(
    (n) => n.form,
  );
  const lookAlikes: { name: string; code: string; like: string }[] = [];
  for (const r of others) {
    for (const name of typoNames(r)) {
      const form = squash(name);
      const limit = form.length <= 5 ? 2 : 3;
      const like = sumselForms.find((s) => s !== form && editDistance(form, s) <= limit);
      if (like) lookAlikes.push({ name, code: r.code, like });
    }
  }
  if (process.env.DEBUG) console.error(lookAlikes.map((x) => `${x.name}~${x.like}`).join(" "));
  for (const { name, code } of lookAlikes) {
    for (let i = 0; i < 3; i++) {
      const l = lang();
      add("other_province", statusQuestion(chance(0.5) ? name : name.toLowerCase(), l), l, status([code]));
    }
  }

  // ---------------------------------------------------------------- unknown_short

  const CONSONANTS = "bcdfghjklmnpqrstvwxz";
  let made = 0;
  while (made < 60) {
    const length = 3 + int(3);
    const word = Array.from({ length }, () => pick([...CONSONANTS])).join("");
    if (!clearOfOthers(word, [])) continue;
    const named =
      made % 3 === 0 ? `${pick(["Kab. ", "Kota ", "Kabupaten "])}${word[0]?.toUpperCase()}${word.slice(1)}` : word;
    const l = lang();
    add("unknown_short", statusQuestion(chance(0.5) ? named : named.toUpperCase(), l), l, { notStated: true });
    made++;
  }

  // ---------------------------------------------------------------- word_names

  /** Region names used as ordinary words: no place is asked about. */
  const ORDINARY_USES: [string, "id" | "en"][] = [
    ["batu bata harganya berapa", "id"],
    ["di sungai banyak batu", "id"],
    ["padang rumput luas sekali", "id"],
    ["malang nasibnya", "id"],
    ["dia orang yang malang", "id"],
    ["malang melintang di dunia kerja", "id"],
    ["rumah makan padang enak", "id"],
    ["nasi padang enak gan", "id"],
    ["buru buru banget kak", "id"],
    ["jangan buru buru", "id"],
    ["dari buaian sampai liang lahat", "id"],
    ["medan perang", "id"],
    ["palu godam", "id"],
    ["pinjam palu dong", "id"],
    ["roh kudus", "id"],
    ["naik kereta metro", "id"],
    ["serang balik gan", "id"],
    ["jangan serang aku", "id"],
    ["bima sakti indah malam ini", "id"],
    ["lontong kupang enak", "id"],
    ["tepung pati singkong", "id"],
    ["karier solo", "id"],
    ["tanah datar semua di sini", "id"],
    ["kota baru itu ramai", "id"],
    ["I broke a bone", "en"],
    ["going solo this weekend", "en"],
    ["the metro is late", "en"],
    ["a padang of grass", "en"],
  ];
  for (const [q, l] of ORDINARY_USES) {
    add("word_names", q, l, { notStated: true });
    add("word_names", q.toUpperCase()[0] + q.slice(1), l, { notStated: true });
  }

  /** The same words naming the place, in a question about the award. */
  const PLACE_USES: [string, "id" | "en", Expect][] = [
    ["Kota Batu 2023", "id", status([code("Kota Batu")])],
    ["apakah kota batu menang 2024", "id", status([code("Kota Batu")])],
    ["Padang menang 2024?", "id", status([code("Kota Padang")])],
    ["kota padang dapet penghargaan ham gak", "id", status([code("Kota Padang")])],
    ["Malang menang 2023?", "id", choose([code("Kabupaten Malang"), code("Kota Malang")])],
    ["Kota Malang menang ga", "id", status([code("Kota Malang")])],
    ["kab buru 2023", "id", status([code("Kabupaten Buru")])],
    ["Lahat menang 2024?", "id", status([code("Kabupaten Lahat")])],
    ["Medan menang 2023?", "id", status([code("Kota Medan")])],
    ["Palu 2022", "id", status([code("Kota Palu")])],
    ["Kudus menang ga 2023", "id", status([code("Kabupaten Kudus")])],
    ["kota metro menang gak", "id", status([code("Kota Metro")])],
    ["Serang menang 2023?", "id", choose([code("Kabupaten Serang"), code("Kota Serang")])],
    ["Bima 2024", "id", choose([code("Kabupaten Bima"), code("Kota Bima")])],
    ["Kota Kupang menang 2023?", "id", status([code("Kota Kupang")])],
    ["Pati menang 2022?", "id", status([code("Kabupaten Pati")])],
    ["Solo menang 2023?", "id", status(["33.72"])],
    ["Tanah Datar menang 2023?", "id", status([code("Kabupaten Tanah Datar")])],
    ["Kotabaru 2023", "id", status([code("Kabupaten Kotabaru")])],
    ["Did Bone Regency win in 2024?", "en", status([code("Kabupaten Bone")])],
    ["Did Solo win in 2023?", "en", status(["33.72"])],
    ["Did Batu City win in 2023?", "en", status([code("Kota Batu")])],
    ["Did Padang win in 2022?", "en", status([code("Kota Padang")])],
    ["Did Medan get the award?", "en", status([code("Kota Medan")])],
    ["Did the city of Metro win?", "en", status([code("Kota Metro")])],
  ];
  for (const [q, l, expect] of PLACE_USES) {
    add("word_names", q, l, expect);
    add("word_names", chat(q), l, expect);
  }

  // ---------------------------------------------------------------- smalltalk

  const THANKS = [
    "terima kasih",
    "makasih min",
    "makasih ya kak",
    "terimakasih banyak",
    "wkwk",
    "wkwkwk",
    "haha",
    "ok siap",
    "oke",
    "sip",
    "mantap",
    "mantap gan",
    "siap kak",
    "thanks",
    "thank you!",
    "thx",
    "ok",
    "noted",
    "mantul",
    "keren",
  ];
  const GREETINGS = [
    "halo",
    "hai min",
    "selamat pagi",
    "selamat malam kak",
    "good morning",
    "hello",
    "hi",
    "assalamualaikum",
  ];
  const ENGLISH_THANKS = new Set(["thanks", "thank you!", "thx", "ok", "noted"]);
  for (const q of THANKS) {
    const l = ENGLISH_THANKS.has(q) ? "en" : "id";
    add("smalltalk", q, l, { kind: "smalltalk" });
    add("smalltalk", `${q.toUpperCase()}!!`, l, { kind: "smalltalk" });
  }
  for (const q of GREETINGS) {
    const l = /good|hello|hi$/.test(q) ? "en" : "id";
    add("smalltalk", q, l, { oneOf: [{ kind: "smalltalk" }, { kind: "help" }] });
    add("smalltalk", `${q[0]?.toUpperCase()}${q.slice(1)}!`, l, { oneOf: [{ kind: "smalltalk" }, { kind: "help" }] });
  }

  // ---------------------------------------------------------------- out_of_scope

  const OUT_OF_SCOPE: [string, "id" | "en", string[]?][] = [
    ["siapa presiden indonesia", "id"],
    ["cuaca besok palembang?", "id", [code("Kota Palembang")]],
    ["harga cabai hari ini", "id"],
    ["berapa umur kamu", "id"],
    ["jam berapa sekarang", "id"],
    ["resep rendang dong", "id"],
    ["jadwal kereta ke lahat", "id", [code("Kabupaten Lahat")]],
    ["berapa jumlah penduduk OKU", "id", ["16.01"]],
    ["siapa bupati OKU sekarang", "id", ["16.01"]],
    ["kapan pemilu berikutnya", "id"],
    ["bitcoin naik ga", "id"],
    ["skor bola tadi malam", "id"],
    ["rekomendasi hp murah", "id"],
    ["kamu bot apa manusia", "id"],
    ["hotel murah di palembang", "id", [code("Kota Palembang")]],
    ["berapa jarak palembang ke lahat", "id", [code("Kota Palembang"), code("Kabupaten Lahat")]],
    ["lowongan kerja pagar alam", "id", [code("Kota Pagar Alam")]],
    ["what is the capital of indonesia", "en"],
    ["who is the president", "en"],
    ["how old are you", "en"],
    ["what's the weather in jakarta", "en", aliases.find((a) => a.alias === "Jakarta")?.codes ?? []],
    ["tell me a joke", "en"],
    ["best restaurant in bandung", "en", [code("Kabupaten Bandung"), code("Kota Bandung")]],
    ["how much is a flight to medan", "en", [code("Kota Medan")]],
    ["translate selamat pagi", "en"],
    ["harga emas hari ini", "id"],
    ["kapan libur lebaran", "id"],
    ["cara daftar cpns", "id"],
    ["film bagus apa ya", "id"],
    ["nomor telepon polisi", "id"],
    ["siapa gubernur sumsel sekarang", "id"],
    ["what time is it", "en"],
    ["can you sing a song", "en"],
  ];
  for (const [q, l, named] of OUT_OF_SCOPE) {
    add("out_of_scope", q, l, { kind: "not_understood" }, named);
    const chatty = chat(q);
    const variant = l === "en" ? `${q[0]?.toUpperCase()}${q.slice(1)}?` : chatty === q ? `${q} kak` : chatty;
    add("out_of_scope", variant, l, { kind: "not_understood" }, named);
  }

  // ---------------------------------------------------------------- list

  const LIST_YEARS = [2016, 2017, 2019, 2020, 2022, 2023, 2024];
  for (let i = 0; i < 90; i++) {
    const l = lang();
    const negative = chance(0.35);
    const year = pick(LIST_YEARS);
    const where = chance(0.3) ? null : pick([...provinces, ...provinces.filter((p) => p.code === HOME)]);
    let q: string;
    if (where === null) {
      const templates = negative
        ? l === "id"
          ? ["yang tidak menang {Y}", "siapa yang gak menang {Y}", "daftar yang tidak menang tahun {Y}"]
          : ["who did not win in {Y}", "which regions didn't win in {Y}"]
        : l === "id"
          ? ["siapa saja yang menang {Y}", "daftar pemenang {Y}", "pemenang kkpham tahun {Y}"]
          : ["who won in {Y}", "list of winners {Y}"];
      q = pick(templates).replace("{Y}", String(year));
      if (l === "id" && chance(0.3)) q = chat(q);
    } else {
      const alias = aliases.find((a) => a.codes.join() === where.code && !/\s/.test(a.alias));
      const place = alias && chance(0.4) ? alias.alias : chance(0.5) ? where.name : where.name.toLowerCase();
      q = listAbout(place, year, l, negative);
    }
    add("list", q, l, {
      kind: "list",
      intent: negative ? "non_winners" : "winners",
      province: where?.code ?? HOME,
      year,
    });
  }

  // ---------------------------------------------------------------- trend

  const ID_TREND = ["tren {S}", "grafik {S}", "perkembangan {S} dari tahun ke tahun", "riwayat {S}", "tren kkpham {S}"];
  const EN_TREND = ["trend for {S}", "chart {S}", "history of {S}"];
  add("trend", "tren", "id", { kind: "trend", scope: HOME });
  add("trend", "grafik", "id", { kind: "trend", scope: HOME });
  add("trend", "trend", "en", { kind: "trend", scope: HOME });
  add("trend", "tren kkpham", "id", { kind: "trend", scope: HOME });
  for (let i = 0; i < 60; i++) {
    const l = lang();
    const template = pick(l === "id" ? ID_TREND : EN_TREND);
    let scope: string;
    let name: string;
    if (chance(0.4)) {
      const p = pick(provinces);
      scope = p.code;
      name = chance(0.5) ? p.name : p.name.toLowerCase();
    } else {
      const r = chance(0.6) ? pick(sumsel) : pick(others.filter(uniqueBase));
      scope = r.code;
      const own = aliases.find((a) => a.codes.length === 1 && a.codes[0] === r.code);
      name = own && chance(0.5) ? own.alias : uniqueBase(r) ? r.base : r.name;
    }
    add("trend", template.replace("{S}", name), l, { kind: "trend", scope });
  }
  // Shared names: with a type word the trend of that one; without, the bot must ask.
  // (Gorontalo is also a province, and "tren gorontalo" may well mean the province: left out.)
  const sharedNotProvince = sharedBases.filter((pair) => !provinceNames.has(fold(pair[0]?.base ?? "")));
  for (const pair of sample(sharedNotProvince, 12)) {
    const one = pick(pair);
    const typed = one.type === "kota" ? `kota ${one.base}` : `kabupaten ${one.base}`;
    add("trend", pick(ID_TREND).replace("{S}", typed), "id", { kind: "trend", scope: one.code });
    add("trend", pick(ID_TREND).replace("{S}", one.base.toLowerCase()), "id", choose(pair.map((r) => r.code)));
  }

  // ---------------------------------------------------------------- year_forms

  const YEAR_FORMS: ((y: number) => string)[] = [
    (y) => `${y}`,
    (y) => `thn ${y % 100}`,
    (y) => `'${y % 100}`,
    (y) => `tahun ${y}`,
    (y) => `th ${y % 100}`,
    (y) => `taun ${y}`,
  ];
  for (const r of sumsel) {
    const names = [r.base, ...aliases.filter((a) => a.codes.length === 1 && a.codes[0] === r.code).map((a) => a.alias)];
    for (const form of YEAR_FORMS) {
      const year = pick([2022, 2023, 2024]);
      const name = pick(names);
      const q = chance(0.5) ? `${name} ${form(year)}` : `${name.toLowerCase()} menang ga ${form(year)}`;
      add("year_forms", q, "id", { kind: "status", regions: [r.code], year, won: { [r.code]: wonIn(r.code, year) } });
    }
  }

  // ---------------------------------------------------------------- multi

  /** A name that alone means exactly one region: a unique base name or the region's own alias. */
  const soleName = (r: Region) => {
    const own = aliases.filter((a) => a.codes.length === 1 && a.codes[0] === r.code).map((a) => a.alias);
    return [...(uniqueBase(r) ? [r.base] : []), ...own];
  };
  const JOIN_ID = [(n: string[]) => n.join(" dan "), (n: string[]) => n.join(", "), (n: string[]) => n.join(" sama ")];
  const JOIN_EN = [(n: string[]) => n.join(" and "), (n: string[]) => n.join(", ")];
  for (let i = 0; i < 70; i++) {
    const pool = chance(0.7) ? sumsel : others;
    const chosen = sample(
      pool.filter((r) => soleName(r).length > 0),
      chance(0.3) ? 3 : 2,
    );
    const names = chosen.map((r) => pick(soleName(r)));
    const l = lang();
    const listed = pick(l === "id" ? JOIN_ID : JOIN_EN)(names);
    add("multi", statusQuestion(listed, l), l, status(chosen.map((r) => r.code)));
  }
  // A type word between two names belongs to one of them only (seen stating Kabupaten Serang).
  add("multi", "Did Pasuruan regency, Serang City win in 2013?", "en", status(["35.14", "36.73"]));
  add("multi", "Did Serang City and Pasuruan Regency win in 2023?", "en", status(["36.73", "35.14"]));
  add("multi", "Kota Serang dan Kabupaten Pasuruan menang ga 2023", "id", status(["36.73", "35.14"]));
  // Both sides of shared names, each with its type word: "Kota Bandung dan Kabupaten Bogor".
  for (let i = 0; i < 24; i++) {
    const chosen = sample(sharedBases, 2).map((pair) => pick(pair));
    const l = lang();
    const names = chosen.map((r) =>
      l === "en"
        ? englishType(r)
        : `${r.type === "kota" ? pick(["Kota ", "kota "]) : pick(["Kabupaten ", "kab "])}${r.base}`,
    );
    add("multi", statusQuestion(pick(l === "id" ? JOIN_ID : JOIN_EN)(names), l), l, status(chosen.map((r) => r.code)));
  }

  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = `${line.lang} ${line.q}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------- write

// Run as a script (not when a test imports the helpers above): write the file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const unique = generate();
  writeFileSync(GENERATED_FILE, `${unique.map((line) => JSON.stringify(line)).join("\n")}\n`);
  const counts = new Map<string, number>();
  for (const line of unique) counts.set(line.class, (counts.get(line.class) ?? 0) + 1);
  console.log(`${unique.length} lines`, Object.fromEntries(counts));
}
