/**
 * The sandbox's demo working group, built at start by the services the bot uses: people come
 * in as the bot would first see them (loadUser), units are registered by their producers
 * (registerUnit), phones verified (verifyPhone); only the staff memberships are written
 * directly, as no service grants them without an invitation link (the seed and the test
 * fixtures do the same). The cases, meeting and broadcast follow in demo-cases.ts. Only the
 * sandbox loads this file (the dependency rules check it).
 */
import type { Container } from "../container";
import { parseLegalEntityId } from "../domain/identifiers";
import { linkSecretariatChat } from "../services/secretariat-chat";
import { registerUnit, reportAgencies, verifyPhone } from "../services/units";
import { loadUser, type SessionUser } from "../services/users";
import { buildDemoCases, type DemoWorld } from "./demo-cases";
import { ADMIN_PERSONA, DEMO_GROUP, PERSONAS, SECRETARIAT_CHAT_ID, type Persona } from "./personas";

/** A checksum-valid legal-entity id (شناسه ملی) from its first ten digits. */
function legalId(first10: string): string {
  const coefficients = [29, 27, 23, 19, 17];
  const addend = Number(first10[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += (Number(first10[i]) + addend) * (coefficients[i % 5] ?? 0);
  const id = `${first10}${(sum % 11) % 10}`;
  if (!parseLegalEntityId(id).ok) throw new Error(`demo legal id ${id} is not valid`);
  return id;
}

async function person(container: Container, persona: Persona): Promise<SessionUser> {
  return loadUser(
    container.db,
    { id: persona.telegramId, is_bot: false, first_name: persona.firstName, last_name: persona.lastName, language_code: "fa" },
    { adminTelegramIds: container.config.ADMIN_TELEGRAM_IDS, defaultLocale: "fa" },
  );
}

const reload = (container: Container, persona: Persona) => person(container, persona);

/** True when an earlier run already built the demo in this database (a given DATABASE_URL). */
export async function demoExists(container: Container): Promise<boolean> {
  const producer = PERSONAS[0] as Persona;
  const user = await container.db.user.findUnique({ where: { telegramId: String(producer.telegramId) }, select: { id: true } });
  return user !== null;
}

export async function buildDemo(container: Container): Promise<DemoWorld> {
  const group = await container.db.workingGroup.findUniqueOrThrow({ where: { code: DEMO_GROUP } });
  const byKey = (key: string) => PERSONAS.find((p) => p.id === key) as Persona;
  const users = new Map<string, SessionUser>();
  for (const persona of PERSONAS.filter((p) => !p.newcomer)) users.set(persona.id, await person(container, persona));
  const id = (key: string) => (users.get(key) as SessionUser).id;

  const [gas] = await reportAgencies(container, group.id, ["GAS"]);
  const [bank] = await reportAgencies(container, group.id, ["BANK"]);
  if (!gas || !bank) throw new Error(`the ${DEMO_GROUP} working group has no gas company or bank`);
  await container.db.membership.createMany({
    data: [
      { userId: id("secretariat"), workingGroupId: group.id, role: "SECRETARIAT" },
      { userId: id("chair"), workingGroupId: group.id, role: "CHAIR" },
      { userId: id("official"), workingGroupId: group.id, role: "OFFICIAL", agencyId: gas.id },
      { userId: id("head"), workingGroupId: group.id, role: "OFFICIAL", agencyId: gas.id, isAgencyHead: true },
      { userId: id("bank"), workingGroupId: group.id, role: "OFFICIAL", agencyId: bank.id },
    ],
  });

  // The producers verify their phones and register their units, as the onboarding does.
  await verifyPhone(container, id("producer"), "09121234567");
  await verifyPhone(container, id("producer2"), "09131234567");
  const tile = await registerUnit(container, id("producer"), {
    name: "کاشی و سرامیک کرمان", legalId: legalId("1086123456"), licenceNo: "۱۲۳۴۵/۹۸", workingGroupId: group.id,
    county: "کرمان", sector: "INDUSTRY", activityStatus: "ACTIVE", employees: 120,
  });
  const food = await registerUnit(container, id("producer2"), {
    name: "صنایع غذایی پسته رفسنجان", legalId: legalId("1086987654"), licenceNo: null, workingGroupId: group.id,
    county: "رفسنجان", sector: "AGRICULTURE", activityStatus: "SEMI_ACTIVE", employees: 45,
  });

  // Staff with their memberships now (loadUser reads them), and the group chat linked.
  for (const key of ["secretariat", "chair", "official", "head", "bank"]) users.set(key, await reload(container, byKey(key)));
  await linkSecretariatChat(container, users.get("secretariat") as SessionUser, String(SECRETARIAT_CHAT_ID));

  const world: DemoWorld = {
    workingGroupId: group.id,
    gasAgencyId: gas.id,
    bankAgencyId: bank.id,
    units: { tile: tile.id, food: food.id },
    users: Object.fromEntries(users),
    admin: users.get(ADMIN_PERSONA.id) as SessionUser,
  };
  await buildDemoCases(container, world);
  return world;
}
