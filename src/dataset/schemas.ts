/** Row shapes of the files in data/, checked field by field at load time. */
import { z } from "zod";
import {
  AWARD_RULES,
  EVIDENCE,
  NATIONAL_MEASURES,
  PREDIKATS,
  PROGRAMME_TOPICS,
  PROVINCE_AWARD_CATEGORIES,
} from "./types.ts";

const url = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });
const year = z.coerce
  .number({ message: "must be a year" })
  .int({ message: "must be a whole year" })
  .min(2000, { message: "year out of range (2000 or later)" })
  .max(2100, { message: "year out of range" });
/** One or more http(s) URLs separated by spaces; never empty. */
const sources = z
  .string()
  .trim()
  .min(1, { message: "a row needs at least one source URL" })
  .transform((s) => s.split(/\s+/))
  .pipe(z.array(url));
const yesNo = (field: string) => z.enum(["yes", "no"], { message: `${field} must be yes or no` });
const provinceCode = z.string().regex(/^\d{2}$/, { message: "province code must be two digits" });
const optionalInt = z
  .string()
  .regex(/^\d*$/, { message: "must be a whole number or empty" })
  .transform((s) => (s === "" ? null : Number(s)));

export const provinceRow = z.object({
  code: z.string().regex(/^\d{2}$/, { message: "province code must be two digits" }),
  name: z.string().min(1, { message: "name is empty" }),
});

export const regionRow = z.object({
  code: z.string().regex(/^\d{2}\.\d{2}$/, { message: "region code must look like 16.01" }),
  province_code: z.string().regex(/^\d{2}$/, { message: "province code must be two digits" }),
  type: z.enum(["kabupaten", "kota"], { message: "type must be kabupaten or kota" }),
  name: z.string().min(1, { message: "name is empty" }),
});

export const awardRow = z.object({
  year,
  region_code: z.string().regex(/^\d{2}\.\d{2}$/, { message: "region code must look like 16.01" }),
  predikat: z.enum(PREDIKATS, { message: `unknown predikat; expected one of ${PREDIKATS.join(", ")}` }),
  evidence: z.enum(EVIDENCE, { message: `unknown evidence; expected ${EVIDENCE.join(" or ")}` }),
  sources: z
    .string()
    .trim()
    .min(1, { message: "a record needs at least one source URL" })
    .transform((s) => s.split(/\s+/))
    .pipe(z.array(url)),
  note: z.string(),
});

export const roundRow = z.object({
  year,
  held: yesNo("held"),
  ceremony_date: z.union([z.literal(""), z.iso.date({ message: "ceremony_date must be YYYY-MM-DD or empty" })]),
  place: z.string(),
  hari_ham: optionalInt,
  theme: z.string(),
  handed_by: z.string(),
  decree: z.string(),
  certificate_label: z.string(),
  results_found: yesNo("results_found"),
  national_winners: optionalInt,
  sources,
  note: z.string(),
});

export const nationalCountRow = z.object({
  year,
  measure: z.enum(NATIONAL_MEASURES, {
    message: `unknown measure; expected one of ${NATIONAL_MEASURES.join(", ")}`,
  }),
  value: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { message: "value must be a number" })
    .transform(Number),
  primary: yesNo("primary"),
  sources,
  note: z.string(),
});

export const provinceAwardRow = z.object({
  year,
  province_code: provinceCode,
  category: z.enum(PROVINCE_AWARD_CATEGORIES, {
    message: `unknown category; expected one of ${PROVINCE_AWARD_CATEGORIES.join(", ")}`,
  }),
  recipient: z.string().min(1, { message: "recipient is empty" }),
  awarded: yesNo("awarded"),
  evidence: z.enum(EVIDENCE, { message: `unknown evidence; expected ${EVIDENCE.join(" or ")}` }),
  rule: z.union([z.literal(""), z.enum(AWARD_RULES)], {
    message: `unknown rule; expected empty or one of ${AWARD_RULES.join(", ")}`,
  }),
  regions_won: optionalInt,
  regions_total: optionalInt,
  sources,
  note: z.string(),
});

export const programmeRow = z.object({
  topic: z.enum(PROGRAMME_TOPICS, { message: `unknown topic; expected one of ${PROGRAMME_TOPICS.join(", ")}` }),
  key: z.string().regex(/^[a-z0-9_]+$/, { message: "key must be lower-case letters, digits and _" }),
  value: z.string().min(1, { message: "value is empty" }),
  sources,
  note: z.string(),
});

export const provinceCountRow = z.object({
  year,
  province_code: z.string().regex(/^\d{2}$/, { message: "province code must be two digits" }),
  won: z.coerce.number({ message: "won must be a number" }).int().min(0),
  out_of: optionalInt,
  source: url,
  note: z.string(),
});

/** Space-separated codes, each matching `pattern`. */
function codeList(pattern: RegExp, message: string) {
  return z
    .string()
    .trim()
    .min(1, { message: "codes is empty" })
    .transform((s) => s.split(/\s+/))
    .pipe(z.array(z.string().regex(pattern, { message })));
}

export const townRow = z.object({
  town: z.string().min(1, { message: "town is empty" }),
  codes: codeList(/^\d{2}\.\d{2}$/, "codes must be region codes (16.01)"),
  relation: z.enum(["capital", "town"], { message: "relation must be capital or town" }),
  sources,
  note: z.string(),
});

export const aliasRow = z.object({
  alias: z.string().min(1, { message: "alias is empty" }),
  codes: codeList(/^\d{2}(\.\d{2})?$/, "codes must be region (16.01) or province (16) codes"),
  ambiguous: z.enum(["yes", "no"], { message: "ambiguous must be yes or no" }),
  note: z.string().optional().default(""),
});
