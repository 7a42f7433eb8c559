/** The shapes the local Bot API records, accepts and answers with (see index.ts). */
import type { Update, UserFromGetMe } from "grammy/types";
import type { ProfileName } from "./profiles";

export type Params = Record<string, unknown>;

export interface FloodLimits { globalPerSecond: number; perChatPerSecond: number; perGroupPerMinute: number }

export interface LocalBotApiOptions {
  /** Only this token is accepted (others get 401); default accepts any token. */
  token?: string;
  floodLimits?: boolean | Partial<FloodLimits>;
  /** Artificial delay before each response, to mimic a network round trip. */
  latencyMs?: number;
  botInfo?: Partial<UserFromGetMe>;
  /** Whose Bot API to behave like: Telegram's (the default) or Bale's (profiles.ts). */
  profile?: ProfileName;
}

export interface RecordedCall {
  method: string;
  params: Params;
  /** Date.now() when the request arrived (calls are appended when answered). */
  at: number;
  response: { ok: boolean; error_code?: number; description?: string; result?: unknown; dropped?: boolean };
}

export interface Failure { error_code: number; description: string; retry_after?: number }

/** What a multipart file part turns into inside recorded params. */
export interface UploadedFile { kind: "upload"; fileName: string; mimeType: string; size: number; data: Buffer }

export interface LocalUser { id: number; first_name?: string; last_name?: string; username?: string; language_code?: string }
export interface LocalDocument {
  file_id: string; file_unique_id: string; file_name?: string; mime_type?: string; file_size?: number;
  caption?: string; /** bytes served by /file/…; defaults to a short marker */ data?: Buffer | string;
}
export interface LocalPhoto {
  file_id: string; file_unique_id: string; width?: number; height?: number; file_size?: number;
  caption?: string; data?: Buffer | string;
}
export type PushableUpdate = Omit<Update, "update_id"> & { update_id?: number };
export interface LocalBotApiStats { requests: number; sent: number; tooManyRequests: number }

export type Envelope =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after: number } };

/** A refusal answered in Telegram's error envelope. */
export class ApiError extends Error {
  constructor(readonly code: number, readonly description: string, readonly retryAfter?: number) {
    super(description);
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const isUpload = (v: unknown): v is UploadedFile => isRecord(v) && v.kind === "upload" && Buffer.isBuffer(v.data);
export const unixNow = (): number => Math.floor(Date.now() / 1000);
export const flag = (v: unknown): boolean => v === true || v === "true";

export function toChatId(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}
