import { I18n } from "@grammyjs/i18n";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "grammy";

export const LOCALES = ["fa", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALES_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../locales");

export function isLocale(value: unknown): value is Locale {
  return value === "fa" || value === "en";
}

/** Telegram's language_code → ours: English speakers get en, everyone else Persian. */
export function localeFromTelegram(languageCode: string | undefined, fallback: Locale = "fa"): Locale {
  if (!languageCode) return fallback;
  return languageCode.toLowerCase().startsWith("en") ? "en" : "fa";
}

/** A name kept in both languages (working groups, agencies, counties), in the reader's. */
export function localName(named: { nameFa: string; nameEn: string }, locale: Locale): string {
  return locale === "fa" ? named.nameFa : named.nameEn;
}

export type Translator = (locale: Locale, key: string, variables?: Record<string, string | number>) => string;

export function createI18n<C extends Context>(defaultLocale: Locale): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIRECTORY,
    // Unicode isolation marks would leak into plain-text messages (and Bale shows them).
    fluentBundleOptions: { useIsolating: false },
    useSession: false,
    // The user middleware has already decided (session choice, then the stored language).
    localeNegotiator: (ctx) => (ctx as unknown as { locale?: string }).locale ?? defaultLocale,
  });
  rememberMatchedBundles(i18n.fluent);
  return i18n;
}

/**
 * The plugin negotiates the locale against its bundles (Intl subtag matching) on every string it
 * renders — a screen's text and each of its buttons — which was 5 % of the bot's CPU per update.
 * The bundles are loaded once, here, from locales/, and never change afterwards, so the match
 * for a locale is kept: the same Set the plugin would build, computed once per locale list.
 */
type BundleMatcher = { matchBundles(locales: string[]): Set<unknown> };

function rememberMatchedBundles(fluent: I18n["fluent"]): void {
  // A private method of the plugin (pinned at 1.1.2; test/unit/locales.test.ts fails if it goes).
  const plugin = fluent as unknown as BundleMatcher;
  if (typeof plugin.matchBundles !== "function") throw new Error("@grammyjs/i18n no longer has Fluent.matchBundles: see src/i18n.ts");
  const match = plugin.matchBundles.bind(fluent);
  const matched = new Map<string, Set<unknown>>();
  plugin.matchBundles = (locales) => {
    const key = locales.join("\n");
    let bundles = matched.get(key);
    if (!bundles) {
      bundles = match(locales);
      matched.set(key, bundles);
    }
    return bundles;
  };
}

/** Renders a message outside an update (outbox notices, reminders) in the recipient's language. */
export function translatorFor<C extends Context>(i18n: I18n<C>): Translator {
  return (locale, key, variables) => i18n.t(locale, key, variables);
}
