/**
 * Taxonomy mappings (EVALUATION.md §1.2), loaded from the versioned JSON in `mappings/`.
 * Every file carries the same `mappingVersion`; a mismatch is a packaging error and fails at
 * module load, so a record can never be stamped with a version that only some tables have.
 */
import taxonomy from '../mappings/taxonomy.json' with { type: 'json' };
import crimeAtSea from '../mappings/crime-at-sea.json' with { type: 'json' };
import asam from '../mappings/nga-asam.json' with { type: 'json' };
import ged from '../mappings/ucdp-ged.json' with { type: 'json' };
import acled from '../mappings/acled.json' with { type: 'json' };
import gtd from '../mappings/gtd.json' with { type: 'json' };
import precision from '../mappings/precision.json' with { type: 'json' };
import gw from '../mappings/country-gleditsch-ward.json' with { type: 'json' };
import gtdCountries from '../mappings/country-gtd.json' with { type: 'json' };
import special from '../mappings/country-special.json' with { type: 'json' };
import admin1 from '../mappings/admin1-aliases.json' with { type: 'json' };
import type { DatePrecision, LocLevel } from './types';

export const MAPPING_VERSION: number = taxonomy.mappingVersion;

const files: Record<string, { mappingVersion: number }> = {
  'crime-at-sea.json': crimeAtSea,
  'nga-asam.json': asam,
  'ucdp-ged.json': ged,
  'acled.json': acled,
  'gtd.json': gtd,
  'precision.json': precision,
  'country-gleditsch-ward.json': gw,
  'country-gtd.json': gtdCountries,
  'country-special.json': special,
  'admin1-aliases.json': admin1,
};
for (const [name, f] of Object.entries(files)) {
  if (f.mappingVersion !== MAPPING_VERSION) {
    throw new Error(
      `mappings/${name} has mappingVersion ${f.mappingVersion}, taxonomy.json has ${MAPPING_VERSION}`,
    );
  }
}

export type TypePair = readonly [eventType: string, eventSubtype: string];
export const UNKNOWN: TypePair = ['unknown', 'unknown'];

const VALID = new Set(
  Object.entries(taxonomy.eventTypes).flatMap(([t, subs]) => subs.map((s) => `${t}/${s}`)),
);

function table(name: string, t: Record<string, string[]>): Map<string, TypePair> {
  const m = new Map<string, TypePair>();
  for (const [k, v] of Object.entries(t)) {
    if (v.length !== 2 || !VALID.has(`${v[0]}/${v[1]}`))
      throw new Error(`mappings/${name}: ${k} → ${v.join('/')} not in taxonomy`);
    m.set(k, [v[0]!, v[1]!]);
  }
  return m;
}

const CAS = table('crime-at-sea.json', crimeAtSea.attackType);
const GED = table('ucdp-ged.json', ged.typeOfViolence);
const ACLED_TYPE = table('acled.json', acled.eventType);
const ACLED_SUB = table('acled.json', acled.subEventType);
const GTD_TYPE = table('gtd.json', gtd.attackType);

export const crimeAtSeaType = (attackType: string): TypePair | null => CAS.get(attackType) ?? null;
export const gedType = (typeOfViolence: string): TypePair | null => GED.get(typeOfViolence) ?? null;
export const gtdType = (attackType1: string): TypePair | null => GTD_TYPE.get(attackType1) ?? null;

/** ACLED: sub-event first, then the event type's default (§1.2). */
export function acledType(eventType: string, subEventType: string): TypePair | null {
  const sub = ACLED_SUB.get(subEventType);
  const main = ACLED_TYPE.get(eventType);
  if (sub && (!main || main[0] === sub[0])) return sub;
  return main ?? null;
}

// ---- NGA ASAM hostility rules and description keyword sub-typing ----

interface HostilityRule {
  eventType: string;
  eventSubtype: string;
  words: Set<string>;
  phrases: string[];
}
const HOSTILITY_RULES: HostilityRule[] = asam.hostilityRules.map((r) => {
  if (r.eventSubtype !== 'keyword' && !VALID.has(`${r.eventType}/${r.eventSubtype}`)) {
    throw new Error(`mappings/nga-asam.json: ${r.eventType}/${r.eventSubtype} not in taxonomy`);
  }
  return {
    eventType: r.eventType,
    eventSubtype: r.eventSubtype,
    words: new Set(r.words),
    phrases: r.phrases.map((p) => ` ${p} `),
  };
});
const KEYWORD_RULES = asam.keywordSubtyping.rules.map((r) => {
  if (!VALID.has(`piracy/${r.eventSubtype}`))
    throw new Error(`mappings/nga-asam.json: ${r.eventSubtype} not a piracy sub-type`);
  return {
    eventSubtype: r.eventSubtype,
    contains: r.contains,
    unless: 'unless' in r ? (r.unless as string[]) : [],
  };
});

const NON_LETTERS = /[^A-Z]+/g;

/** Upper-case, letters only, single spaces: the normalised hostility text (also the batch-metadata label). */
export function normaliseHostility(text: string): string {
  return text.toUpperCase().replace(NON_LETTERS, ' ').trim();
}

const hostilityMemo = new Map<string, HostilityRule | null>();

function hostilityRule(text: string): HostilityRule | null {
  let hit = hostilityMemo.get(text);
  if (hit !== undefined) return hit;
  const norm = normaliseHostility(text);
  const padded = ` ${norm} `;
  const words = norm.split(' ');
  hit =
    HOSTILITY_RULES.find(
      (r) => words.some((w) => r.words.has(w)) || r.phrases.some((p) => padded.includes(p)),
    ) ?? null;
  if (hostilityMemo.size < 10_000) hostilityMemo.set(text, hit);
  return hit;
}

export interface AsamClass {
  type: TypePair;
  /** `keyword` when the description decided the piracy sub-type, `none` when no keyword matched. */
  subtypeMethod: 'keyword' | 'none' | null;
}

/** Classifies an ASAM message; null = unmapped hostility (→ unknown + W_TYPE_UNMAPPED). */
export function asamClass(hostility: string, description: string): AsamClass | null {
  const rule = hostilityRule(hostility);
  if (!rule) return null;
  if (rule.eventSubtype !== 'keyword')
    return { type: [rule.eventType, rule.eventSubtype], subtypeMethod: null };
  const d = description.toUpperCase();
  for (const k of KEYWORD_RULES) {
    if (k.contains.some((w) => d.includes(w)) && !k.unless.some((w) => d.includes(w))) {
      return { type: ['piracy', k.eventSubtype], subtypeMethod: 'keyword' };
    }
  }
  return { type: ['piracy', 'piracy_unspecified'], subtypeMethod: 'none' };
}

// ---- precision tables ----

const datePrec = (t: Record<string, string>): Map<string, DatePrecision> =>
  new Map(Object.entries(t) as [string, DatePrecision][]);
const locPrec = (t: Record<string, number>): Map<string, LocLevel> =>
  new Map(Object.entries(t) as [string, LocLevel][]);

export const PRECISION = {
  gedDate: datePrec(precision.ucdp_ged.date_prec),
  gedWhere: locPrec(precision.ucdp_ged.where_prec),
  acledTime: datePrec(precision.acled.time_precision),
  acledGeo: locPrec(precision.acled.geo_precision),
  gtdSpecificity: locPrec(precision.gtd.specificity),
  pointDefault: precision.crime_at_sea.default as LocLevel,
  wholeDegree: precision.crime_at_sea.wholeDegree as LocLevel,
};
