import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { applyPlatform, stripHtml } from "../../src/bot/api";

/** An Api whose calls are captured before they leave, after our transformers ran. */
function capturingApi(platform: "telegram" | "bale") {
  const sent: Array<{ method: string; payload: Record<string, unknown> }> = [];
  const api = new Api("1:x");
  api.config.use(async (_prev, method, payload) => {
    sent.push({ method, payload: payload as Record<string, unknown> });
    return { ok: true, result: true } as never;
  });
  applyPlatform(api, { BOT_PLATFORM: platform });
  return { api, sent };
}

describe("outgoing Bot API transformers", () => {
  it("drop empty inline keyboard rows on every platform", async () => {
    const { api, sent } = capturingApi("telegram");
    await api.sendMessage(1, "hi", { reply_markup: { inline_keyboard: [[], [{ text: "a", callback_data: "a" }], []] } });
    expect(sent[0]?.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "a", callback_data: "a" }]] });
  });

  it("send plain text on Bale: parse_mode removed and tags stripped", async () => {
    const { api, sent } = capturingApi("bale");
    await api.sendMessage(1, "<b>کد رهگیری</b> KRM-1405-00001 &amp; more", { parse_mode: "HTML" });
    expect(sent[0]?.payload).toMatchObject({ text: "کد رهگیری KRM-1405-00001 & more" });
    expect(sent[0]?.payload).not.toHaveProperty("parse_mode");
  });

  it("leave Telegram's HTML alone", async () => {
    const { api, sent } = capturingApi("telegram");
    await api.sendMessage(1, "<b>x</b>", { parse_mode: "HTML" });
    expect(sent[0]?.payload).toMatchObject({ text: "<b>x</b>", parse_mode: "HTML" });
    expect(stripHtml("a &lt;b&gt; <i>c</i>")).toBe("a <b> c");
  });
});
