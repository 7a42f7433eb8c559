import type { Composer } from "grammy";
import type { BotContext } from "../context";
import { language } from "./language";
import { start } from "./start";
import { registration } from "./registration";
import { report } from "./report";
import { cases } from "./cases";

/** Every feature's composer, in the order they see updates. Flows come before catch-alls. */
export const features: Array<Composer<BotContext>> = [start, language, registration, report, cases];
