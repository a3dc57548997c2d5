/**
 * What understand makes of a message, as types: either a Request (a question the bot can
 * answer, one variant per kind) or a Clarification (the bot must ask or admit it did not
 * understand). Buttons and commands build Requests directly. Language-free: no grammY, no
 * i18next.
 */

export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];

export interface RegionRef {
  code: string;
  /** Official name with its type: "Kabupaten Ogan Komering Ulu". */
  name: string;
  province: string;
  provinceName: string;
}

/** What a region question wants to know about a record: the one sentence that answers first. */
export const RECORD_FOCI = ["count", "first", "last", "streak"] as const;
export type RecordFocus = (typeof RECORD_FOCI)[number];

/** Topics of questions about the programme itself. */
export const PROGRAMME_TOPICS = ["about", "criteria", "predikat", "process", "legal", "ministry", "no_round"] as const;
export type ProgrammeTopic = (typeof PROGRAMME_TOPICS)[number];

/** Small talk the bot answers in one line. */
export const SMALL_TALK = ["thanks", "greeting", "ack", "laugh", "bye"] as const;
export type SmallTalk = (typeof SMALL_TALK)[number];

/** Which provincial award a question is about. */
export const OFFICES = ["any", "governor", "kanwil"] as const;
export type Office = (typeof OFFICES)[number];

export type Request =
  /**
   * Did these regions win (in a year, or in every year with data)? `years` when several are
   * asked ("2022 dan 2023", "dari 2017 sampai 2020"); `year` is then the last one written.
   */
  | { kind: "status"; regions: RegionRef[]; year: number | null; years?: number[] }
  /** A region's record: how many times, first and last win, streaks. */
  | { kind: "record"; region: RegionRef; focus: RecordFocus }
  /** The winners (or non-winners) of a province in a year (the latest with data when null). */
  | { kind: "list"; mode: "winners" | "non_winners"; province: string; year: number | null }
  /** The yearly trend of a province or a region. */
  | { kind: "trend"; scope: string }
  | { kind: "help" }
  | { kind: "smalltalk"; say: SmallTalk }
  /** Switch the reply language, or (null) ask which one. */
  | { kind: "language"; language: Lang | null }
  /** What the programme is, its criteria, levels, process, legal basis, why 2021 had no round. */
  | { kind: "programme"; topic: ProgrammeTopic }
  /** When and where a ceremony was (or will be), who handed the awards over. */
  | { kind: "ceremony"; year: number | null }
  /** How many kab/kota won nationally in a year. */
  | { kind: "national"; year: number | null }
  /** Did the governor / provincial government / regional office of a province get the award. */
  | { kind: "provincial"; province: string; year: number | null; office: Office };

/**
 * The part of a question that is still open when the region is not yet certain: a tap on a
 * candidate completes it into a Request.
 */
export type RegionAsk =
  | { kind: "status"; year: number | null; with: RegionRef[] }
  | { kind: "record"; focus: RecordFocus }
  | { kind: "trend" };

export type Clarification =
  /** One name, several regions: which one? */
  | { kind: "choose"; text: string; candidates: RegionRef[]; ask: RegionAsk }
  /** A close but uncertain match, or a town in a region: did you mean this one? */
  | { kind: "confirm"; text: string; guess: RegionRef; ask: RegionAsk; town: boolean }
  /** A place-like name that matched nothing; up to three near names. */
  | { kind: "not_recognised"; text: string; suggestions: RegionRef[]; ask: RegionAsk }
  /** A message the bot cannot answer: it says so, with examples. */
  | { kind: "not_understood" };

export type Understood = Request | Clarification;

/** The Request a tap on `region` makes of an open question. */
export function complete(ask: RegionAsk, region: RegionRef): Request {
  switch (ask.kind) {
    case "status":
      return { kind: "status", regions: [...ask.with.filter((r) => r.code !== region.code), region], year: ask.year };
    case "record":
      return { kind: "record", region, focus: ask.focus };
    case "trend":
      return { kind: "trend", scope: region.code };
  }
}
