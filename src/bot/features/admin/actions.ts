// Scope: private chats; admins (the composer is mounted behind the role filter; every call
// re-checks the row's working group). What the admin area's buttons do: turn the pages, open a
// card, deactivate / reactivate, choose an agency's head, read the audit trail.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { fullName, localizeDigits, truncate } from "../../../domain/text";
import { localName } from "../../../i18n";
import { AUDIT_PAGE_SIZE, auditPage } from "../../../services/audit-trail";
import { isAdminOf } from "../../../services/authz";
import { setReferenceRowActive } from "../../../services/reference-data/changes";
import { agencyOfficials, setAgencyHead } from "../../../services/reference-data/heads";
import { workingGroupNames } from "../../../services/working-groups";
import { admin as B } from "../../../buttons";
import type { BotContext } from "../../context";
import { auditLineText } from "../../presenters/audit-entry";
import { refusedOr, showScreen } from "../../reply";
import { startAdd, startRename } from "./edit-flow";
import { ENTITY_OF, MAX_PAGE, showCard, showGroupHome, showGroups, showList } from "./screens";

export const actions = new Composer<BotContext>();

actions.command("admin", (ctx) => showGroups(ctx));

actions.callbackQuery(B.adminHome.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showGroups(ctx);
});

actions.callbackQuery(B.adminGroupPage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminGroupPage.unpack(ctx.callbackQuery.data);
  if (p) await showGroups(ctx, p.section, p.page);
});

actions.callbackQuery(B.adminGroup.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminGroup.unpack(ctx.callbackQuery.data);
  if (p) await showGroupHome(ctx, p.groupId);
});

actions.callbackQuery(B.adminList.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminList.unpack(ctx.callbackQuery.data);
  if (p) await showList(ctx, ENTITY_OF[p.entity], p.groupId, p.page);
});

actions.callbackQuery(B.adminItem.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminItem.unpack(ctx.callbackQuery.data);
  if (p) await showCard(ctx, ENTITY_OF[p.entity], p.id);
});

actions.callbackQuery(B.adminAdd.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminAdd.unpack(ctx.callbackQuery.data);
  if (!p) return;
  if (!isAdminOf(ctx.user, p.groupId)) {
    await ctx.reply(ctx.t("admin-forbidden"));
    return;
  }
  await startAdd(ctx, ENTITY_OF[p.entity], p.groupId);
});

actions.callbackQuery(B.adminRename.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminRename.unpack(ctx.callbackQuery.data);
  if (p) await startRename(ctx, ENTITY_OF[p.entity], p.id);
});

actions.callbackQuery(B.adminSetActive.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminSetActive.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const entity = ENTITY_OF[p.entity];
  const result = await refusedOr(ctx, () => setReferenceRowActive(ctx.deps, ctx.user, { entity, id: p.id, active: p.active === "1" }));
  if (!result) return;
  if (result.changed) {
    ctx.logger.info({ entity, id: p.id, active: result.row.active }, "reference data (de)activated");
    // News, then the card again below it.
    await ctx.reply(ctx.t(result.row.active ? "admin-reactivated" : "admin-deactivated", { name: localName(result.row, ctx.locale) }));
    await showCard(ctx, entity, p.id, { asNew: true });
  } else {
    await showCard(ctx, entity, p.id);
  }
});

actions.callbackQuery(B.adminHeads.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminHeads.unpack(ctx.callbackQuery.data);
  const found = p ? await refusedOr(ctx, () => agencyOfficials(ctx.deps, ctx.user, p.agencyId)) : undefined;
  if (!found) return;
  const { agency, officials } = found;
  const keyboard = new InlineKeyboard();
  for (const official of officials) {
    const name = truncate(fullName(official.user), 40);
    const label = official.isAgencyHead ? ctx.t("admin-head-current", { name }) : name;
    keyboard.text(label, B.adminSetHead.pack({ agencyId: agency.id, membershipId: official.id })).row();
  }
  keyboard.text(ctx.t("button-back"), B.adminItem.pack({ entity: "ag", id: agency.id }));
  const text = officials.length > 0 ? ctx.t("admin-pick-head", { agency: localName(agency, ctx.locale) }) : ctx.t("admin-no-officials", { agency: localName(agency, ctx.locale) });
  await showScreen(ctx, text, keyboard);
});

actions.callbackQuery(B.adminSetHead.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminSetHead.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const result = await refusedOr(ctx, () => setAgencyHead(ctx.deps, ctx.user, p));
  if (!result) return;
  if (result.changed) ctx.logger.info({ agencyId: p.agencyId, membershipId: p.membershipId }, "agency head set");
  await ctx.reply(ctx.t("admin-head-set", { name: fullName(result.head) }));
  await showCard(ctx, "agency", p.agencyId, { asNew: true });
});

/** A page of the audit trail: a group's (groupId) or the entries of no group (null, global admins). */
async function showAudit(ctx: BotContext, groupId: number | null, page: number): Promise<void> {
  const found = await refusedOr(ctx, () => auditPage(ctx.deps, ctx.user, groupId, Math.max(0, Math.min(page, MAX_PAGE))));
  if (!found) return;
  const group = groupId === null ? null : await workingGroupNames(ctx.deps, groupId);
  const title = ctx.t("admin-audit-title", {
    group: groupId === null ? ctx.t("admin-audit-global-name") : group ? localName(group, ctx.locale) : "—",
    total: found.total,
    page: localizeDigits(String(found.page + 1), ctx.locale),
    pages: localizeDigits(String(found.pages), ctx.locale),
  });
  const lines = found.lines.map((line, index) => auditLineText(ctx, line, found.page * AUDIT_PAGE_SIZE + index + 1));
  const turn = (to: number) => (groupId === null ? B.adminAuditGlobal.pack({ page: to }) : B.adminAudit.pack({ groupId, page: to }));
  const keyboard = new InlineKeyboard();
  if (found.page > 0) keyboard.text(ctx.t("button-previous"), turn(found.page - 1));
  if (found.page < found.pages - 1) keyboard.text(ctx.t("button-next"), turn(found.page + 1));
  keyboard.row().text(ctx.t("button-back"), groupId === null ? B.adminHome.pack() : B.adminGroup.pack({ groupId }));
  const body = lines.length > 0 ? lines.join("\n") : ctx.t("admin-audit-empty");
  await showScreen(ctx, `${title}\n\n${body}`, keyboard);
}

actions.callbackQuery(B.adminAudit.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminAudit.unpack(ctx.callbackQuery.data);
  if (p) await showAudit(ctx, p.groupId, p.page);
});

actions.callbackQuery(B.adminAuditGlobal.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.adminAuditGlobal.unpack(ctx.callbackQuery.data);
  if (p) await showAudit(ctx, null, p.page);
});
