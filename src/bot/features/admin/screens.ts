// Scope: private chats; admins only (the feature's composer filters by role, and every service
// call re-checks the group). The admin area's screens: which working group, a group's home, a
// page of its agencies / counties / industrial estates, and one row's card.
import { InlineKeyboard } from "grammy";
import { pageWindow } from "../../../domain/pagination";
import { fullName, localizeDigits, truncate } from "../../../domain/text";
import { localName } from "../../../i18n";
import { isAdmin, isGlobalAdmin } from "../../../services/authz";
import { administeredGroups, referenceCard, referenceRows, type ReferenceEntity, type ReferenceRow } from "../../../services/reference-data/catalog";
import { admin as B } from "../../../buttons";
import type { EntityCode } from "../../../buttons/admin";
import type { BotContext } from "../../context";
import { groupPickerKeyboard, type GroupSection } from "../../presenters/picker";
import { refusedOr, showScreen } from "../../reply";

export const ROWS_PER_PAGE = 10;
/** A page number from a button is never trusted beyond this. */
export const MAX_PAGE = 1000;

export const ENTITY_OF: Record<EntityCode, ReferenceEntity> = { ag: "agency", co: "county", es: "estate" };
export const CODE_OF: Record<ReferenceEntity, EntityCode> = { agency: "ag", county: "co", estate: "es" };

export const canAdminister = (ctx: BotContext): boolean => isAdmin(ctx.user);

const clampPage = (page: number) => Math.max(0, Math.min(page, MAX_PAGE));

/** Which group: the only one straight away, else provinces / free zones, a page at a time. */
export async function showGroups(ctx: BotContext, section: GroupSection = "p", page = 0): Promise<void> {
  const groups = await administeredGroups(ctx.deps, ctx.user);
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) {
    await showGroupHome(ctx, only.id);
    return;
  }
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const keyboard = groupPickerKeyboard(ctx, groups, {
    pick: (group) => B.adminGroup.pack({ groupId: group.id }),
    turn: (tab, to) => B.adminGroupPage.pack({ section: tab, page: to }),
    section,
    page: clampPage(page),
  });
  if (isGlobalAdmin(ctx.user)) keyboard.row().text(ctx.t("admin-audit-global-button"), B.adminAuditGlobal.pack({ page: 0 }));
  await showScreen(ctx, ctx.t("admin-pick-group"), keyboard);
}

/** A group's home: its three lists (with counts) and its audit trail. */
export async function showGroupHome(ctx: BotContext, workingGroupId: number, options: { asNew?: boolean } = {}): Promise<void> {
  const lists = await refusedOr(ctx, async () => ({
    agency: await referenceRows(ctx.deps, ctx.user, "agency", workingGroupId),
    county: await referenceRows(ctx.deps, ctx.user, "county", workingGroupId),
    estate: await referenceRows(ctx.deps, ctx.user, "estate", workingGroupId),
  }));
  if (!lists) return;
  const count = (rows: ReferenceRow[]) => rows.length;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("admin-list-agency", { count: count(lists.agency.rows) }), B.adminList.pack({ groupId: workingGroupId, entity: "ag", page: 0 }))
    .row()
    .text(ctx.t("admin-list-county", { count: count(lists.county.rows) }), B.adminList.pack({ groupId: workingGroupId, entity: "co", page: 0 }))
    .row()
    .text(ctx.t("admin-list-estate", { count: count(lists.estate.rows) }), B.adminList.pack({ groupId: workingGroupId, entity: "es", page: 0 }))
    .row()
    .text(ctx.t("admin-audit-button"), B.adminAudit.pack({ groupId: workingGroupId, page: 0 }))
    .row();
  if ((await administeredGroups(ctx.deps, ctx.user)).length > 1) keyboard.text(ctx.t("admin-all-groups"), B.adminHome.pack());
  await showScreen(ctx, ctx.t("admin-group-home", { group: localName(lists.agency.group, ctx.locale) }), keyboard, options);
}

/** "⛔ name" for an inactive row: still listed (it can be reactivated), plainly marked. */
export function rowLabel(ctx: BotContext, row: ReferenceRow, width = 50): string {
  const name = truncate(localName(row, ctx.locale), width);
  return row.active ? name : ctx.t("admin-inactive-label", { name });
}

/** A page of a group's rows of one kind, each a button to its card; add; back to the group. */
export async function showList(ctx: BotContext, entity: ReferenceEntity, workingGroupId: number, page: number, options: { asNew?: boolean } = {}): Promise<void> {
  const listed = await refusedOr(ctx, () => referenceRows(ctx.deps, ctx.user, entity, workingGroupId));
  if (!listed) return;
  const { rows, group } = listed;
  const window = pageWindow(rows.length, ROWS_PER_PAGE, clampPage(page));
  const keyboard = new InlineKeyboard();
  for (const row of rows.slice(window.offset, window.offset + ROWS_PER_PAGE)) {
    keyboard.text(rowLabel(ctx, row), B.adminItem.pack({ entity: CODE_OF[entity], id: row.id })).row();
  }
  const code = CODE_OF[entity];
  if (window.page > 0) keyboard.text(ctx.t("button-previous"), B.adminList.pack({ groupId: workingGroupId, entity: code, page: window.page - 1 }));
  if (window.page < window.pages - 1) keyboard.text(ctx.t("button-next"), B.adminList.pack({ groupId: workingGroupId, entity: code, page: window.page + 1 }));
  keyboard.row().text(ctx.t(`admin-add-${entity}`), B.adminAdd.pack({ groupId: workingGroupId, entity: code }));
  keyboard.row().text(ctx.t("button-back"), B.adminGroup.pack({ groupId: workingGroupId }));
  const inactive = rows.filter((row) => !row.active).length;
  const text = ctx.t(`admin-list-title-${entity}`, {
    group: localName(group, ctx.locale),
    total: rows.length,
    inactive,
    page: localizeDigits(String(window.page + 1), ctx.locale),
    pages: localizeDigits(String(window.pages), ctx.locale),
  });
  await showScreen(ctx, text, keyboard, options);
}

/** One row: both names, its kind (agencies), active or not, its head(s); what can be done. */
export async function showCard(ctx: BotContext, entity: ReferenceEntity, id: number, options: { asNew?: boolean } = {}): Promise<void> {
  const card = await refusedOr(ctx, () => referenceCard(ctx.deps, ctx.user, entity, id));
  if (!card) return;
  const { row, heads } = card;
  const code = CODE_OF[entity];
  const lines = [
    ctx.t(`admin-card-title-${entity}`),
    ctx.t("admin-card-name-fa", { name: row.nameFa }),
    ctx.t("admin-card-name-en", { name: row.nameEn }),
  ];
  if (row.kind) lines.push(ctx.t("admin-card-kind", { kind: ctx.t(`admin-kind-${row.kind}`) }));
  lines.push(ctx.t(row.active ? "admin-card-active" : "admin-card-inactive"));
  if (entity === "agency") lines.push(ctx.t("admin-card-head", { heads: heads.length > 0 ? heads.map((head) => fullName(head)).join("، ") : ctx.t("admin-card-no-head") }));
  const keyboard = new InlineKeyboard().text(ctx.t("admin-rename"), B.adminRename.pack({ entity: code, id: row.id }));
  keyboard.text(ctx.t(row.active ? "admin-deactivate" : "admin-reactivate"), B.adminSetActive.pack({ entity: code, id: row.id, active: row.active ? "0" : "1" }));
  if (entity === "agency") keyboard.row().text(ctx.t("admin-set-head"), B.adminHeads.pack({ agencyId: row.id }));
  keyboard.row().text(ctx.t("button-back"), B.adminList.pack({ groupId: row.workingGroupId, entity: code, page: 0 }));
  await showScreen(ctx, lines.join("\n"), keyboard, options);
}
