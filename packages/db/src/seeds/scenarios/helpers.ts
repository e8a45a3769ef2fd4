/**
 * Small builders shared by the reference scenarios: labels, places with approximate
 * coordinates, and a compact engagement spec that expands into a `SeedEngagement`
 * (actual dates and headcounts derived from the status unless given explicitly).
 * Pure data helpers: deterministic, no clock, no randomness.
 */
import type { EngagementStatus, EngagementType, ParticipationRole } from '@entente/core';
import type { LabelSpec, SeedEngagement, SeedLogicNode } from '../types';

/** International, alliance and mission organisations seeded elsewhere (reference data); referenced here, never redefined. */
export const EXTERNAL_ORG_CODES: readonly string[] = [
  'NATO', 'EU', 'UN', 'AU', 'ASEAN', 'ECOWAS', 'GCC', 'CMF', 'ECCAS', 'SADC', 'IGAD', 'OSCE',
  'MINUSCA', 'MINUSMA', 'MISCA', 'UNSOM', 'EUNAVFOR-ATALANTA', 'EUCAP-SOMALIA', 'EUTM-RCA', 'EUFOR-RCA',
  'EUTM-MALI', 'NATO-OCEAN-SHIELD', 'NATO-RSM', 'CGPCS', 'G5-SAHEL', 'ACCRA-INIT', 'IMO', 'IMO-DCOC',
];

/** Funding-source codelist entries used by the scenarios. */
export const FUNDING_SOURCE_CODES = ['XHN-DEF-BUDGET', 'XHN-MFA-PEACE', 'NATO-TF', 'EU-EPF', 'EU-APF', 'UN-TF', 'PARTNER-COFUND'] as const;
export type FundingSourceCode = (typeof FUNDING_SOURCE_CODES)[number];

/** The HUB policy groups usable in `releasableTo` besides Iso3 codes and `ORG:<code>`. */
export const RELEASE_GROUPS: readonly string[] = ['NATO', 'EU', 'UN', 'AU', 'ASEAN', 'ECOWAS', 'GCC', 'CMF'];

type Restrictive = NonNullable<LabelSpec['restrictive']>[number];

export const official = (...rel: string[]): LabelSpec => ({ level: 'HUB-OFFICIAL', releasableTo: ['XHN', ...rel] });
export const restricted = (...rel: string[]): LabelSpec => ({ level: 'HUB-RESTRICTED', releasableTo: ['XHN', ...rel] });
export const confidential = (restrictive: Restrictive[], ...rel: string[]): LabelSpec =>
  restrictive.length > 0
    ? { level: 'HUB-CONFIDENTIAL', releasableTo: ['XHN', ...rel], restrictive }
    : { level: 'HUB-CONFIDENTIAL', releasableTo: ['XHN', ...rel] };
/** Home-nation only, never exported. */
export const secret = (restrictive: Restrictive[] = []): LabelSpec =>
  restrictive.length > 0
    ? { level: 'HUB-SECRET', releasableTo: ['XHN'], restrictive, handling: ['no_export'] }
    : { level: 'HUB-SECRET', releasableTo: ['XHN'], handling: ['no_export'] };

export interface Place {
  name: string;
  iso3: string;
  lat?: number;
  lon?: number;
}

const p = (name: string, iso3: string, lat: number, lon: number): Place => ({ name, iso3, lat, lon });
/** A home-nation site: XHN is fictional, so no coordinates. */
export const home = (name: string): Place => ({ name, iso3: 'XHN' });

/** Real places with approximate coordinates (WGS84, decimal degrees). Sea points carry the nearest coastal state. */
export const PLACES = {
  // Horn of Africa and Western Indian Ocean
  djiboutiPort: p('Port of Djibouti', 'DJI', 11.595, 43.138),
  djiboutiAirport: p('Djibouti–Ambouli International Airport', 'DJI', 11.547, 43.159),
  djiboutiDrtc: p('Djibouti Regional Training Centre (Doraleh)', 'DJI', 11.588, 43.08),
  bahElMandeb: p('Bab-el-Mandeb strait', 'DJI', 12.583, 43.333),
  irtc: p('Gulf of Aden — Internationally Recommended Transit Corridor', 'SOM', 12.6, 47.0),
  gulfOfAdenEast: p('Gulf of Aden, eastern approaches (off Cape Guardafui)', 'SOM', 12.2, 51.8),
  somaliBasin: p('Somali Basin', 'SOM', 1.5, 50.5),
  arabianSea: p('Arabian Sea (north-west)', 'OMN', 16.5, 60.0),
  mogadishu: p('Mogadishu', 'SOM', 2.046, 45.318),
  bosaso: p('Bosaso (Puntland)', 'SOM', 11.285, 49.182),
  berbera: p('Berbera (Somaliland)', 'SOM', 10.435, 45.014),
  mombasa: p('Mombasa', 'KEN', -4.043, 39.668),
  mtongwe: p('Mtongwe Naval Base, Mombasa', 'KEN', -4.085, 39.636),
  nairobi: p('Nairobi', 'KEN', -1.286, 36.817),
  shimoLaTewa: p('Shimo La Tewa court and prison, Mombasa', 'KEN', -3.96, 39.74),
  victoria: p('Victoria, Mahé', 'SYC', -4.62, 55.455),
  pointLarue: p('Seychelles International Airport, Pointe Larue', 'SYC', -4.674, 55.522),
  darEsSalaam: p('Dar es Salaam', 'TZA', -6.792, 39.208),
  kigamboni: p('Kigamboni Naval Base, Dar es Salaam', 'TZA', -6.83, 39.31),
  manama: p('Manama (Naval Support Activity Bahrain)', 'BHR', 26.209, 50.608),
  northwood: p('Northwood (EU NAVFOR OHQ / MSCHOA)', 'GBR', 51.628, -0.423),
  newYork: p('New York (UN Headquarters)', 'USA', 40.749, -73.968),
  dubai: p('Dubai', 'ARE', 25.204, 55.27),
  portLouis: p('Port Louis', 'MUS', -20.161, 57.499),
  // West Africa and the Sahel
  dakar: p('Dakar', 'SEN', 14.716, -17.467),
  campDialDiop: p('Camp Dial Diop, Dakar', 'SEN', 14.694, -17.454),
  thies: p('Thiès', 'SEN', 14.791, -16.926),
  tambacounda: p('Tambacounda', 'SEN', 13.77, -13.668),
  kedougou: p('Kédougou', 'SEN', 12.557, -12.174),
  bamako: p('Bamako', 'MLI', 12.639, -8.003),
  koulikoro: p('Koulikoro (EUTM Mali training camp)', 'MLI', 12.863, -7.56),
  gao: p('Gao', 'MLI', 16.272, -0.044),
  niamey: p('Niamey', 'NER', 13.512, 2.112),
  agadez: p('Agadez', 'NER', 16.974, 7.991),
  tillia: p('Tillia', 'NER', 16.135, 4.787),
  ouagadougou: p('Ouagadougou', 'BFA', 12.371, -1.52),
  nouakchott: p('Nouakchott', 'MRT', 18.079, -15.965),
  atar: p('Atar', 'MRT', 20.517, -13.05),
  ndjamena: p("N'Djamena", 'TCD', 12.134, 15.055),
  abidjan: p('Abidjan', 'CIV', 5.36, -4.008),
  jacqueville: p('Jacqueville (International Academy for Combating Terrorism)', 'CIV', 5.205, -4.414),
  korhogo: p('Korhogo', 'CIV', 9.458, -5.63),
  accra: p('Accra', 'GHA', 5.603, -0.187),
  tamale: p('Tamale', 'GHA', 9.401, -0.839),
  lome: p('Lomé', 'TGO', 6.137, 1.212),
  dapaong: p('Dapaong', 'TGO', 10.862, 0.205),
  cotonou: p('Cotonou', 'BEN', 6.366, 2.418),
  tanguieta: p('Tanguiéta', 'BEN', 10.621, 1.265),
  paris: p('Paris', 'FRA', 48.857, 2.352),
  // Afghanistan
  kabul: p('Kabul', 'AFG', 34.555, 69.207),
  rsHq: p('Resolute Support Headquarters, Kabul', 'AFG', 34.536, 69.193),
  qargha: p('ANA Officer Academy, Qargha', 'AFG', 34.548, 69.03),
  kmtc: p('Kabul Military Training Centre', 'AFG', 34.514, 69.29),
  campMarmal: p('Camp Marmal, Mazar-e Sharif', 'AFG', 36.707, 67.21),
  campShaheen: p('Camp Shaheen (209th Corps), Mazar-e Sharif', 'AFG', 36.68, 67.02),
  kandahar: p('Kandahar', 'AFG', 31.628, 65.737),
  herat: p('Herat', 'AFG', 34.352, 62.204),
  bagram: p('Bagram Airfield', 'AFG', 34.946, 69.265),
  termez: p('Termez (logistics hub)', 'UZB', 37.224, 67.278),
  doha: p('Doha', 'QAT', 25.286, 51.533),
  natoHq: p('NATO Headquarters, Brussels', 'BEL', 50.879, 4.426),
  // Central African Republic
  bangui: p('Bangui', 'CAF', 4.394, 18.558),
  mpoko: p("Bangui M'Poko International Airport", 'CAF', 4.398, 18.519),
  campKassai: p('Camp Kassaï, Bangui', 'CAF', 4.383, 18.6),
  bambari: p('Bambari (Ouaka)', 'CAF', 5.762, 20.675),
  kagaBandoro: p('Kaga-Bandoro (Nana-Grébizi)', 'CAF', 6.99, 19.18),
  bria: p('Bria (Haute-Kotto)', 'CAF', 6.537, 21.986),
  bouar: p('Bouar (Nana-Mambéré)', 'CAF', 5.934, 15.596),
  berberati: p('Berbérati (Mambéré-Kadéï)', 'CAF', 4.261, 15.792),
  douala: p('Port of Douala', 'CMR', 4.047, 9.694),
  khartoum: p('Khartoum', 'SDN', 15.501, 32.56),
  libreville: p('Libreville', 'GAB', 0.416, 9.467),
  addisAbaba: p('Addis Ababa (African Union Commission)', 'ETH', 9.03, 38.74),
  entebbe: p('Entebbe (UN Regional Service Centre)', 'UGA', 0.042, 32.443),
  // Moldova and the alliance cyber community
  chisinau: p('Chișinău', 'MDA', 47.011, 28.863),
  chisinauAcademy: p('Alexandru cel Bun Military Academy, Chișinău', 'MDA', 47.035, 28.84),
  balti: p('Bălți', 'MDA', 47.762, 27.929),
  tallinn: p('Tallinn (NATO CCDCOE)', 'EST', 59.437, 24.754),
  mons: p('Mons (SHAPE)', 'BEL', 50.5, 3.98),
  bucharest: p('Bucharest', 'ROU', 44.426, 26.102),
  // Home nation
  xhnCapital: home('XHN Ministry of Defence, capital'),
  xhnNavalAcademy: home('XHN Naval Academy'),
  xhnStaffCollege: home('XHN Joint Staff College'),
  xhnCyberRange: home('XHN Cyber Range'),
  xhnEngineerSchool: home('XHN Engineer School'),
  xhnSofCentre: home('XHN Special Operations Training Centre'),
} satisfies Record<string, Place>;

/** A participant: organisation code, role, planned headcount and, when it differs, the actual headcount. */
export type Part = readonly [orgCode: string, role: ParticipationRole, planned: number, actual?: number];

export interface EngagementSpec {
  code: string;
  title: string;
  type: EngagementType;
  status: EngagementStatus;
  initiative: string;
  plan?: string;
  partners: string[];
  objectives: string[];
  nodes: string[];
  start: string;
  end: string;
  /** Explicit actual dates; otherwise derived from the status (planned dates). */
  actual?: { start?: string; end?: string };
  places: Place[];
  cost: number;
  funding: FundingSourceCode;
  outcome?: string;
  payload: Record<string, unknown>;
  /** Exactly one participant has role 'lead': it becomes the engagement's leadOrgCode. */
  participants: Part[];
  label: LabelSpec;
  summary?: string;
  community?: string;
}

const STARTED: readonly EngagementStatus[] = ['ongoing', 'completed', 'closed', 'suspended'];
const FINISHED: readonly EngagementStatus[] = ['completed', 'closed'];

/** Returns a builder that expands compact specs into engagements of one scenario (default community given). */
export function engagementBuilder(defaultCommunity: string): (s: EngagementSpec) => SeedEngagement {
  return (s) => {
    const leads = s.participants.filter((x) => x[1] === 'lead');
    const lead = leads[0];
    if (leads.length !== 1 || !lead) throw new Error(`${s.code}: exactly one lead participant required`);
    const started = STARTED.includes(s.status);
    const finished = FINISHED.includes(s.status);
    const e: SeedEngagement = {
      code: s.code,
      title: s.title,
      type: s.type,
      status: s.status,
      initiativeCode: s.initiative,
      partnerIso3s: s.partners,
      objectiveCodes: s.objectives,
      logicNodeKeys: s.nodes,
      leadOrgCode: lead[0],
      plannedStart: s.start,
      plannedEnd: s.end,
      locations: s.places.map((pl) => ({ ...pl })),
      plannedCost: { amount: s.cost.toFixed(2), currency: 'EUR' },
      fundingSourceCode: s.funding,
      payload: s.payload,
      participants: s.participants.map(([orgCode, role, planned, actual]) => {
        const row: SeedEngagement['participants'][number] = { orgCode, role, plannedHeadcount: planned };
        if (finished) row.actualHeadcount = actual ?? planned;
        else if (actual !== undefined) row.actualHeadcount = actual;
        return row;
      }),
      label: s.label,
      communityCode: s.community ?? defaultCommunity,
    };
    if (s.plan) e.planCode = s.plan;
    const actualStart = s.actual?.start ?? (started ? s.start : undefined);
    const actualEnd = s.actual?.end ?? (finished ? s.end : undefined);
    if (actualStart) e.actualStart = actualStart;
    if (actualEnd) e.actualEnd = actualEnd;
    if (s.outcome) e.outcomeSummary = s.outcome;
    if (s.summary) e.summary = s.summary;
    return e;
  };
}

/** Logic-model node shorthand. */
export const node = (
  key: string,
  kind: SeedLogicNode['kind'],
  statement: string,
  parentKeys: string[] = [],
  objectiveCodes: string[] = [],
): SeedLogicNode => ({ key, kind, statement, parentKeys, objectiveCodes });

/** `YYYY-MM-DD` from parts (month and day 1-based), zero-padded. */
export const ymd = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Picks deterministically from a list by index (wraps around). */
export function pick<T>(list: readonly T[], i: number): T {
  const v = list[((i % list.length) + list.length) % list.length];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}
