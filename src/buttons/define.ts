/**
 * Typed callback payloads, in the style of grammY's callback-data helpers: a button is declared
 * once (a prefix and typed fields), then packed into callback data, matched by a filter and
 * unpacked from untrusted data. Telegram refuses callback data over 64 bytes; `pack` fails
 * loudly past that, at the change that caused it, never at delivery.
 *
 * Wire format: `prefix[:field…]`, fields in declaration order. Unpacking never trusts the data:
 * an id is a positive integer of at most nine digits, a word matches its pattern, a choice is
 * one of its values; anything else unpacks to null (and the filter does not match it).
 */
export const MAX_CALLBACK_BYTES = 64;

/** A field of a payload: a positive id, a signed integer, a short word, or one of fixed values. */
export type FieldSpec =
  | "id"
  | "int"
  | "word"
  | "digits"
  | readonly [string, ...string[]]
  | { readonly pattern: string };

type FieldValue<F extends FieldSpec> = F extends "id" | "int"
  ? number
  : F extends "word" | "digits"
    ? string
    : F extends readonly string[]
      ? F[number]
      : F extends { pattern: string }
        ? string
        : never;

export type PayloadOf<F extends Record<string, FieldSpec>> = { [K in keyof F]: FieldValue<F[K]> };

export interface Button<F extends Record<string, FieldSpec>> {
  readonly prefix: string;
  /** Matches this button's callback data exactly (for `composer.callbackQuery`). */
  readonly filter: RegExp;
  pack(values: PayloadOf<F>): string;
  /** The typed payload, or null when the data is not this button's or is malformed. */
  unpack(data: string | undefined): PayloadOf<F> | null;
}

/** A button with no fields: its data is its prefix. */
export interface PlainButton {
  readonly prefix: string;
  readonly filter: RegExp;
  pack(): string;
  unpack(data: string | undefined): Record<string, never> | null;
}

const PATTERNS: Record<"id" | "int" | "word" | "digits", string> = {
  id: "[1-9]\\d{0,8}",
  int: "-?\\d{1,9}",
  word: "[A-Za-z0-9_-]{1,40}",
  digits: "\\d{1,16}",
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function patternOf(spec: FieldSpec): string {
  if (typeof spec === "string") return PATTERNS[spec];
  if ("pattern" in spec) return `(?:${spec.pattern})`;
  return `(?:${spec.map(escape).join("|")})`;
}

export function checkLength(data: string): string {
  if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

const registry = new Map<string, RegExp>();

/** Every declared prefix (a test checks they do not shadow each other). */
export function declaredButtons(): ReadonlyMap<string, RegExp> {
  return registry;
}

export function button(prefix: string): PlainButton;
export function button<const F extends Record<string, FieldSpec>>(prefix: string, fields: F): Button<F>;
export function button<const F extends Record<string, FieldSpec>>(prefix: string, fields?: F): Button<F> | PlainButton {
  const names = Object.keys(fields ?? {}) as Array<keyof F & string>;
  const specs = names.map((name) => (fields as F)[name] as FieldSpec);
  const filter = new RegExp(`^${escape(prefix)}${specs.map((spec) => `:(${patternOf(spec)})`).join("")}$`);
  if (registry.has(prefix)) throw new Error(`button prefix declared twice: ${prefix}`);
  registry.set(prefix, filter);
  return {
    prefix,
    filter,
    pack(values?: PayloadOf<F>): string {
      const parts = [prefix, ...names.map((name) => String((values as PayloadOf<F>)[name]))];
      const data = checkLength(parts.join(":"));
      if (!filter.test(data)) throw new Error(`callback data does not match its own button ${prefix}: ${data}`);
      return data;
    },
    unpack(data: string | undefined) {
      if (!data) return null;
      const match = filter.exec(data);
      if (!match) return null;
      const out: Record<string, string | number> = {};
      names.forEach((name, index) => {
        const raw = match[index + 1] as string;
        const spec = specs[index];
        out[name] = spec === "id" || spec === "int" ? Number(raw) : raw;
      });
      return out as PayloadOf<F>;
    },
  } as Button<F>;
}
