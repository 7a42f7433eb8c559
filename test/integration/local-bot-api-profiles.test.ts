// The local Bot API's platform profiles (src/local-bot-api/profiles.ts): what Bale refuses or
// does differently from Telegram, over real HTTP with grammY's own client — and that the bot's
// Bale configuration (src/bot/api.ts) gets a message with HTML through Bale as plain text.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Api, GrammyError, InputFile } from "grammy";
import { applyPlatform } from "../../src/bot/api";
import { LocalBotApi, type ProfileName } from "../../src/local-bot-api";

const TOKEN = "123456:TEST-token";
const alice = { id: 1001, first_name: "Alice", language_code: "fa" };
const MB = 1024 * 1024;

const started: LocalBotApi[] = [];
afterEach(async () => {
  for (const api of started.splice(0)) await api.stop();
});

async function platform(profile: ProfileName): Promise<{ local: LocalBotApi; api: Api; root: string }> {
  const local = new LocalBotApi({ token: TOKEN, profile });
  started.push(local);
  const root = await local.start();
  return { local, api: new Api(TOKEN, { apiRoot: root }), root };
}

async function apiError(call: Promise<unknown>): Promise<GrammyError> {
  const err = await call.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(err)}`);
  return err;
}

describe("the Bale profile", () => {
  it("refuses the HTML parse mode that Telegram renders; the bot's Bale Api sends it as plain text", async () => {
    const telegram = await platform("telegram");
    expect((await telegram.api.sendMessage(alice.id, "<b>Case</b> &amp; status", { parse_mode: "HTML" })).text).toBe("Case & status");

    const bale = await platform("bale");
    const refused = await apiError(bale.api.sendMessage(alice.id, "<b>Case</b> &amp; status", { parse_mode: "HTML" }));
    expect({ code: refused.error_code, description: refused.description }).toEqual({ code: 400, description: "Bad Request: unsupported parse_mode" });
    // Plain text with no parse mode goes through untouched (tags and all: Bale would show them).
    expect((await bale.api.sendMessage(alice.id, "a < b")).text).toBe("a < b");

    const baleBot = applyPlatform(new Api(TOKEN, { apiRoot: bale.root }), { BOT_PLATFORM: "bale" });
    const sent = await baleBot.sendMessage(alice.id, "<b>Case</b> KRM-1405-00001 &amp; status", { parse_mode: "HTML" });
    expect(sent.text).toBe("Case KRM-1405-00001 & status");
    expect(bale.local.callsTo("sendMessage").at(-1)?.params.parse_mode).toBeUndefined();
  });

  it("has no command menu: setMyCommands and its siblings answer 404 like any unknown method", async () => {
    const { api } = await platform("bale");
    for (const call of [api.setMyCommands([{ command: "start", description: "start" }]), api.getMyCommands(), api.deleteMyCommands()]) {
      const error = await apiError(call);
      expect({ code: error.error_code, description: error.description }).toEqual({ code: 404, description: "Not Found: method not found" });
    }
  });

  it("posts webhook updates without the secret-token header, even when setWebhook was given one", async () => {
    const received: Array<string | undefined> = [];
    const server = http.createServer((req, res) => {
      received.push(req.headers["x-telegram-bot-api-secret-token"] as string | undefined);
      req.resume().on("end", () => res.end("ok"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bale/path_secret`;
      for (const profile of ["telegram", "bale"] as const) {
        const { local, api } = await platform(profile);
        await api.setWebhook(url, { secret_token: "header_secret" });
        local.userMessage(alice, "hi");
        await expect.poll(() => received.length).toBe(profile === "telegram" ? 1 : 2);
      }
      expect(received).toEqual(["header_secret", undefined]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("limits uploads to 20 MB where Telegram takes 50 MB, and downloads to 20 MB on both", async () => {
    const big = new Uint8Array(21 * MB);
    const telegram = await platform("telegram");
    expect((await telegram.api.sendDocument(alice.id, new InputFile(big, "big.pdf"))).document?.file_size).toBe(21 * MB);
    const bale = await platform("bale");
    const refused = await apiError(bale.api.sendDocument(alice.id, new InputFile(big, "big.pdf")));
    expect(refused.error_code).toBe(413);
    expect((await bale.api.sendDocument(alice.id, new InputFile(new Uint8Array(MB), "small.pdf"))).document?.file_size).toBe(MB);
    // A photo over Telegram's 10 MB is refused there, and taken by Bale up to its 20 MB.
    const photo = new Uint8Array(11 * MB);
    expect((await apiError(telegram.api.sendPhoto(alice.id, new InputFile(photo, "p.jpg")))).error_code).toBe(413);
    expect((await bale.api.sendPhoto(alice.id, new InputFile(photo, "p.jpg"))).photo?.[0]?.file_size).toBe(11 * MB);
    // A user's 25 MB file arrives, but the bot cannot download it through getFile.
    for (const { local, api } of [telegram, bale]) {
      local.userDocument(alice, { file_id: "huge", file_unique_id: "u-huge", file_name: "scan.pdf", file_size: 25 * MB });
      expect((await apiError(api.getFile("huge"))).description).toBe("Bad Request: file is too big");
    }
  });
});

describe("webhook URLs, as each platform accepts them", () => {
  it("Telegram: HTTPS on 443, 80, 88 or 8443 only; a loopback URL (this machine's bot) is exempt", async () => {
    const { api } = await platform("telegram");
    expect(await api.setWebhook("https://bot.example.org:8443/telegram")).toBe(true);
    expect((await apiError(api.setWebhook("https://bot.example.org:9443/telegram"))).description).toMatch(/ports 443, 80, 88, 8443/);
    expect((await apiError(api.setWebhook("http://bot.example.org/telegram"))).description).toMatch(/HTTPS URL must be provided/);
    expect(await api.setWebhook("http://127.0.0.1:39999/telegram")).toBe(true);
  });

  it("Bale: HTTPS on any port", async () => {
    const { api } = await platform("bale");
    expect(await api.setWebhook("https://bot.example.org:9443/bale/secret")).toBe(true);
    expect((await apiError(api.setWebhook("http://bot.example.org/bale/secret"))).description).toMatch(/HTTPS URL must be provided/);
  });
});
