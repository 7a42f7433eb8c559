/**
 * The people of the sandbox's demo working group (Kerman), each a persona of the page: who
 * they are to the bot (a Telegram id, a name, a language) and which chats they see. The demo
 * (demo.ts) gives them their roles through the services; the admin is an admin by
 * ADMIN_TELEGRAM_IDS, as in production.
 */
export interface Persona {
  id: string;
  telegramId: number;
  firstName: string;
  lastName: string;
  /** What the page's tab says (Persian first, English after). */
  roleFa: string;
  roleEn: string;
  /** The secretariat's group chat is shown to this persona too. */
  seesGroup: boolean;
  /** Someone the bot has never seen (no demo data): for onboarding and invitation links. */
  newcomer?: boolean;
}

export const DEMO_GROUP = "KRM";
/** The secretariat's Telegram group (a supergroup id, negative as Telegram's are). */
export const SECRETARIAT_CHAT_ID = -1009100000001;
export const SECRETARIAT_CHAT_TITLE = "دبیرخانه کارگروه تسهیل کرمان";

const BASE = 910_000_000;

export const PERSONAS: readonly Persona[] = [
  { id: "producer", telegramId: BASE + 1, firstName: "رضا", lastName: "کریمی", roleFa: "تولیدکننده (کاشی کرمان)", roleEn: "producer", seesGroup: false },
  { id: "producer2", telegramId: BASE + 2, firstName: "مریم", lastName: "احمدی", roleFa: "تولیدکننده (صنایع غذایی)", roleEn: "producer", seesGroup: false },
  { id: "secretariat", telegramId: BASE + 3, firstName: "سارا", lastName: "دبیری", roleFa: "دبیرخانه", roleEn: "secretariat", seesGroup: true },
  { id: "chair", telegramId: BASE + 4, firstName: "محمد", lastName: "رئیسی", roleFa: "رئیس کارگروه", roleEn: "chair", seesGroup: true },
  { id: "official", telegramId: BASE + 5, firstName: "علی", lastName: "رحیمی", roleFa: "کارشناس شرکت گاز", roleEn: "official", seesGroup: false },
  { id: "head", telegramId: BASE + 6, firstName: "حسن", lastName: "سرپرست", roleFa: "مدیر شرکت گاز", roleEn: "agency head", seesGroup: false },
  { id: "bank", telegramId: BASE + 7, firstName: "زهرا", lastName: "بانکی", roleFa: "کارشناس بانک", roleEn: "official", seesGroup: false },
  { id: "admin", telegramId: BASE + 8, firstName: "مدیر", lastName: "سامانه", roleFa: "مدیر سامانه", roleEn: "admin", seesGroup: false },
  { id: "guest", telegramId: BASE + 9, firstName: "نیما", lastName: "تازه‌وارد", roleFa: "تازه‌وارد (بدون نقش)", roleEn: "newcomer", seesGroup: false, newcomer: true },
];

export function personaByKey(key: string): Persona | undefined {
  return PERSONAS.find((p) => p.id === key);
}

export const ADMIN_PERSONA = PERSONAS.find((p) => p.id === "admin") as Persona;
