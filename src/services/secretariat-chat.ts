/**
 * The secretariat's group chat: a Telegram group linked to one working group, where new-case
 * alerts are posted too (src/services/case-alerts.ts). Only a secretariat member of exactly
 * one working group links or unlinks it (a global admin must ask a member): the chat then
 * belongs to that group without a question.
 */
import type { Deps } from "../deps";
import { refusal } from "../domain/refusal";
import { secretariatGroups } from "./authz";
import type { SessionUser } from "./users";

const notAllowed = () => refusal("group-link", "not-allowed");

/** The one working group the user works as secretariat. */
function ownGroup(user: SessionUser): number {
  const scope = secretariatGroups(user);
  const only = !scope.all && scope.ids.length === 1 ? scope.ids[0] : undefined;
  if (only === undefined) throw notAllowed();
  return only;
}

/** Makes `chatId` the secretariat chat of the user's working group; returns the group's names. */
export async function linkSecretariatChat(deps: Pick<Deps, "db">, user: SessionUser, chatId: string) {
  const workingGroupId = ownGroup(user);
  return deps.db.workingGroup.update({
    where: { id: workingGroupId },
    data: { secretariatChatId: chatId },
    select: { id: true, nameFa: true, nameEn: true },
  });
}

/** Unlinks `chatId`, when it is the secretariat chat of the user's working group. */
export async function unlinkSecretariatChat(deps: Pick<Deps, "db">, user: SessionUser, chatId: string): Promise<void> {
  const workingGroupId = ownGroup(user);
  const unlinked = await deps.db.workingGroup.updateMany({
    where: { id: workingGroupId, secretariatChatId: chatId },
    data: { secretariatChatId: null },
  });
  if (unlinked.count === 0) throw notAllowed();
}
