import type { Composer } from "grammy";
import type { BotContext } from "../context";
import { language } from "./language";
import { start } from "./start";
import { registration } from "./registration";
import { report } from "./report";
import { cases } from "./cases";
import { invitations } from "./invitations";
import { queue } from "./queue";
import { triage } from "./triage";
import { tasks } from "./tasks";
import { rating } from "./rating";
import { meetings } from "./meetings";
import { broadcasts } from "./broadcasts";
import { secretariatGroup } from "./secretariat-group";
import { statistics } from "./statistics";

/** Every feature's composer, in the order they see updates. Flows come before catch-alls. */
export const features: Array<Composer<BotContext>> = [start, language, registration, report, cases, invitations, queue, triage, tasks, rating, meetings, broadcasts, statistics, secretariatGroup];
