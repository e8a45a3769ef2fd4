/**
 * Reference memberships (DOMAIN.md §4.1): dated, sourced, never-overlapping intervals per
 * (organisation, member). `to` is exclusive: a row applies when from ≤ date < to. A suspension is
 * a `suspended` interval that splits the membership, never a deletion (ACCESS.md §3 step 4 counts
 * only `member` rows current today, so a suspended or departed state loses access at once).
 *
 * Real-world data is to the best of our knowledge (checked against public reporting up to early
 * 2026); rows marked "approximate" have a day or month that is not published. The fictional home
 * nation XHN's rows point at a fictional source on the reserved `.example` domain.
 */
import {
  rows,
  sameDate,
  withSuspensions,
  type MembershipTuple,
  type ReferenceMembership,
  type Suspension,
} from './build';

export type { MembershipStatus, ReferenceMembership } from './build';

const SRC = {
  XHN: 'https://mod.xhn.example/reference/memberships', // fictional home nation (RFC 2606 domain)
  NATO: 'https://www.nato.int/cps/en/natohq/topics_52044.htm', // "NATO member countries"
  EU: 'https://european-union.europa.eu/principles-countries-history/eu-countries_en',
  EU_GBR_WITHDRAWAL:
    'https://commission.europa.eu/strategy-and-policy/relations-united-kingdom/eu-uk-withdrawal-agreement_en',
  UN: 'https://www.un.org/en/about-us/member-states',
  UN_OBSERVERS: 'https://www.un.org/en/about-us/non-member-states',
  AU: 'https://au.int/en/member_states/countryprofiles2',
  AU_PSC: 'https://www.peaceau.org/en/', // Peace and Security Council communiqués (suspensions)
  ASEAN: 'https://asean.org/member-states/',
  ECOWAS: 'https://www.ecowas.int/member-states/',
  GCC: 'https://www.gcc-sg.org/',
  CMF: 'https://combinedmaritimeforces.com/',
  CMF_FIN:
    'https://www.dvidshub.net/news/468916/finland-joins-combined-maritime-forces-middle-east-43rd-member',
  CMF_SWE:
    'https://combinedmaritimeforces.com/2024/08/01/combined-maritime-forces-expands-to-45-nations-with-addition-of-sweden',
  CMF_ARG: 'https://www.dvidshub.net/news/480377/combined-maritime-forces-welcomes-argentina-its-46th-member',
} as const;

// ── Home nation (fictional) ────────────────────────────────────────────────────────────────────
const HOME_NATION: ReferenceMembership[] = [
  ...rows('NATO', 'member', SRC.XHN, [['XHN', '1949-04-04']]),
  ...rows('EU', 'member', SRC.XHN, [['XHN', '1993-11-01']]),
  ...rows('UN', 'member', SRC.XHN, [['XHN', '1945-10-24']]),
  ...rows('CMF', 'member', SRC.XHN, [['XHN', '2009-01-08']]), // joined when CTF 151 stood up
];

// ── NATO: 32 members, date of accession ───────────────────────────────────────────────────────
const NATO: ReferenceMembership[] = rows('NATO', 'member', SRC.NATO, [
  // Founding members: North Atlantic Treaty signed 4 April 1949.
  ...sameDate('1949-04-04', [
    'BEL',
    'CAN',
    'DNK',
    'FRA',
    'ISL',
    'ITA',
    'LUX',
    'NLD',
    'NOR',
    'PRT',
    'GBR',
    'USA',
  ]),
  ...sameDate('1952-02-18', ['GRC', 'TUR']),
  ['DEU', '1955-05-06'], // Federal Republic of Germany; unified Germany from 3 October 1990
  ['ESP', '1982-05-30'],
  ...sameDate('1999-03-12', ['CZE', 'HUN', 'POL']),
  ...sameDate('2004-03-29', ['BGR', 'EST', 'LVA', 'LTU', 'ROU', 'SVK', 'SVN']),
  ...sameDate('2009-04-01', ['ALB', 'HRV']),
  ['MNE', '2017-06-05'],
  ['MKD', '2020-03-27'],
  ['FIN', '2023-04-04'],
  ['SWE', '2024-03-07'],
]);

// ── EU: 27 members (date of accession to the Communities/Union), the UK, and candidates ──────
const EU: ReferenceMembership[] = [
  ...rows('EU', 'member', SRC.EU, [
    ...sameDate('1958-01-01', ['BEL', 'DEU', 'FRA', 'ITA', 'LUX', 'NLD']), // Treaties of Rome in force
    ...sameDate('1973-01-01', ['DNK', 'IRL']),
    ['GRC', '1981-01-01'],
    ...sameDate('1986-01-01', ['ESP', 'PRT']),
    ...sameDate('1995-01-01', ['AUT', 'FIN', 'SWE']),
    ...sameDate('2004-05-01', ['CYP', 'CZE', 'EST', 'HUN', 'LVA', 'LTU', 'MLT', 'POL', 'SVK', 'SVN']),
    ...sameDate('2007-01-01', ['BGR', 'ROU']),
    ['HRV', '2013-07-01'],
  ]),
  // The UK left at 23:00 GMT on 31 January 2020 (midnight CET): 31 January was its last day as a
  // member, so the exclusive `to` is 1 February 2020.
  ...rows('EU', 'member', SRC.EU_GBR_WITHDRAWAL, [['GBR', '1973-01-01', '2020-02-01']]),
  // Candidate status, from the European Council decision granting it.
  ...rows('EU', 'candidate', SRC.EU, [
    ['HRV', '2004-06-18', '2013-07-01'],
    ['TUR', '1999-12-11'],
    ['MKD', '2005-12-17'],
    ['MNE', '2010-12-17'],
    ['SRB', '2012-03-01'],
    ['ALB', '2014-06-27'],
    ['UKR', '2022-06-23'],
    ['MDA', '2022-06-23'],
    ['BIH', '2022-12-15'],
    ['GEO', '2023-12-14'],
  ]),
];

// ── UN: 193 Member States, date of admission as published by the UN ───────────────────────────
// Original Members carry the date they deposited ratification when later than 24 October 1945,
// as the UN's list does. Successor/continuing States: RUS continues the USSR; DEU is the date
// both German States were admitted (1973); CZE, SVK 1993; SRB 2000 (Federal Republic of Yugoslavia).
// prettier-ignore
const UN_ADMISSIONS: readonly MembershipTuple[] = [
  ['AFG', '1946-11-19'], ['ALB', '1955-12-14'], ['DZA', '1962-10-08'], ['AND', '1993-07-28'],
  ['AGO', '1976-12-01'], ['ATG', '1981-11-11'], ['ARG', '1945-10-24'], ['ARM', '1992-03-02'],
  ['AUS', '1945-11-01'], ['AUT', '1955-12-14'], ['AZE', '1992-03-02'], ['BHS', '1973-09-18'],
  ['BHR', '1971-09-21'], ['BGD', '1974-09-17'], ['BRB', '1966-12-09'], ['BLR', '1945-10-24'],
  ['BEL', '1945-12-27'], ['BLZ', '1981-09-25'], ['BEN', '1960-09-20'], ['BTN', '1971-09-21'],
  ['BOL', '1945-11-14'], ['BIH', '1992-05-22'], ['BWA', '1966-10-17'], ['BRA', '1945-10-24'],
  ['BRN', '1984-09-21'], ['BGR', '1955-12-14'], ['BFA', '1960-09-20'], ['BDI', '1962-09-18'],
  ['CPV', '1975-09-16'], ['KHM', '1955-12-14'], ['CMR', '1960-09-20'], ['CAN', '1945-11-09'],
  ['CAF', '1960-09-20'], ['TCD', '1960-09-20'], ['CHL', '1945-10-24'], ['CHN', '1945-10-24'],
  ['COL', '1945-11-05'], ['COM', '1975-11-12'], ['COG', '1960-09-20'], ['CRI', '1945-11-02'],
  ['CIV', '1960-09-20'], ['HRV', '1992-05-22'], ['CUB', '1945-10-24'], ['CYP', '1960-09-20'],
  ['CZE', '1993-01-19'], ['PRK', '1991-09-17'], ['COD', '1960-09-20'], ['DNK', '1945-10-24'],
  ['DJI', '1977-09-20'], ['DMA', '1978-12-18'], ['DOM', '1945-10-24'], ['ECU', '1945-12-21'],
  ['EGY', '1945-10-24'], ['SLV', '1945-10-24'], ['GNQ', '1968-11-12'], ['ERI', '1993-05-28'],
  ['EST', '1991-09-17'], ['SWZ', '1968-09-24'], ['ETH', '1945-11-13'], ['FJI', '1970-10-13'],
  ['FIN', '1955-12-14'], ['FRA', '1945-10-24'], ['GAB', '1960-09-20'], ['GMB', '1965-09-21'],
  ['GEO', '1992-07-31'], ['DEU', '1973-09-18'], ['GHA', '1957-03-08'], ['GRC', '1945-10-25'],
  ['GRD', '1974-09-17'], ['GTM', '1945-11-21'], ['GIN', '1958-12-12'], ['GNB', '1974-09-17'],
  ['GUY', '1966-09-20'], ['HTI', '1945-10-24'], ['HND', '1945-12-17'], ['HUN', '1955-12-14'],
  ['ISL', '1946-11-19'], ['IND', '1945-10-30'], ['IDN', '1950-09-28'], ['IRN', '1945-10-24'],
  ['IRQ', '1945-12-21'], ['IRL', '1955-12-14'], ['ISR', '1949-05-11'], ['ITA', '1955-12-14'],
  ['JAM', '1962-09-18'], ['JPN', '1956-12-18'], ['JOR', '1955-12-14'], ['KAZ', '1992-03-02'],
  ['KEN', '1963-12-16'], ['KIR', '1999-09-14'], ['KWT', '1963-05-14'], ['KGZ', '1992-03-02'],
  ['LAO', '1955-12-14'], ['LVA', '1991-09-17'], ['LBN', '1945-10-24'], ['LSO', '1966-10-17'],
  ['LBR', '1945-11-02'], ['LBY', '1955-12-14'], ['LIE', '1990-09-18'], ['LTU', '1991-09-17'],
  ['LUX', '1945-10-24'], ['MDG', '1960-09-20'], ['MWI', '1964-12-01'], ['MYS', '1957-09-17'],
  ['MDV', '1965-09-21'], ['MLI', '1960-09-28'], ['MLT', '1964-12-01'], ['MHL', '1991-09-17'],
  ['MRT', '1961-10-27'], ['MUS', '1968-04-24'], ['MEX', '1945-11-07'], ['FSM', '1991-09-17'],
  ['MCO', '1993-05-28'], ['MNG', '1961-10-27'], ['MNE', '2006-06-28'], ['MAR', '1956-11-12'],
  ['MOZ', '1975-09-16'], ['MMR', '1948-04-19'], ['NAM', '1990-04-23'], ['NRU', '1999-09-14'],
  ['NPL', '1955-12-14'], ['NLD', '1945-12-10'], ['NZL', '1945-10-24'], ['NIC', '1945-10-24'],
  ['NER', '1960-09-20'], ['NGA', '1960-10-07'], ['MKD', '1993-04-08'], ['NOR', '1945-11-27'],
  ['OMN', '1971-10-07'], ['PAK', '1947-09-30'], ['PLW', '1994-12-15'], ['PAN', '1945-11-13'],
  ['PNG', '1975-10-10'], ['PRY', '1945-10-24'], ['PER', '1945-10-31'], ['PHL', '1945-10-24'],
  ['POL', '1945-10-24'], ['PRT', '1955-12-14'], ['QAT', '1971-09-21'], ['KOR', '1991-09-17'],
  ['MDA', '1992-03-02'], ['ROU', '1955-12-14'], ['RUS', '1945-10-24'], ['RWA', '1962-09-18'],
  ['KNA', '1983-09-23'], ['LCA', '1979-09-18'], ['VCT', '1980-09-16'], ['WSM', '1976-12-15'],
  ['SMR', '1992-03-02'], ['STP', '1975-09-16'], ['SAU', '1945-10-24'], ['SEN', '1960-09-28'],
  ['SRB', '2000-11-01'], ['SYC', '1976-09-21'], ['SLE', '1961-09-27'], ['SGP', '1965-09-21'],
  ['SVK', '1993-01-19'], ['SVN', '1992-05-22'], ['SLB', '1978-09-19'], ['SOM', '1960-09-20'],
  ['ZAF', '1945-11-07'], ['SSD', '2011-07-14'], ['ESP', '1955-12-14'], ['LKA', '1955-12-14'],
  ['SDN', '1956-11-12'], ['SUR', '1975-12-04'], ['SWE', '1946-11-19'], ['CHE', '2002-09-10'],
  ['SYR', '1945-10-24'], ['TJK', '1992-03-02'], ['THA', '1946-12-16'], ['TLS', '2002-09-27'],
  ['TGO', '1960-09-20'], ['TON', '1999-09-14'], ['TTO', '1962-09-18'], ['TUN', '1956-11-12'],
  ['TUR', '1945-10-24'], ['TKM', '1992-03-02'], ['TUV', '2000-09-05'], ['UGA', '1962-10-25'],
  ['UKR', '1945-10-24'], ['ARE', '1971-12-09'], ['GBR', '1945-10-24'], ['TZA', '1961-12-14'],
  ['USA', '1945-10-24'], ['URY', '1945-12-18'], ['UZB', '1992-03-02'], ['VUT', '1981-09-15'],
  ['VEN', '1945-11-15'], ['VNM', '1977-09-20'], ['YEM', '1947-09-30'], ['ZMB', '1964-12-01'],
  ['ZWE', '1980-08-25'],
];

const UN: ReferenceMembership[] = [
  ...rows('UN', 'member', SRC.UN, UN_ADMISSIONS),
  // Non-member observer States.
  ...rows('UN', 'observer', SRC.UN_OBSERVERS, [
    ['VAT', '1964-04-06'], // Holy See: permanent observer since 6 April 1964
    ['PSE', '2012-11-29'], // State of Palestine: GA resolution 67/19
  ]),
];

// ── AU: 55 members; suspensions split membership ─────────────────────────────────────────────
// Founding members are the 53 OAU members at the AU's launch (2002-07-09), including the Sahrawi
// Arab Democratic Republic (ESH). Morocco, which had left the OAU in 1984, joined on 2017-01-30.
// Suspensions follow PSC decisions; the lifting date is the exclusive end. Older suspensions
// (Togo 2005, Mauritania 2005–07 and 2008–09, Guinea 2008–10, Niger 2010–11, Guinea-Bissau
// 2012–14, Burkina Faso 2015) are not recorded here.
const AU_FOUNDED = '2002-07-09';
// prettier-ignore
const AU_FOUNDING_MEMBERS = [
  'DZA', 'AGO', 'BEN', 'BWA', 'BFA', 'BDI', 'CPV', 'CMR', 'CAF', 'TCD', 'COM', 'COG', 'COD', 'CIV',
  'DJI', 'EGY', 'GNQ', 'ERI', 'SWZ', 'ETH', 'GAB', 'GMB', 'GHA', 'GIN', 'GNB', 'KEN', 'LSO', 'LBR',
  'LBY', 'MDG', 'MWI', 'MLI', 'MRT', 'MUS', 'MOZ', 'NAM', 'NER', 'NGA', 'RWA', 'STP', 'SEN', 'SYC',
  'SLE', 'SOM', 'ZAF', 'SDN', 'TZA', 'TGO', 'TUN', 'UGA', 'ZMB', 'ZWE', 'ESH',
] as const;
const AU_LATER_MEMBERS: readonly MembershipTuple[] = [
  ['SSD', '2011-07-27'], // requisite affirmations received 26 July, admission announced 27 July 2011
  ['MAR', '2017-01-30'], // 28th AU Assembly, Addis Ababa
];
const AU_SUSPENSIONS: Readonly<Record<string, readonly Suspension[]>> = {
  MDG: [
    ['2009-03-20', '2014-01-27'],
    ['2025-10-15'], // PSC 1306th meeting, after the military takeover of 14 October 2025
  ],
  CIV: [['2010-12-09', '2011-04-21']],
  MLI: [
    ['2012-03-23', '2012-10-24'],
    ['2020-08-19', '2020-10-09'], // lifted once the transitional government was installed
    ['2021-06-01'], // second coup (24 May 2021)
  ],
  CAF: [['2013-03-25', '2016-04-06']],
  EGY: [['2013-07-05', '2014-06-17']],
  SDN: [['2019-06-06', '2019-09-06'], ['2021-10-27']],
  GIN: [['2021-09-10', '2026-01-22']], // lifted by the PSC (1325th meeting) after the Dec 2025 election
  BFA: [['2022-01-31']],
  NER: [['2023-08-22']],
  GAB: [['2023-08-31', '2025-04-30']],
  GNB: [['2025-11-28']], // PSC 1315th meeting, after the coup of 26 November 2025
};

const AU: ReferenceMembership[] = [...sameDate(AU_FOUNDED, AU_FOUNDING_MEMBERS), ...AU_LATER_MEMBERS].flatMap(
  ([iso3, joined]) =>
    withSuspensions('AU', iso3, joined, AU_SUSPENSIONS[iso3] ?? [], {
      member: SRC.AU,
      suspended: SRC.AU_PSC,
    }),
);

// ── ASEAN: 10 members, plus Timor-Leste (observer 2022, 11th member 2025) ────────────────────
const ASEAN: ReferenceMembership[] = [
  ...rows('ASEAN', 'member', SRC.ASEAN, [
    ...sameDate('1967-08-08', ['IDN', 'MYS', 'PHL', 'SGP', 'THA']), // Bangkok Declaration
    ['BRN', '1984-01-07'],
    ['VNM', '1995-07-28'],
    ...sameDate('1997-07-23', ['LAO', 'MMR']),
    ['KHM', '1999-04-30'],
    ['TLS', '2025-10-26'], // admitted at the 47th ASEAN Summit, Kuala Lumpur
  ]),
  // Observer status agreed in principle at the 40th/41st Summits, Phnom Penh, 11 November 2022.
  ...rows('ASEAN', 'observer', SRC.ASEAN, [['TLS', '2022-11-11', '2025-10-26']]),
];

// ── ECOWAS: 15 founding signatories + Cape Verde; Mauritania left 2000; the AES states 2025 ──
// ECOWAS suspensions from its decision-making bodies after coups (Mali, Guinea, Burkina Faso,
// Niger, Guinea-Bissau) are not modelled: they suspend participation, not membership.
const ECOWAS_FOUNDED = '1975-05-28';
const ECOWAS: ReferenceMembership[] = [
  ...rows('ECOWAS', 'member', SRC.ECOWAS, [
    ...sameDate(ECOWAS_FOUNDED, [
      'BEN',
      'CIV',
      'GMB',
      'GHA',
      'GIN',
      'GNB',
      'LBR',
      'NGA',
      'SEN',
      'SLE',
      'TGO',
    ]),
    // Mali, Burkina Faso and Niger (Alliance of Sahel States): withdrawal effective 29 January 2025.
    ...(['MLI', 'BFA', 'NER'] as const).map((iso3) => [iso3, ECOWAS_FOUNDED, '2025-01-29'] as const),
    // Mauritania gave notice in December 1999; withdrawal took effect in December 2000
    // (approximate: the day is not published, 2000-12-31 used).
    ['MRT', ECOWAS_FOUNDED, '2000-12-31'],
    ['CPV', '1977-01-01'], // joined 1977 (approximate: day and month not published)
  ]),
  // Associate-membership agreement signed in August 2017 (approximate day).
  ...rows('ECOWAS', 'partner', SRC.ECOWAS, [['MRT', '2017-08-09']]),
];

// ── GCC: six founding members ────────────────────────────────────────────────────────────────
const GCC: ReferenceMembership[] = rows(
  'GCC',
  'member',
  SRC.GCC,
  sameDate('1981-05-25', ['ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'SAU']),
);

// ── CMF: member nations ──────────────────────────────────────────────────────────────────────
// CMF publishes its member list but not joining dates. Dates marked "approx" are indicative only
// (the year the nation is known to have been taking part); exact dates come from CMF / NAVCENT
// announcements where one exists. Partner (non-member) nations such as Djibouti and Oman are not
// listed.
const CMF: ReferenceMembership[] = [
  ...rows('CMF', 'member', SRC.CMF, [
    // approx: early Operation Enduring Freedom maritime contributors, CTF 150 (2002)
    ...sameDate('2002-02-01', ['USA', 'GBR', 'FRA', 'DEU', 'AUS', 'CAN', 'ITA', 'NLD', 'ESP', 'NZL']),
    // approx: Pakistan joined CTF 150 in 2004; Gulf partners with CTF 152 (2004)
    ...sameDate('2004-01-01', ['PAK', 'BHR', 'KWT', 'SAU', 'ARE']),
    // approx: counter-piracy CTF 151 stood up on 8 January 2009
    ...sameDate('2009-01-08', ['DNK', 'GRC', 'PRT', 'TUR', 'BEL', 'NOR', 'JPN', 'KOR', 'SGP', 'JOR', 'YEM']),
    ...sameDate('2010-01-01', ['THA', 'MYS', 'PHL', 'IRQ']), // approx
    ['SYC', '2013-01-01'], // approx
    ['QAT', '2016-01-01'], // approx: not yet a member at the January 2015 force commanders' conference
    ['BRA', '2018-07-30'], // 33rd member
    ['EGY', '2021-01-01'], // approx
    ...sameDate('2023-01-01', ['KEN', 'IND', 'COL']), // approx
    ['LKA', '2023-11-20'], // 39th member
    ['ECU', '2024-01-11'], // 40th member
    ['POL', '2024-02-01'], // approx
    ...sameDate('2024-05-14', ['LBN', 'ALB']), // approx: announced 14 May 2024
  ]),
  ...rows('CMF', 'member', SRC.CMF_FIN, [['FIN', '2024-04-17']]), // 43rd member
  ...rows('CMF', 'member', SRC.CMF_SWE, [['SWE', '2024-07-16']]),
  ...rows('CMF', 'member', SRC.CMF_ARG, [['ARG', '2024-09-04']]), // 46th member
];

export const REFERENCE_MEMBERSHIPS: readonly ReferenceMembership[] = [
  ...HOME_NATION,
  ...NATO,
  ...EU,
  ...UN,
  ...AU,
  ...ASEAN,
  ...ECOWAS,
  ...GCC,
  ...CMF,
];
