/**
 * Stage 3 of understanding: which kind of question a message asks, from its words and the
 * places found in it. A command's hint (/daftar, /tren, /cek) is applied once, here. When no
 * kind fits, the answer is "none": the bot says it did not understand rather than answering
 * some other question.
 */
import {
  ASK_WORDS,
  AWARD_NAMES,
  CEREMONY_NAMES,
  CEREMONY_WORDS,
  COMPOUND_LIST_WORDS,
  COUNT_WORDS,
  EXCLUDE_WORDS,
  FAIL_WORDS,
  FILLER_WORDS,
  HELP_PHRASES,
  HELP_WORDS,
  hasPhrase,
  isLaughter,
  LANGUAGE_SWITCH_WORDS,
  LANGUAGE_WORDS,
  LIST_WORDS,
  NATIONAL_WORDS,
  NEGATION_WORDS,
  OTHER_AWARD_WORDS,
  OTHER_TOPIC_WORDS,
  PARTICIPANT_WORDS,
  PROGRAMME_WORDS,
  PROVINCIAL_WORDS,
  phraseValue,
  RECORD_WORDS,
  SMALL_TALK_WORDS,
  TREND_WORDS,
  TYPE_WORDS,
  UNSUPPORTED_WORDS,
  WHY_WORDS,
  WIN_VERBS,
  WIN_WORDS,
} from "./lexicon.ts";
import { isFunctionWord } from "./ordinary.ts";
import type { Places } from "./places.ts";
import type { Lang, Office, RecordFocus, Request, SmallTalk } from "./request.ts";

/**
 * The kinds whose Request depends on the places named are decided in the next stage (scope);
 * every other kind is already its whole Request here.
 */
export type Kind =
  | { kind: "status" }
  | { kind: "record"; focus: RecordFocus }
  | { kind: "list"; mode: "winners" | "non_winners" }
  | { kind: "trend" }
  | { kind: "provincial"; office: Office }
  | Exclude<Request, { kind: "status" | "record" | "list" | "trend" | "provincial" }>
  | { kind: "none" };

/** What a command already says about its arguments. */
export type Hint = { kind: "list" } | { kind: "trend" } | { kind: "status" };

export interface KindInput {
  tokens: readonly string[];
  places: Places;
  year: number | null;
  /** The message had characters but no words (emoji, punctuation). */
  wordless: boolean;
  hint?: Hint;
  /** The message asks about a place: a word about the award or a year, or nothing but the place. */
  placeQuestion: boolean;
  /** A word that matched nothing is what the message asks about ("Plembangg", "Zzyzx menang?"). */
  unknownQuestion: boolean;
  /** Words that are not places, fillers or question words ("kereta" in "jadwal kereta"). */
  content: number;
  /** The same, counting words that matched nothing too ("cpns" in "cara daftar cpns"). */
  contentAll: number;
  /** How many years the message names. */
  years: number;
}

/** How far after a negation a win word may come: "tidak pernah menang", "did not win". */
const NEGATION_REACH = 3;
const SPAN_WORDS = new Set([
  "tahun",
  "thn",
  "year",
  "years",
  "few",
  "two",
  "three",
  "four",
  "five",
  "dua",
  "tiga",
  "empat",
  "lima",
]);
const SMALL_TALK_ORDER: SmallTalk[] = ["thanks", "bye", "greeting", "laugh", "ack"];

export function kindOf(input: KindInput): Kind {
  const { tokens, places, year, hint } = input;
  if (tokens.length === 0) return input.wordless || hint ? fromHint(hint) : { kind: "help" };
  const has = (set: ReadonlySet<string>) => tokens.some((t) => set.has(t));
  const placed = places.regions.length > 0 || places.ambiguous !== null || places.guess !== null;

  const language = languageRequest(tokens);
  if (language !== undefined && !placed && year === null) return { kind: "language", language };
  if (!placed && HELP_PHRASES.some((p) => hasPhrase(tokens, p))) return { kind: "help" };
  const talk = smallTalk(tokens);
  if (talk && !placed && !hint) return { kind: "smalltalk", say: talk };
  if (hint) return fromHint(hint, tokens, places);
  const negated = isNegated(tokens);
  const award = has(WIN_WORDS);
  // "yang paling sering menang", "which region won the most": a ranking the data cannot give;
  // "siapa yang menang pilkada palembang": another contest.
  if (has(UNSUPPORTED_WORDS) || has(OTHER_AWARD_WORDS) || (has(OTHER_TOPIC_WORDS) && !has(AWARD_NAMES))) {
    return { kind: "none" };
  }
  const winVerb = has(WIN_VERBS);
  const national = has(NATIONAL_WORDS) || hasPhrase(tokens, "se indonesia") || hasPhrase(tokens, "seluruh indonesia");
  // "tren nasional": there is no national trend to draw; the home province's would answer another question.
  if (has(TREND_WORDS)) return national ? { kind: "none" } : { kind: "trend" };
  // "upacara 2019 di bandung": a place named with the ceremony is where it was held.
  if (has(CEREMONY_NAMES)) return { kind: "ceremony", year };
  // A year asked about makes it a status question ("berapa kali … 2024" asks about 2024).
  // "kapan OKI terakhir gagal": a record of losses is not kept; the history answers it.
  const record = year === null && !negated ? recordFocus(tokens) : null;
  // "selain Palembang, siapa lagi yang menang 2015": the place named is left out of the question.
  const excluded = has(EXCLUDE_WORDS);
  if (placed && input.placeQuestion && !excluded)
    return record ? { kind: "record", focus: record } : { kind: "status" };

  // "kenapa 2021 tidak ada?": the cancelled round is a fact about the programme.
  if (year === 2021 && (has(WHY_WORDS) || negated)) return { kind: "programme", topic: "no_round" };
  const provincial = provincialOffice(tokens, places, year, award);
  if (provincial) return { kind: "provincial", office: provincial };
  // "sertifikat 2023 tulisannya tahun berapa": the certificate label of that round.
  const certificate = year !== null && (tokens.includes("sertifikat") || tokens.includes("certificate"));
  if (has(CEREMONY_WORDS) || certificate || (tokens.includes("kapan") && award && !places.unknown)) {
    return { kind: "ceremony", year };
  }
  // "berapa yang menang se-Indonesia 2023", "berapa yang ikut penilaian 2019", "how many provinces …".
  const counts = has(COUNT_WORDS) || hasPhrase(tokens, "how many");
  const countsCountry =
    counts && (has(PARTICIPANT_WORDS) || tokens.includes("provinsi") || tokens.includes("provinces"));
  if ((national && (award || counts || has(LIST_WORDS))) || (countsCountry && !places.province)) {
    return { kind: "national", year };
  }
  // "apa itu KKPHAM", "kriteria penilaian": about the award, not "jadwal kereta" or "what is the capital".
  const topic = phraseValue(tokens, PROGRAMME_WORDS);
  if (topic && (!places.province || topic === "ministry") && (award || input.contentAll === 0)) {
    return { kind: "programme", topic };
  }
  // "kkpham itu apa", "predikat apa aja": the award named with a question word and no verb of winning.
  if (award && !winVerb && !has(LIST_WORDS) && year === null && !places.province && has(ASK_WORDS)) {
    return { kind: "programme", topic: tokens.includes("predikat") ? "predikat" : "about" };
  }
  // "kab kota mana yang belum pernah menang": over all years, which no single year's list answers.
  if ((tokens.includes("pernah") || tokens.includes("never") || tokens.includes("ever")) && negated) {
    return { kind: "none" };
  }

  const list = has(LIST_WORDS);
  const typed = places.unknown?.typed === true;
  const asks = tokens.some((t) => ASK_WORDS.has(t) && !(typed && TYPE_WORDS.has(t)));
  const scoped = winVerb || list || year !== null || places.province !== null || has(FAIL_WORDS);
  if (scoped && negated && !places.unknown) return { kind: "list", mode: "non_winners" };
  // "ada berapa kabupaten di sumsel": a count of regions, which no winners list answers.
  if (has(COUNT_WORDS) && !winVerb && !award && !list) return { kind: "none" };
  // A list: "daftar pemenang", or a question of who won ("siapa yang menang 2024"); "siapa gubernur
  // sumsel" asks a name, and "kkpham itu apa" what the award is.
  const whoWon = winVerb && (asks || year !== null || places.province !== null || tokens.includes("yang"));
  // "yang menang 2023 tapi tidak 2022", "won every year": a list over several years is not one year's list.
  if (
    (list || whoWon || excluded) &&
    (input.years > 1 || has(COMPOUND_LIST_WORDS) || recordFocus(tokens) === "streak")
  ) {
    return { kind: "none" };
  }
  if ((list || (whoWon && input.content === 0)) && !places.unknown?.near && !typed) {
    return { kind: "list", mode: negated ? "non_winners" : "winners" };
  }
  // "Plembangg menang?", "Kabupaten Zzyzx", a lone unknown name: a place we could not place.
  const unknown = places.unknown;
  if (
    unknown &&
    (input.unknownQuestion || unknown.typed) &&
    (unknown.near || unknown.typed || ((award || year !== null) && tokens.length <= 4) || tokens.length === 1)
  ) {
    return { kind: "status" };
  }
  if ((year !== null || places.province !== null) && !unknown && input.content === 0) {
    return { kind: "list", mode: "winners" };
  }
  if (has(HELP_WORDS)) return { kind: "help" };
  // "ham", "peduli ham", "penghargaan": the award named and nothing asked about it.
  if (tokens.every((t) => WIN_WORDS.has(t) || FILLER_WORDS.has(t))) return { kind: "help" };
  return { kind: "none" };
}

/**
 * "gubernur sumsel dapat penghargaan 2023", "kanwil lampung 2024", "provinsi sumsel peduli ham
 * 2019": an office or the province itself with the award or a year. "siapa gubernur sumsel" asks
 * a name.
 */
function provincialOffice(
  tokens: readonly string[],
  places: Places,
  year: number | null,
  award: boolean,
): Office | null {
  const office = phraseValue(tokens, PROVINCIAL_WORDS);
  const who = tokens.includes("siapa") || tokens.includes("who");
  if (office && (office === "any" || award || (year !== null && !who))) return office;
  // The province itself: "provinsi sumsel dapat apa 2020", "did south sumatra province win".
  const provinceWord = tokens.includes("provinsi") || tokens.includes("province") || tokens.includes("pemprov");
  const asksList = tokens.some((t) => LIST_WORDS.has(t)) || tokens.includes("siapa") || tokens.includes("which");
  if (provinceWord && places.province && !asksList && award) return "governor";
  return null;
}

function fromHint(hint: Hint | undefined, tokens: readonly string[] = [], places?: Places): Kind {
  if (!hint) return { kind: "none" };
  switch (hint.kind) {
    case "trend":
      return { kind: "trend" };
    case "status": {
      const focus = recordFocus(tokens);
      return focus ? { kind: "record", focus } : { kind: "status" };
    }
    case "list":
      // A list of a region makes no sense: "/daftar OKU" asks about OKU.
      if (places && !places.province && (places.regions.length > 0 || places.ambiguous || places.guess)) {
        return { kind: "status" };
      }
      return { kind: "list", mode: isNegated(tokens) ? "non_winners" : "winners" };
  }
}

/** "berapa kali", "how many times", "pertama kali", "terakhir", "berturut-turut": the most specific wins. */
function recordFocus(tokens: readonly string[]): RecordFocus | null {
  const found = new Set<RecordFocus>();
  tokens.forEach((t, i) => {
    const focus = RECORD_WORDS.get(t);
    if (!focus) return;
    // "kali" counts only as "berapa kali" / "how many times"; "pertama kali" is the first.
    if (t === "kali" && !tokens.includes("berapa") && !tokens.includes("brp")) return;
    // "empat tahun terakhir", "the last four years": a span of years, not the last win.
    if (focus === "last" && (SPAN_WORDS.has(tokens[i - 1] ?? "") || SPAN_WORDS.has(tokens[i + 1] ?? ""))) return;
    found.add(focus);
  });
  return FOCUS_ORDER.find((f) => found.has(f)) ?? null;
}

const FOCUS_ORDER: RecordFocus[] = ["streak", "first", "last", "count"];

/**
 * "tidak menang", "gak dapet", "did not win", "non winners", "yang kalah": a negation before a
 * win word, or a word that means losing. A trailing tag ("menang ga?") only asks.
 */
export function isNegated(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => {
    if (FAIL_WORDS.has(t)) return true;
    if (!NEGATION_WORDS.has(t)) return false;
    return tokens.slice(i + 1, i + 1 + NEGATION_REACH).some((next) => WIN_WORDS.has(next) || LIST_WORDS.has(next));
  });
}

/** Small talk: every word is small talk or filler, and one at least says something. */
function smallTalk(tokens: readonly string[]): SmallTalk | null {
  const said = new Set<SmallTalk>();
  for (const t of tokens) {
    const say = SMALL_TALK_WORDS.get(t) ?? (isLaughter(t) ? "laugh" : undefined);
    if (say) said.add(say);
    else if (!FILLER_WORDS.has(t) && !isFunctionWord(t)) return null;
  }
  return SMALL_TALK_ORDER.find((s) => said.has(s)) ?? null;
}

/**
 * "english please", "in english", "bahasa indonesia", "ganti bahasa": the language named (or
 * null when only a switch is asked for), or undefined when this is not a language request.
 */
function languageRequest(tokens: readonly string[]): Lang | null | undefined {
  let named: Lang | null = null;
  let switchWord = false;
  for (const t of tokens) {
    const lang = LANGUAGE_WORDS.get(t);
    if (lang) named ??= lang;
    else if (LANGUAGE_SWITCH_WORDS.has(t) || FILLER_WORDS.has(t) || isFunctionWord(t)) switchWord ||= true;
    else return undefined;
  }
  if (tokens.includes("bahasa") || tokens.includes("language")) return named;
  return named !== null && (switchWord || tokens.length <= 2) ? named : undefined;
}
