import type { i18n } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../../locales/en.json" with { type: "json" };
import id from "../../locales/id.json" with { type: "json" };
import { type Core, createCore } from "../../src/core.ts";
import { loadDataset } from "../../src/dataset/load.ts";
import { decodeButton } from "../../src/render/callback-data.ts";
import { createI18n } from "../../src/render/i18n.ts";
import { createMessages } from "../../src/render/messages.ts";

let core: Core;
let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await createI18n();
  core = createCore({ dataset: await loadDataset(), i18n: i18nInstance, homeProvince: "16" });
});

const text = (q: string, lang: "id" | "en" = "id") => core.ask(q, lang).reply.html;

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("locales", () => {
  it("id and en hold the same keys, none empty", () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
    for (const k of keys(id)) expect(k.length).toBeGreaterThan(0);
  });
});

describe("replies tell the cases apart", () => {
  it("won, in both languages, with the certificate year and a source link", () => {
    expect(text("Muba 2023")).toMatch(/✅ 2023: <b>meraih<\/b>/);
    expect(text("Muba 2023")).toMatch(/sertifikatnya menyebut tahun 2022/);
    expect(text("Muba 2023")).toMatch(/Sumber: <a href="https:\/\//);
    expect(text("Did Muba win in 2023?", "en")).toMatch(/✅ 2023: <b>won<\/b>/);
  });

  it("not won, and a lower predikat", () => {
    expect(text("Ogan Ilir 2024")).toMatch(/❌ 2024: <b>tidak meraih<\/b>/);
    expect(text("Palembang 2017")).toMatch(/🟡 2017: tidak meraih penghargaan — predikat Cukup Peduli HAM/);
    expect(text("Palembang 2017", "en")).toMatch(/did not win — rated Cukup Peduli HAM/);
  });

  it("no data that year, no round that year, and a region known but not covered", () => {
    expect(text("OKU 2016")).toMatch(/❔ 2016: belum ada data/);
    expect(text("OKU 2021")).toMatch(/⏸ 2021: tidak ada penilaian/);
    expect(text("OKU 2021", "en")).toMatch(/no assessment was held/);
    expect(text("Kabupaten Asmat")).toMatch(/dikenali, tetapi belum ada dalam data/);
  });

  it("not recognised, and which one", () => {
    expect(text("Zzyzxqq")).toMatch(/tidak mengenali “Zzyzxqq”/);
    const choose = core.ask("Musi", "id");
    expect(choose.reply.html).toMatch(/Maksud Anda yang mana/);
    const picks = choose.reply.buttons.flat().map((b) => decodeButton(b.data));
    expect(picks.map((p) => (p?.kind === "status" ? p.codes.join() : null)).sort()).toEqual([
      "16.05",
      "16.06",
      "16.13",
    ]);
  });

  it("a winners list with the non-winners, and a partial year says so", () => {
    const list = text("siapa saja yang menang 2022");
    expect(list).toMatch(/3 dari 17 kabupaten\/kota meraih/);
    expect(list).toMatch(/• Lahat\n• Musi Rawas\n• Kota Lubuk Linggau/);
    // A partial year leads with what is known, so the headline never contradicts its note.
    const partial = text("siapa yang menang 2019");
    expect(partial).toMatch(/^.*\n.*12 pemenang.*3 di antaranya/);
    expect(partial).toMatch(/belum lengkap: 3 dari 17/);
    expect(partial).not.toMatch(/3 dari 17 kabupaten\/kota meraih/);
    expect(text("siapa yang menang 2021")).toMatch(/Tidak ada penilaian KKPHAM pada tahun 2021/);
  });

  it("a province trend as text fits a photo caption", () => {
    const trend = core.ask("tren", "id").reply;
    expect(trend.html).toContain("2022: 3/17 · 2023: 12/17 · 2024: 15/17");
    expect(trend.html).toContain("2021: tidak ada penilaian");
    expect(trend.html.length).toBeLessThanOrEqual(1024);
    expect(trend.chart).toBe("16");
  });

  it("escapes markup the user typed", () => {
    const reply = text("<script>alert(1)</script> Zzyzxqq");
    expect(reply).not.toContain("<script>");
  });

  it("every button's data is valid and at most 64 bytes", () => {
    for (const q of ["tren", "Musi", "Bandung", "OKU", "tren OKU", "bahasa"]) {
      for (const b of core.ask(q, "id").reply.buttons.flat()) {
        expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
        expect(decodeButton(b.data), b.data).not.toBeNull();
      }
    }
  });
});

describe("compiled messages", () => {
  it("fill values escaped and raw values as given, like i18next", () => {
    const m = createMessages(i18nInstance, "en");
    expect(m("status.headline", { name: "A & <B>", province: "P" })).toBe("<b>A &amp; &lt;B&gt;</b>, P");
    expect(m("source.one", { links: '<a href="x">x</a>' })).toBe('Source: <a href="x">x</a>');
    expect(m("status.headline", { name: "A & B", province: "P" })).toBe(
      i18nInstance.getFixedT("en")("status.headline", { name: "A & B", province: "P" }),
    );
  });
});
