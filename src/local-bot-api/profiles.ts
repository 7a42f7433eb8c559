/**
 * Whose Bot API the local one behaves like. Telegram's is the reference; Bale's (بله) follows
 * it with documented differences, each one a field here so a test can prove the bot copes:
 *
 * - parse modes: Bale renders no HTML entities. A `parse_mode` it does not know is refused
 *   with 400 (Tashil drops parse_mode on Bale before a call leaves: src/bot/api.ts), so a
 *   message that slipped through with HTML fails loudly here instead of showing tags there.
 * - the webhook secret: Bale sends no X-Telegram-Bot-Api-Secret-Token header (the secret goes
 *   into the webhook's path instead: src/server.ts webhookRoute).
 * - the command menu: setMyCommands and its siblings do not exist on Bale (404).
 * - webhook ports and upload limits: see the values below.
 *
 * What README's "Running on Bale" says about which of these are Bale's documentation and which
 * are assumptions holds here too.
 */
export type ProfileName = "telegram" | "bale";

export interface Profile {
  name: ProfileName;
  /** Parse modes the platform renders; any other value is refused with 400. */
  parseModes: readonly string[];
  /** Whether webhook deliveries carry the secret-token header setWebhook was given. */
  secretTokenHeader: boolean;
  /** Methods the platform does not have: answered 404 like any unknown method. */
  missingMethods: ReadonlySet<string>;
  /**
   * Ports a webhook URL may use (undefined: any). Loopback URLs are exempt: the local Bot API
   * posts to the bot on this machine, which no real platform could reach anyway.
   */
  webhookPorts?: readonly number[];
  /** Whether setWebhook insists on https:// (again except loopback). */
  webhookHttpsOnly: boolean;
  /** Largest upload in bytes, by kind: a photo, and any other file. */
  maxUploadBytes: { photo: number; document: number };
  /** Largest file getFile hands a download path for. */
  maxDownloadBytes: number;
}

const MB = 1024 * 1024;

/** core.telegram.org/bots/api: setWebhook "Ports currently supported: 443, 80, 88, 8443"; sendPhoto 10 MB; other files 50 MB; getFile 20 MB. */
export const TELEGRAM: Profile = {
  name: "telegram",
  parseModes: ["HTML", "MarkdownV2", "Markdown"],
  secretTokenHeader: true,
  missingMethods: new Set(),
  webhookPorts: [443, 80, 88, 8443],
  webhookHttpsOnly: true,
  maxUploadBytes: { photo: 10 * MB, document: 50 * MB },
  maxDownloadBytes: 20 * MB,
};

/**
 * Bale (docs.bale.ai, tapi.bale.ai): the same request encodings and response envelope as
 * Telegram's. No HTML parse mode (only its own Markdown-like formatting), no secret-token
 * header, no command-menu methods, webhooks on any HTTPS port; files up to 20 MB either way.
 */
export const BALE: Profile = {
  name: "bale",
  parseModes: ["Markdown"],
  secretTokenHeader: false,
  missingMethods: new Set(["setMyCommands", "getMyCommands", "deleteMyCommands", "setChatMenuButton"]),
  webhookHttpsOnly: true,
  maxUploadBytes: { photo: 20 * MB, document: 20 * MB },
  maxDownloadBytes: 20 * MB,
};

export const PROFILES: Record<ProfileName, Profile> = { telegram: TELEGRAM, bale: BALE };
