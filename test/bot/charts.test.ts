/** Trend answers go out as a chart photo with the answer as caption; a trend button on a photo edits the photo in place. */
import { describe, expect, it } from "vitest";
import { encodeButton } from "../../src/render/callback-data.ts";
import { createChartRenderer } from "../../src/render/chart/charts.ts";
import { makeBot } from "../helpers/bot.ts";
import { botMessage, callback, text } from "../helpers/updates.ts";

describe("charts", () => {
  const chart = createChartRenderer();

  it("/tren sends a PNG photo with the reply as caption and the reply's buttons", async () => {
    const { bot, api } = await makeBot({ chart });
    await bot.handleUpdate(text("/tren"));
    const photo = api.of("sendPhoto")[0];
    expect(photo?.payload.photo).toMatchObject({ inputFile: "kkpham-16.png" });
    expect(photo?.payload.caption).toContain("Sumatera Selatan");
    expect(photo?.payload.parse_mode).toBe("HTML");
    expect(String(photo?.payload.caption).length).toBeLessThanOrEqual(1024);
    expect(api.buttons(photo)).toContain("Musi Rawas");
    expect(api.of("sendMessage")).toHaveLength(0);
  });

  it("a trend button under a chart photo replaces the photo with editMessageMedia", async () => {
    const { bot, api } = await makeBot({ chart });
    const shown = botMessage("Tren Sumatera Selatan", { messageId: 31, photo: true });
    await bot.handleUpdate(callback(encodeButton({ kind: "trend", scope: "16.05" }), { message: shown }));
    expect(api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageMedia"]);
    const edit = api.of("editMessageMedia")[0];
    expect(edit?.payload.message_id).toBe(31);
    expect(edit?.payload.media).toMatchObject({
      type: "photo",
      media: { inputFile: "kkpham-16.05.png" },
      parse_mode: "HTML",
    });
    expect(api.texts()[0]).toContain("Musi Rawas");
  });

  it("a trend button under a text answer sends the chart as a new photo", async () => {
    const { bot, api } = await makeBot({ chart });
    await bot.handleUpdate(callback(encodeButton({ kind: "trend", scope: "16.01" })));
    expect(api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendPhoto"]);
  });
});
