// Scope: private chats; admins (re-checked by the service at save). Adding a row — an agency
// (its kind first), a county, an industrial estate — or renaming one: the Persian name, the
// English name (a rename may keep either as it is), a summary, save. Typed names go through
// src/domain/reference-names.ts (Persian/Arabic/Latin digits accepted); a name already used in
// the group is refused and asked again; leaving returns to the list or the card.
import { InlineKeyboard } from "grammy";
import { AgencyKind } from "../../../generated/prisma/enums";
import { isRefusal } from "../../../domain/refusal";
import { parseReferenceName, REFERENCE_NAME_MAX, REFERENCE_NAME_MIN, type ReferenceNameProblem } from "../../../domain/reference-names";
import { addReferenceRow, renameReferenceRow } from "../../../services/reference-data/changes";
import { referenceCard } from "../../../services/reference-data/catalog";
import type { ReferenceEntity } from "../../../services/reference-data/catalog";
import { admin as B, shared } from "../../../buttons";
import type { BotContext } from "../../context";
import { defineFlow, handled, next, on, retry, type FlowState, type StepResult } from "../../flow-engine";
import { refusedOr } from "../../reply";
import { showCard, showList } from "./screens";

const AGENCY_KINDS = Object.values(AgencyKind);

interface EditData {
  mode: "add" | "rename";
  entity: ReferenceEntity;
  workingGroupId: number;
  /** The row renamed. */
  id?: number;
  kind?: AgencyKind;
  /** The names as they were (rename). */
  currentFa?: string;
  currentEn?: string;
  nameFa?: string;
  nameEn?: string;
}
type State = FlowState<EditData>;

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.adminFlowBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

const problemKey: Record<ReferenceNameProblem, string> = {
  length: "admin-name-length",
  letters: "admin-name-letters",
  characters: "admin-name-characters",
  script: "admin-name-script",
};

function readName(text: string, language: "fa" | "en", store: (value: string) => void, then: string): StepResult {
  const read = parseReferenceName(text, language);
  if (!read.ok) return retry(`${problemKey[read.problem]}-${language}`, { min: REFERENCE_NAME_MIN, max: REFERENCE_NAME_MAX });
  store(read.value);
  return next(then);
}

async function askName(ctx: BotContext, flow: State, language: "fa" | "en"): Promise<void> {
  const current = language === "fa" ? flow.data.currentFa : flow.data.currentEn;
  const keyboard = new InlineKeyboard();
  if (flow.data.mode === "rename" && current) keyboard.text(ctx.t("admin-keep-name"), B.adminFlowKeep.pack());
  const key = flow.data.mode === "rename" ? `admin-ask-rename-${language}` : `admin-ask-name-${language}`;
  await ctx.reply(ctx.t(key, { current: current ?? "" }), { reply_markup: navigation(ctx, keyboard) });
}

async function save(ctx: BotContext, flow: State): Promise<StepResult> {
  const { data } = flow;
  if (!data.nameFa || !data.nameEn) return next("name_fa");
  try {
    if (data.mode === "add") {
      const row = await addReferenceRow(ctx.deps, ctx.user, { entity: data.entity, workingGroupId: data.workingGroupId, nameFa: data.nameFa, nameEn: data.nameEn, kind: data.kind });
      ctx.session.flow = undefined;
      ctx.logger.info({ entity: data.entity, id: row.id, workingGroupId: row.workingGroupId }, "reference data added");
      await ctx.reply(ctx.t("admin-added", { name: data.nameFa, nameEn: data.nameEn }));
      await showCard(ctx, data.entity, row.id, { asNew: true });
    } else {
      const row = await renameReferenceRow(ctx.deps, ctx.user, { entity: data.entity, id: data.id ?? 0, nameFa: data.nameFa, nameEn: data.nameEn });
      ctx.session.flow = undefined;
      ctx.logger.info({ entity: data.entity, id: row.id, workingGroupId: row.workingGroupId }, "reference data renamed");
      await ctx.reply(ctx.t("admin-renamed", { name: data.nameFa, nameEn: data.nameEn }));
      await showCard(ctx, data.entity, row.id, { asNew: true });
    }
    return handled;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // A name taken (or nothing changed): say so and ask the Persian name again.
    if (error.reason === "name-taken" || error.reason === "unchanged") {
      await ctx.reply(ctx.t(error.messageKey));
      return next("name_fa");
    }
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t(error.messageKey));
    return handled;
  }
}

export const editFlow = defineFlow<EditData>({
  name: "admin-reference",
  version: 1,
  backButton: B.adminFlowBack,
  leave: async (ctx, flow) => {
    await ctx.reply(ctx.t("cancel-done"));
    if (flow.data.mode === "rename" && flow.data.id) await showCard(ctx, flow.data.entity, flow.data.id, { asNew: true });
    else await showList(ctx, flow.data.entity, flow.data.workingGroupId, 0, { asNew: true });
  },
  steps: {
    kind: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard();
        AGENCY_KINDS.forEach((kind, index) => {
          keyboard.text(ctx.t(`admin-kind-${kind}`), B.adminFlowKind.pack({ kind }));
          if (index % 2 === 1) keyboard.row();
        });
        await ctx.reply(ctx.t("admin-ask-kind"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    name_fa: {
      ask: (ctx, flow) => askName(ctx, flow, "fa"),
      text: async (_ctx, text, flow) => readName(text, "fa", (value) => (flow.data.nameFa = value), "name_en"),
    },
    name_en: {
      ask: (ctx, flow) => askName(ctx, flow, "en"),
      text: async (_ctx, text, flow) => readName(text, "en", (value) => (flow.data.nameEn = value), "confirm"),
    },
    confirm: {
      async ask(ctx, flow) {
        const { data } = flow;
        const lines = [
          ctx.t(data.mode === "add" ? `admin-confirm-add-${data.entity}` : `admin-confirm-rename-${data.entity}`),
          ctx.t("admin-card-name-fa", { name: data.nameFa ?? "" }),
          ctx.t("admin-card-name-en", { name: data.nameEn ?? "" }),
        ];
        if (data.kind) lines.push(ctx.t("admin-card-kind", { kind: ctx.t(`admin-kind-${data.kind}`) }));
        await ctx.reply(lines.join("\n"), { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-confirm"), B.adminFlowSave.pack())) });
      },
    },
  },
  buttons: [
    on(B.adminFlowKind, async (ctx, { kind }, flow) => {
      if (flow.step !== "kind") return handled;
      const known = AGENCY_KINDS.find((value) => value === kind);
      if (!known) return retry("expected-button");
      flow.data.kind = known;
      return next("name_fa");
    }),
    on(B.adminFlowKeep, async (_ctx, _p, flow) => {
      if (flow.data.mode !== "rename") return handled;
      if (flow.step === "name_fa" && flow.data.currentFa) {
        flow.data.nameFa = flow.data.currentFa;
        return next("name_en");
      }
      if (flow.step === "name_en" && flow.data.currentEn) {
        flow.data.nameEn = flow.data.currentEn;
        return next("confirm");
      }
      return handled;
    }),
    on(B.adminFlowSave, async (ctx, _p, flow) => (flow.step === "confirm" ? save(ctx, flow) : handled)),
  ],
});

/** Starts adding a row of this kind to the group (agencies: the kind first). */
export async function startAdd(ctx: BotContext, entity: ReferenceEntity, workingGroupId: number): Promise<void> {
  await editFlow.start(ctx, entity === "agency" ? "kind" : "name_fa", { mode: "add", entity, workingGroupId });
}

/** Starts renaming a row (the admin's own, checked now and again at save). */
export async function startRename(ctx: BotContext, entity: ReferenceEntity, id: number): Promise<void> {
  const card = await refusedOr(ctx, () => referenceCard(ctx.deps, ctx.user, entity, id));
  if (!card) return;
  const { row } = card;
  await editFlow.start(ctx, "name_fa", { mode: "rename", entity, workingGroupId: row.workingGroupId, id: row.id, currentFa: row.nameFa, currentEn: row.nameEn });
}
