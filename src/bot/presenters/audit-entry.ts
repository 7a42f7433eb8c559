/**
 * How an audit entry reads in the admin's list: when, who, and what changed, in the reader's
 * language ("۱. ۱۴۰۵/۰۹/۱۲ ساعت ۱۰:۳۰ · Modir · دستگاه «…» تغییر نام داد به «…»").
 */
import { formatJalaliDate } from "../../domain/jalali";
import { fullName, localizeDigits, truncate } from "../../domain/text";
import { localName, type Locale } from "../../i18n";
import type { AuditLine } from "../../services/audit-trail";
import type { BotContext } from "../context";

const NAME_WIDTH = 60;

function namesOf(value: Record<string, unknown> | null): { nameFa: string; nameEn: string } | null {
  if (!value || typeof value.nameFa !== "string" || typeof value.nameEn !== "string") return null;
  return { nameFa: value.nameFa, nameEn: value.nameEn };
}

function nameIn(value: Record<string, unknown> | null, locale: Locale): string {
  const names = namesOf(value);
  return names ? truncate(localName(names, locale), NAME_WIDTH) : "—";
}

function headsIn(value: Record<string, unknown> | null): string {
  const heads = Array.isArray(value?.heads) ? (value.heads as Array<{ name?: unknown }>) : [];
  const names = heads.map((head) => (typeof head.name === "string" ? head.name : "")).filter(Boolean);
  return names.length > 0 ? names.join("، ") : "—";
}

/** What happened, as a sentence. */
export function auditWhat(ctx: BotContext, line: AuditLine): string {
  const locale = ctx.locale;
  const entity = ctx.t(`admin-entity-${line.entityType}`);
  const subject = line.after ?? line.before;
  switch (line.action) {
    case "renamed":
      return ctx.t("admin-audit-renamed", { entity, before: nameIn(line.before, locale), after: nameIn(line.after, locale) });
    case "head_set":
      return ctx.t("admin-audit-head-set", { name: nameIn(line.after, locale), before: headsIn(line.before), after: headsIn(line.after) });
    case "created":
    case "deactivated":
    case "reactivated":
      return ctx.t(`admin-audit-${line.action}`, { entity, name: nameIn(line.after, locale) });
    case "invitation_accepted":
    case "granted":
    case "revoked": {
      const role = typeof subject?.role === "string" ? ctx.t(`invitations-role-${subject.role}`) : "—";
      const person = typeof subject?.name === "string" ? subject.name : "—";
      return ctx.t(`admin-audit-membership-${line.action}`, { role, person });
    }
    case "added":
    case "removed":
    case "left": {
      const person = typeof subject?.name === "string" ? subject.name : "—";
      const unit = typeof subject?.unit === "string" ? subject.unit : "—";
      return ctx.t(`reps-audit-${line.action}`, { person, unit });
    }
    case "activity_changed": {
      const unit = typeof subject?.unit === "string" ? subject.unit : "—";
      const status = (value: Record<string, unknown> | null) => (typeof value?.status === "string" ? ctx.t(`activity-${value.status}`) : "—");
      return ctx.t("restart-audit-activity_changed", { unit, from: status(line.before), to: status(line.after) });
    }
    default:
      return `${entity} · ${line.action}`;
  }
}

/** One numbered line of the list. */
export function auditLineText(ctx: BotContext, line: AuditLine, number: number): string {
  return ctx.t("admin-audit-line", {
    number: localizeDigits(String(number), ctx.locale),
    when: formatJalaliDate(line.at, ctx.locale, { time: true }),
    actor: line.actor ? fullName(line.actor) : ctx.t("admin-audit-system"),
    what: auditWhat(ctx, line),
  });
}
