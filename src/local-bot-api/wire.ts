/**
 * The wire: how requests are read (query string, form, JSON, multipart), how answers are
 * written, and Telegram's HTML parse mode, mirrored closely enough to catch unsupported tags.
 */
import type http from "node:http";
import { ApiError, isRecord, type Envelope, type Params, type UploadedFile } from "./types";

/** Form-encoded values are strings; these fields are integers in the Bot API. */
const INTEGER_FIELDS = new Set([
  "chat_id", "from_chat_id", "message_id", "offset", "limit", "timeout", "user_id", "message_thread_id", "reply_to_message_id",
]);
/** Free text must never be JSON-parsed even if it looks like JSON. */
const TEXT_FIELDS = new Set(["text", "caption", "description", "title", "query"]);
const HTML_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote",
]);
const MIME_TYPES: Record<string, string> = {
  pdf: "application/pdf", jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", txt: "text/plain",
  csv: "text/csv", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip: "application/zip",
};

export const mimeOf = (name: string): string => MIME_TYPES[name.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";

/** Mirrors Telegram's HTML parse mode closely enough to catch unsupported tags in our templates. */
export function renderText(value: unknown, parseMode: unknown): string {
  const text = typeof value === "string" ? value : value === undefined ? "" : String(value);
  if (parseMode !== "HTML") return text;
  for (const tag of text.matchAll(/<\/?([A-Za-z][\w-]*)[^>]*>/g)) {
    if (!HTML_TAGS.has((tag[1] ?? "").toLowerCase())) {
      const offset = Buffer.byteLength(text.slice(0, tag.index));
      throw new ApiError(400, `Bad Request: can't parse entities: Unsupported start tag "${tag[1]}" at byte offset ${offset}`);
    }
  }
  const stripped = text.replace(/<[^>]*>/g, "");
  const stray = stripped.indexOf("<");
  if (stray !== -1) throw new ApiError(400, `Bad Request: can't parse entities: unescaped "<" at byte offset ${Buffer.byteLength(stripped.slice(0, stray))}`);
  return stripped.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

function formValue(key: string, value: string): unknown {
  if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (!TEXT_FIELDS.has(key) && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

export async function readParams(req: http.IncomingMessage, url: URL): Promise<Params> {
  const params: Params = {};
  for (const [k, v] of url.searchParams) params[k] = formValue(k, v);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const body = Buffer.concat(chunks);
  if (body.length === 0) return params;
  const contentType = req.headers["content-type"] ?? "";
  if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!boundary) throw new Error("multipart body without boundary");
    return { ...params, ...parseMultipart(body, boundary[1] ?? boundary[2] ?? "") };
  }
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = formValue(k, v);
    return params;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new Error("can't parse JSON object");
  }
  if (!isRecord(parsed)) throw new Error("can't parse JSON object");
  return { ...params, ...parsed };
}

/**
 * Hand-rolled because Node 20's Request#formData() rejects grammY's multipart
 * bodies (it writes `form-data;name="x"` without a space and leaves filenames unquoted).
 */
function parseMultipart(body: Buffer, boundary: string): Params {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Params = {};
  const uploads = new Map<string, UploadedFile>();
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body[start] === 13 && body[start + 1] === 10) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new Error("unterminated multipart body");
    const end = body[next - 2] === 13 && body[next - 1] === 10 ? next - 2 : next;
    const part = body.subarray(start, end);
    const split = part.indexOf("\r\n\r\n");
    const head = split === -1 ? "" : part.subarray(0, split).toString("utf8");
    const data = split === -1 ? Buffer.alloc(0) : part.subarray(split + 4);
    const name = /(?:^|;)\s*name=(?:"([^"]*)"|([^;\r\n]*))/im.exec(head);
    const filename = /;\s*filename=(?:"([^"]*)"|([^\r\n]*))/i.exec(head);
    const partType = /^content-type:\s*([^\r\n]+)/im.exec(head);
    const key = name?.[1] ?? name?.[2]?.trim();
    if (key !== undefined) {
      if (filename) {
        const fileName = (filename[1] ?? filename[2] ?? "file").trim();
        const declared = partType?.[1]?.trim();
        const mimeType = declared && declared !== "application/octet-stream" ? declared : mimeOf(fileName);
        uploads.set(key, { kind: "upload", fileName, mimeType, size: data.length, data: Buffer.from(data) });
      } else {
        fields[key] = formValue(key, data.toString("utf8"));
      }
    }
    pos = next;
  }
  // grammY sends `document: "attach://<id>"` plus a part named <id>; curl -F sends the part under the field name.
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) return uploads.get(value.slice(9)) ?? value;
    if (Array.isArray(value)) return value.map(resolve);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const params = resolve(fields) as Params;
  const referenced = JSON.stringify(fields);
  for (const [key, upload] of uploads) if (!(key in params) && !referenced.includes(`attach://${key}`)) params[key] = upload;
  return params;
}

export function reply(res: http.ServerResponse, status: number, body: Envelope): void {
  if (res.destroyed || res.writableEnded) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
