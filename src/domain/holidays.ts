/**
 * Iran's official public holidays, as Jalali "YYYY/MM/DD" (Latin digits), per Jalali year.
 *
 * Solar holidays are fixed. The lunar ones (Islamic calendar) were computed once with Intl's
 * "islamic-umalqura" calendar and written here as data. The official Iranian calendar follows
 * moon sighting, so a lunar holiday may fall a day earlier or later than listed: the deployment
 * adds or removes dates through configuration once the official calendar is announced.
 * Each line notes the occasion, the Hijri date it was computed from, and the Gregorian date.
 */

export const NATIONAL_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  1405: [
    "1405/01/01", // Nowruz; Eid al-Fitr, 2nd day (2 Shawwal 1447), 2026-03-21
    "1405/01/02", // Nowruz, 2026-03-22
    "1405/01/03", // Nowruz, 2026-03-23
    "1405/01/04", // Nowruz, 2026-03-24
    "1405/01/12", // Islamic Republic Day, 2026-04-01
    "1405/01/13", // Nature Day, 2026-04-02
    "1405/01/24", // Imam Sadiq (25 Shawwal 1447), 2026-04-13
    "1405/03/06", // Eid al-Adha (10 Dhu al-Hijjah 1447), 2026-05-27
    "1405/03/14", // demise of Imam Khomeini; Eid al-Ghadir (18 Dhu al-Hijjah 1447), 2026-06-04
    "1405/03/15", // 15 Khordad uprising, 2026-06-05
    "1405/04/03", // Tasua (9 Muharram 1448), 2026-06-24
    "1405/04/04", // Ashura (10 Muharram 1448), 2026-06-25
    "1405/05/12", // Arbaeen (20 Safar 1448), 2026-08-03
    "1405/05/20", // demise of the Prophet, Imam Hasan (28 Safar 1448), 2026-08-11
    "1405/05/22", // Imam Reza (end of Safar) (30 Safar 1448), 2026-08-13
    "1405/05/30", // Imam Hasan Askari (8 Rabi I 1448), 2026-08-21
    "1405/06/08", // Mawlid (17 Rabi I 1448), 2026-08-30
    "1405/08/22", // Fatimah (3 Jumada II 1448), 2026-11-13
    "1405/10/01", // birth of Imam Ali (13 Rajab 1448), 2026-12-22
    "1405/10/15", // Mab'ath (27 Rajab 1448), 2027-01-05
    "1405/11/03", // 15 Sha'ban (15 Sha'ban 1448), 2027-01-23
    "1405/11/22", // Revolution Day, 2027-02-11
    "1405/12/09", // martyrdom of Imam Ali (21 Ramadan 1448), 2027-02-28
    "1405/12/18", // Eid al-Fitr (1 Shawwal 1448), 2027-03-09
    "1405/12/19", // Eid al-Fitr, 2nd day (2 Shawwal 1448), 2027-03-10
    "1405/12/29", // oil nationalisation, 2027-03-20
  ],
  1406: [
    "1406/01/01", // Nowruz, 2027-03-21
    "1406/01/02", // Nowruz, 2027-03-22
    "1406/01/03", // Nowruz, 2027-03-23
    "1406/01/04", // Nowruz, 2027-03-24
    "1406/01/12", // Islamic Republic Day, 2027-04-01
    "1406/01/13", // Nature Day; Imam Sadiq (25 Shawwal 1448), 2027-04-02
    "1406/02/26", // Eid al-Adha (10 Dhu al-Hijjah 1448), 2027-05-16
    "1406/03/03", // Eid al-Ghadir (18 Dhu al-Hijjah 1448), 2027-05-24
    "1406/03/14", // demise of Imam Khomeini, 2027-06-04
    "1406/03/15", // 15 Khordad uprising, 2027-06-05
    "1406/03/24", // Tasua (9 Muharram 1449), 2027-06-14
    "1406/03/25", // Ashura (10 Muharram 1449), 2027-06-15
    "1406/05/02", // Arbaeen (20 Safar 1449), 2027-07-24
    "1406/05/10", // demise of the Prophet, Imam Hasan (28 Safar 1449), 2027-08-01
    "1406/05/11", // Imam Reza (end of Safar) (29 Safar 1449), 2027-08-02
    "1406/05/19", // Imam Hasan Askari (8 Rabi I 1449), 2027-08-10
    "1406/05/28", // Mawlid (17 Rabi I 1449), 2027-08-19
    "1406/08/11", // Fatimah (3 Jumada II 1449), 2027-11-02
    "1406/09/20", // birth of Imam Ali (13 Rajab 1449), 2027-12-11
    "1406/10/04", // Mab'ath (27 Rajab 1449), 2027-12-25
    "1406/10/22", // 15 Sha'ban (15 Sha'ban 1449), 2028-01-12
    "1406/11/22", // Revolution Day, 2028-02-11
    "1406/11/28", // martyrdom of Imam Ali (21 Ramadan 1449), 2028-02-17
    "1406/12/07", // Eid al-Fitr (1 Shawwal 1449), 2028-02-26
    "1406/12/08", // Eid al-Fitr, 2nd day (2 Shawwal 1449), 2028-02-27
    "1406/12/29", // oil nationalisation, 2028-03-19
  ],
};

/** The national holidays of a Jalali year (a fresh array; empty for years not listed). */
export function holidaysFor(year: number): string[] {
  return [...(NATIONAL_HOLIDAYS[year] ?? [])];
}
