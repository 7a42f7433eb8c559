import type { Feature } from "../feature";
import { language } from "./language";
import { start } from "./start";
import { registration } from "./registration";
import { report } from "./report";
import { cases } from "./cases";
import { countdown } from "./countdown";
import { invitations } from "./invitations";
import { queue } from "./queue";
import { triage } from "./triage";
import { fastTrack } from "./fast-track";
import { tasks } from "./tasks";
import { rating } from "./rating";
import { meetings } from "./meetings";
import { resolutions } from "./resolutions";
import { objections } from "./objections";
import { broadcasts } from "./broadcasts";
import { batchReferral } from "./batch-referral";
import { clusters } from "./clusters";
import { representatives } from "./representatives";
import { intake } from "./intake";
import { visits } from "./visits";
import { restartPlans } from "./restart-plans";
import { secretariatGroup } from "./secretariat-group";
import { statistics } from "./statistics";
import { admin } from "./admin";
import { periodReport } from "./period-report";
import { fallback } from "./fallback";

/**
 * What the bot can do, in the order features see updates (flows before catch-alls). The bot,
 * the main menu, the deep-link dispatcher and the command menus are built from this list.
 */
export const features: Feature[] = [
  start,
  language,
  registration,
  report,
  cases,
  countdown,
  invitations,
  queue,
  triage,
  fastTrack,
  tasks,
  rating,
  meetings,
  resolutions,
  objections,
  broadcasts,
  batchReferral,
  clusters,
  representatives,
  intake,
  visits,
  restartPlans,
  statistics,
  admin,
  periodReport,
  secretariatGroup,
  fallback,
];
