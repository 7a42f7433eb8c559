import type { Db } from "../db";
import type { AgencyKind, WorkingGroupKind } from "../generated/prisma/enums";

interface WorkingGroupSeed {
  code: string;
  kind: WorkingGroupKind;
  nameFa: string;
  nameEn: string;
  counties?: Array<[fa: string, en: string]>;
}

/** The 31 provinces and the free zones; each has a working group of its own. */
export const WORKING_GROUPS: WorkingGroupSeed[] = [
  { code: "EAZ", kind: "PROVINCE", nameFa: "آذربایجان شرقی", nameEn: "East Azerbaijan", counties: [["تبریز", "Tabriz"], ["مراغه", "Maragheh"], ["مرند", "Marand"], ["اهر", "Ahar"], ["میانه", "Mianeh"]] },
  { code: "WAZ", kind: "PROVINCE", nameFa: "آذربایجان غربی", nameEn: "West Azerbaijan", counties: [["ارومیه", "Urmia"], ["خوی", "Khoy"], ["مهاباد", "Mahabad"], ["میاندوآب", "Miandoab"], ["بوکان", "Bukan"], ["سلماس", "Salmas"]] },
  { code: "ARD", kind: "PROVINCE", nameFa: "اردبیل", nameEn: "Ardabil" },
  { code: "ISF", kind: "PROVINCE", nameFa: "اصفهان", nameEn: "Isfahan", counties: [["اصفهان", "Isfahan"], ["کاشان", "Kashan"], ["نجف‌آباد", "Najafabad"], ["خمینی‌شهر", "Khomeyni Shahr"], ["شاهین‌شهر", "Shahin Shahr"]] },
  { code: "ALB", kind: "PROVINCE", nameFa: "البرز", nameEn: "Alborz" },
  { code: "ILM", kind: "PROVINCE", nameFa: "ایلام", nameEn: "Ilam" },
  { code: "BSH", kind: "PROVINCE", nameFa: "بوشهر", nameEn: "Bushehr" },
  { code: "THR", kind: "PROVINCE", nameFa: "تهران", nameEn: "Tehran", counties: [["تهران", "Tehran"], ["ری", "Rey"], ["اسلامشهر", "Eslamshahr"], ["شهریار", "Shahriar"], ["ورامین", "Varamin"], ["پاکدشت", "Pakdasht"]] },
  { code: "CHB", kind: "PROVINCE", nameFa: "چهارمحال و بختیاری", nameEn: "Chaharmahal and Bakhtiari" },
  { code: "SKH", kind: "PROVINCE", nameFa: "خراسان جنوبی", nameEn: "South Khorasan" },
  { code: "RKH", kind: "PROVINCE", nameFa: "خراسان رضوی", nameEn: "Razavi Khorasan" },
  { code: "NKH", kind: "PROVINCE", nameFa: "خراسان شمالی", nameEn: "North Khorasan" },
  { code: "KHZ", kind: "PROVINCE", nameFa: "خوزستان", nameEn: "Khuzestan", counties: [["اهواز", "Ahvaz"], ["آبادان", "Abadan"], ["دزفول", "Dezful"], ["ماهشهر", "Mahshahr"], ["بهبهان", "Behbahan"], ["شوشتر", "Shushtar"]] },
  { code: "ZNJ", kind: "PROVINCE", nameFa: "زنجان", nameEn: "Zanjan" },
  { code: "SMN", kind: "PROVINCE", nameFa: "سمنان", nameEn: "Semnan" },
  { code: "SBL", kind: "PROVINCE", nameFa: "سیستان و بلوچستان", nameEn: "Sistan and Baluchestan" },
  { code: "FRS", kind: "PROVINCE", nameFa: "فارس", nameEn: "Fars" },
  { code: "QZV", kind: "PROVINCE", nameFa: "قزوین", nameEn: "Qazvin" },
  { code: "QOM", kind: "PROVINCE", nameFa: "قم", nameEn: "Qom", counties: [["قم", "Qom"]] },
  { code: "KRD", kind: "PROVINCE", nameFa: "کردستان", nameEn: "Kurdistan" },
  { code: "KRM", kind: "PROVINCE", nameFa: "کرمان", nameEn: "Kerman", counties: [["کرمان", "Kerman"], ["رفسنجان", "Rafsanjan"], ["سیرجان", "Sirjan"], ["بم", "Bam"], ["جیرفت", "Jiroft"], ["زرند", "Zarand"]] },
  { code: "KSH", kind: "PROVINCE", nameFa: "کرمانشاه", nameEn: "Kermanshah" },
  { code: "KBA", kind: "PROVINCE", nameFa: "کهگیلویه و بویراحمد", nameEn: "Kohgiluyeh and Boyer-Ahmad" },
  { code: "GLS", kind: "PROVINCE", nameFa: "گلستان", nameEn: "Golestan" },
  { code: "GIL", kind: "PROVINCE", nameFa: "گیلان", nameEn: "Gilan" },
  { code: "LRS", kind: "PROVINCE", nameFa: "لرستان", nameEn: "Lorestan" },
  { code: "MZN", kind: "PROVINCE", nameFa: "مازندران", nameEn: "Mazandaran" },
  { code: "MRK", kind: "PROVINCE", nameFa: "مرکزی", nameEn: "Markazi" },
  { code: "HRM", kind: "PROVINCE", nameFa: "هرمزگان", nameEn: "Hormozgan" },
  { code: "HMD", kind: "PROVINCE", nameFa: "همدان", nameEn: "Hamadan" },
  { code: "YZD", kind: "PROVINCE", nameFa: "یزد", nameEn: "Yazd" },
  { code: "KIS", kind: "FREE_ZONE", nameFa: "منطقه آزاد کیش", nameEn: "Kish Free Zone" },
  { code: "QSH", kind: "FREE_ZONE", nameFa: "منطقه آزاد قشم", nameEn: "Qeshm Free Zone" },
  { code: "CBH", kind: "FREE_ZONE", nameFa: "منطقه آزاد چابهار", nameEn: "Chabahar Free Zone" },
  { code: "ARV", kind: "FREE_ZONE", nameFa: "منطقه آزاد اروند", nameEn: "Arvand Free Zone" },
  { code: "ANZ", kind: "FREE_ZONE", nameFa: "منطقه آزاد انزلی", nameEn: "Anzali Free Zone", counties: [["بندر انزلی", "Bandar Anzali"]] },
  { code: "ARS", kind: "FREE_ZONE", nameFa: "منطقه آزاد ارس", nameEn: "Aras Free Zone" },
  { code: "MAK", kind: "FREE_ZONE", nameFa: "منطقه آزاد ماکو", nameEn: "Maku Free Zone" },
];

type AgencyTemplate = [kind: AgencyKind, fa: (place: string) => string, en: (place: string) => string];

const BANKS: AgencyTemplate[] = [
  ["BANK", (p) => `بانک ملی — مدیریت شعب ${p}`, (p) => `Bank Melli — ${p} branches`],
  ["BANK", (p) => `بانک سپه — مدیریت شعب ${p}`, (p) => `Bank Sepah — ${p} branches`],
  ["BANK", (p) => `بانک ملت — مدیریت شعب ${p}`, (p) => `Bank Mellat — ${p} branches`],
  ["BANK", (p) => `بانک تجارت — مدیریت شعب ${p}`, (p) => `Bank Tejarat — ${p} branches`],
  ["BANK", (p) => `بانک صادرات — مدیریت شعب ${p}`, (p) => `Bank Saderat — ${p} branches`],
  ["BANK", (p) => `بانک کشاورزی — مدیریت شعب ${p}`, (p) => `Bank Keshavarzi — ${p} branches`],
  ["BANK", (p) => `بانک صنعت و معدن — شعبه ${p}`, (p) => `Bank of Industry and Mine — ${p}`],
  ["BANK", (p) => `بانک توسعه تعاون — شعبه ${p}`, (p) => `Tose'e Ta'avon Bank — ${p}`],
];

const PROVINCE_AGENCIES: AgencyTemplate[] = [
  ...BANKS,
  ["ELECTRICITY", (p) => `شرکت توزیع نیروی برق ${p}`, (p) => `${p} Power Distribution Company`],
  ["ELECTRICITY", (p) => `شرکت برق منطقه‌ای ${p}`, (p) => `${p} Regional Electric Company`],
  ["GAS", (p) => `شرکت گاز استان ${p}`, (p) => `${p} Gas Company`],
  ["WATER", (p) => `شرکت آب و فاضلاب استان ${p}`, (p) => `${p} Water and Wastewater Company`],
  ["WATER", (p) => `شرکت آب منطقه‌ای ${p}`, (p) => `${p} Regional Water Company`],
  ["TELECOM", (p) => `شرکت مخابرات استان ${p}`, (p) => `${p} Telecommunication Company`],
  ["TAX", (p) => `اداره کل امور مالیاتی ${p}`, (p) => `${p} Tax Administration`],
  ["SOCIAL_SECURITY", (p) => `اداره کل تأمین اجتماعی ${p}`, (p) => `${p} Social Security Organization`],
  ["ENVIRONMENT", (p) => `اداره کل حفاظت محیط زیست ${p}`, (p) => `${p} Department of Environment`],
  ["NATURAL_RESOURCES", (p) => `اداره کل منابع طبیعی و آبخیزداری ${p}`, (p) => `${p} Natural Resources and Watershed Management`],
  ["INDUSTRIAL_ESTATES", (p) => `شرکت شهرک‌های صنعتی ${p}`, (p) => `${p} Industrial Estates Company`],
  ["LAND_AFFAIRS", (p) => `امور اراضی ${p}`, (p) => `${p} Land Affairs`],
  ["CUSTOMS", (p) => `اداره کل گمرک ${p}`, (p) => `${p} Customs`],
  ["INDUSTRY_MINE_TRADE", (p) => `سازمان صنعت، معدن و تجارت ${p}`, (p) => `${p} Industry, Mine and Trade Organization`],
  ["AGRICULTURE", (p) => `سازمان جهاد کشاورزی ${p}`, (p) => `${p} Agriculture Jihad Organization`],
  ["FUEL", (p) => `شرکت ملی پخش فرآورده‌های نفتی — منطقه ${p}`, (p) => `NIOPDC — ${p} region`],
  ["GOVERNORATE", (p) => `استانداری ${p} — معاونت هماهنگی امور اقتصادی`, (p) => `${p} Governorate — Economic Affairs`],
];

const FREE_ZONE_AGENCIES: AgencyTemplate[] = [
  ...BANKS.slice(0, 5),
  ["GOVERNORATE", (p) => `سازمان ${p} — معاونت اقتصادی و سرمایه‌گذاری`, (p) => `${p} Organization — Economic and Investment Deputy`],
  ["ELECTRICITY", (p) => `برق ${p}`, (p) => `${p} Electricity`],
  ["GAS", (p) => `گاز ${p}`, (p) => `${p} Gas`],
  ["WATER", (p) => `آب و فاضلاب ${p}`, (p) => `${p} Water and Wastewater`],
  ["CUSTOMS", (p) => `گمرک ${p}`, (p) => `${p} Customs`],
  ["TAX", (p) => `امور مالیاتی ${p}`, (p) => `${p} Tax Affairs`],
  ["SOCIAL_SECURITY", (p) => `تأمین اجتماعی ${p}`, (p) => `${p} Social Security`],
  ["ENVIRONMENT", (p) => `محیط زیست ${p}`, (p) => `${p} Environment`],
  ["INDUSTRIAL_ESTATES", (p) => `شهرک‌های صنعتی ${p}`, (p) => `${p} Industrial Estates`],
];

/**
 * Idempotent: safe to run on every deploy. Insert-only by a stable seed key (the Persian name a
 * row was first seeded under, Agency.seedKey / County.seedKey): a row whose key is already in
 * the group is left exactly as it is — renamed, deactivated or re-kinded by an admin from the
 * bot (src/services/reference-data/) — so a rename never brings the old name back as a second
 * row. Working groups are matched by code and never updated either.
 */
export async function seedReferenceData(db: Db, codes?: readonly string[]): Promise<void> {
  for (const group of WORKING_GROUPS) {
    if (codes && !codes.includes(group.code)) continue;
    const row = await db.workingGroup.upsert({
      where: { code: group.code },
      create: { code: group.code, kind: group.kind, nameFa: group.nameFa, nameEn: group.nameEn },
      update: {},
    });
    const templates = group.kind === "FREE_ZONE" ? FREE_ZONE_AGENCIES : PROVINCE_AGENCIES;
    // ON CONFLICT DO NOTHING on either unique key: the seed key (the row is there, maybe
    // changed by an admin) or the Persian name (an admin already added a row so named).
    await db.agency.createMany({
      data: templates.map(([kind, fa, en]) => ({ workingGroupId: row.id, kind, nameFa: fa(group.nameFa), nameEn: en(group.nameEn), seedKey: fa(group.nameFa) })),
      skipDuplicates: true,
    });
    if (group.counties) {
      await db.county.createMany({
        data: group.counties.map(([nameFa, nameEn]) => ({ workingGroupId: row.id, nameFa, nameEn, seedKey: nameFa })),
        skipDuplicates: true,
      });
    }
  }
}
