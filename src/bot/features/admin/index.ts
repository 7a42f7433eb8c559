// Reference data without code: the admin area (/admin) where an administrator of a working
// group adds, renames, deactivates and reactivates its agencies, counties and industrial
// estates, sets an agency's head and reads the audit trail. Admins only: anyone else — and any
// forged admin button — is told it is not for them, and nothing changes (the services re-check
// the group of every row in any case).
import { Composer } from "../../composer";
import { admin as B } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { actions } from "./actions";
import { editFlow } from "./edit-flow";
import { canAdminister } from "./screens";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter(canAdminister).use(editFlow.composer, actions);

const outsider = chat.filter((ctx) => !canAdminister(ctx));
outsider.command("admin", staffOnly("admin"));
const everyButton = [
  B.adminHome, B.adminGroupPage, B.adminGroup, B.adminList, B.adminItem, B.adminAdd, B.adminRename,
  B.adminSetActive, B.adminHeads, B.adminSetHead, B.adminAudit, B.adminAuditGlobal, B.adminFlowBack, B.adminFlowKind, B.adminFlowKeep, B.adminFlowSave,
].map((button) => button.filter);
outsider.callbackQuery(everyButton, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-allowed"));
});

export const admin: Feature = {
  name: "admin",
  composer,
  commands: [{ command: "admin", audience: "admin" }],
  menu: [{ labelKey: "admin-menu", callback: B.adminHome.pack(), visible: canAdminister }],
};
