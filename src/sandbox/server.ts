/**
 * The sandbox's web server, on 127.0.0.1 only: the page (web/, read at run time and put
 * together into one HTML document) and its JSON API.
 *   GET  /                      the page
 *   GET  /api/state?persona=…   the persona's chats, the clock, the personas (the page polls it)
 *   POST /api/send              { persona, text, group? }        a message (commands, /start payloads)
 *   POST /api/press             { persona, messageId, data, group? } an inline button
 *   POST /api/contact           { persona, phone }               the reply keyboard's contact button
 *   POST /api/upload            { persona, name, mime, base64, caption? } a photo or a document
 *   GET  /api/file?id=…         a file's bytes (what the bot sent, or what was uploaded)
 *   POST /api/time              { jump: "hour" | "day" | "morning" }
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { personaByKey, type Persona } from "./personas";
import type { Playground } from "./play";

const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), "web");
// A 20 MB attachment (MAX_ATTACHMENT_MB) is ~27 MB as base64.
const MAX_BODY_BYTES = 30 * 1024 * 1024;
const JUMPS = new Set(["hour", "day", "morning"]);

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The page: page.html with style.css and app.js put inline (no build step, no second request). */
export function renderPage(): string {
  const read = (name: string) => readFileSync(path.join(WEB, name), "utf8");
  return read("page.html").replace("/*STYLE*/", read("style.css")).replace("/*SCRIPT*/", read("app.js"));
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "too large");
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, "expected a JSON object");
}

function send(res: http.ServerResponse, status: number, body: unknown, type = "application/json; charset=utf-8"): void {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  res.writeHead(status, { "content-type": type, "content-length": data.length, "cache-control": "no-store" });
  res.end(data);
}

const text = (value: unknown, name: string): string => {
  if (typeof value !== "string" || value === "") throw new HttpError(400, `${name} is required`);
  return value;
};

function personaOf(value: unknown): Persona {
  const persona = typeof value === "string" ? personaByKey(value) : undefined;
  if (!persona) throw new HttpError(404, "no such persona");
  return persona;
}

const MIME_OF_EXT: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", pdf: "application/pdf", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", csv: "text/csv", txt: "text/plain" };

async function route(play: Playground, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const post = req.method === "POST";
  if (req.method === "GET" && url.pathname === "/") return send(res, 200, renderPage(), "text/html; charset=utf-8");
  if (req.method === "GET" && url.pathname === "/api/state") return send(res, 200, play.state(personaOf(url.searchParams.get("persona") ?? "producer")));
  if (req.method === "GET" && url.pathname === "/api/file") {
    const file = await play.file(text(url.searchParams.get("id"), "id"));
    if (!file) throw new HttpError(404, "no such file");
    const type = MIME_OF_EXT[file.path.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
    res.setHeader("content-disposition", `inline; filename="${path.basename(file.path)}"`);
    return send(res, 200, file.data, type);
  }
  if (!post) throw new HttpError(404, "not found");
  const body = await readJson(req);
  const group = body.group === true;
  switch (url.pathname) {
    case "/api/send":
      play.send(personaOf(body.persona), text(body.text, "text"), group);
      break;
    case "/api/press":
      play.press(personaOf(body.persona), Number(body.messageId), text(body.data, "data"), group);
      break;
    case "/api/contact":
      play.shareContact(personaOf(body.persona), text(body.phone, "phone"));
      break;
    case "/api/upload":
      play.upload(personaOf(body.persona), {
        name: text(body.name, "name"), mime: typeof body.mime === "string" && body.mime ? body.mime : "application/octet-stream",
        data: Buffer.from(text(body.base64, "base64"), "base64"), ...(typeof body.caption === "string" && body.caption && { caption: body.caption }),
      });
      break;
    case "/api/time": {
      const jump = text(body.jump, "jump");
      if (!JUMPS.has(jump)) throw new HttpError(400, "jump is hour, day or morning");
      return send(res, 200, await play.travel(jump as "hour" | "day" | "morning"));
    }
    default:
      throw new HttpError(404, "not found");
  }
  send(res, 200, { ok: true });
}

export interface SandboxServer { url: string; close(): Promise<void> }

export async function startSandboxServer(play: Playground, port: number): Promise<SandboxServer> {
  const server = http.createServer((req, res) => {
    route(play, req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) send(res, status, { ok: false, error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
