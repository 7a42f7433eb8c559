import type { Message } from "grammy/types";
import { truncate } from "../domain/text";
import type { DraftAttachment } from "../services/cases";

const ALLOWED_DOCUMENT_TYPES = new Set([
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);

/** A photo or an allowed document from a message, or why not (too big, wrong type), or null. */
export function attachmentFrom(message: Message, maxBytes: number): DraftAttachment | "too_big" | "bad_type" | null {
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo[message.photo.length - 1];
    if (!largest) return null;
    if ((largest.file_size ?? 0) > maxBytes) return "too_big";
    return { kind: "PHOTO", fileId: largest.file_id, fileUniqueId: largest.file_unique_id, fileName: null, mimeType: "image/jpeg", sizeBytes: largest.file_size ?? null };
  }
  if (message.document) {
    const doc = message.document;
    if ((doc.file_size ?? 0) > maxBytes) return "too_big";
    if (!doc.mime_type || !ALLOWED_DOCUMENT_TYPES.has(doc.mime_type)) return "bad_type";
    return {
      kind: "DOCUMENT",
      fileId: doc.file_id,
      fileUniqueId: doc.file_unique_id,
      fileName: doc.file_name ? truncate(doc.file_name, 200) : null,
      mimeType: doc.mime_type,
      sizeBytes: doc.file_size ?? null,
    };
  }
  return null;
}
