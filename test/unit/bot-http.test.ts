// The Bot API's HTTP client (src/bot/http.ts): grammY's calls on undici, against real HTTP
// servers — the fake Bot API for whole calls (JSON and a file upload), and bare servers for
// what can go wrong on the wire (an answer that is not JSON, a connection cut, a refused port,
// a call that never answers). An error's message names the reason, never the URL or token.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Api, HttpError, InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botApiClient } from "../../src/bot/api";
import { classifyNetworkError } from "../../src/connectivity";
import { FakeBotApi } from "../support/fake-bot-api";

const TOKEN = "123456789:TEST_token_for_the_http_client";

async function serve(handler: http.RequestListener): Promise<{ root: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    root: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const apiOn = (root: string, timeoutSeconds?: number) =>
  new Api(TOKEN, { ...botApiClient({ BOT_API_ROOT: root, BOT_API_PROXY: undefined }), ...(timeoutSeconds && { timeoutSeconds }) });

describe("the Bot API's HTTP client", () => {
  let fake: FakeBotApi;
  let root: string;
  beforeAll(async () => {
    fake = new FakeBotApi({ token: TOKEN });
    root = await fake.start();
  });
  afterAll(() => fake.stop());

  it("is undici when there is no proxy, and node-fetch's agent through one", () => {
    expect(botApiClient({ BOT_API_ROOT: root, BOT_API_PROXY: undefined }).fetch).toBeTypeOf("function");
    const proxied = botApiClient({ BOT_API_ROOT: root, BOT_API_PROXY: "http://127.0.0.1:3128" });
    expect(proxied.fetch).toBeUndefined();
    expect(proxied.baseFetchConfig).toHaveProperty("agent");
  });

  it("sends grammY's JSON calls and reads their answers, Persian text and keyboards intact", async () => {
    const api = apiOn(root);
    const text = "هشدار قطع برق — واحد ۱۲";
    const sent = await api.sendMessage(42, text, { reply_markup: { inline_keyboard: [[{ text: "پیگیری", callback_data: "c:1" }]] } });
    expect(sent.text).toBe(text);
    const call = fake.callsTo("sendMessage").at(-1);
    expect(call?.params).toMatchObject({ chat_id: 42, text, reply_markup: { inline_keyboard: [[{ text: "پیگیری", callback_data: "c:1" }]] } });
    // Telegram's refusals come back as grammY's errors, with their description.
    await expect(api.sendMessage(42, "")).rejects.toThrow(/message text is empty/);
  });

  it("uploads a file as a multipart stream", async () => {
    const api = apiOn(root);
    const content = Buffer.from("گزارش فصل پاییز ۱۴۰۵\n".repeat(2000));
    const sent = await api.sendDocument(42, new InputFile(content, "report-1405-Q3.txt"), { caption: "گزارش فصل" });
    expect(sent.document).toMatchObject({ file_name: "report-1405-Q3.txt", file_size: content.length });
    const call = fake.callsTo("sendDocument").at(-1);
    expect(call?.params).toMatchObject({ chat_id: 42, caption: "گزارش فصل" });
  });

  it("turns an answer that is not JSON into grammY's HttpError", async () => {
    const proxyPage = await serve((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    });
    try {
      await expect(apiOn(proxyPage.root).getMe()).rejects.toBeInstanceOf(HttpError);
    } finally {
      await proxyPage.close();
    }
  });

  it("names a refused port, a cut connection and a silent server as the start-up check expects", async () => {
    const gone = await serve(() => undefined);
    const refusedRoot = gone.root;
    await gone.close();
    const refused = await apiOn(refusedRoot).getMe().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect(classifyNetworkError(refused).reason).toBe("refused");
    expect(String((refused as HttpError).error)).not.toContain(TOKEN.split(":")[1]);

    const cutting = await serve((req) => req.socket.destroy());
    try {
      const cut = await apiOn(cutting.root).getMe().catch((error: unknown) => error);
      expect(cut).toBeInstanceOf(HttpError);
      expect(classifyNetworkError(cut).reason).toBe("reset");
    } finally {
      await cutting.close();
    }

    const silent = await serve(() => undefined);
    try {
      const started = performance.now();
      const late = await apiOn(silent.root, 1).getMe().catch((error: unknown) => error);
      expect(late).toBeInstanceOf(HttpError);
      // It ends at grammY's deadline (1 s), not at undici's own five-minute header timeout.
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });
});
