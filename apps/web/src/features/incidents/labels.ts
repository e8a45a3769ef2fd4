/** Display names for incident sources, the canonical taxonomy (EVALUATION.md §1.2) and import codes (§1.6). */
import type { IncidentSource } from '@entente/contracts';

export const SOURCE_LABELS: Record<IncidentSource, string> = {
  crime_at_sea: 'Crime at Sea',
  nga_asam: 'NGA ASAM',
  ucdp_ged: 'UCDP GED',
  acled: 'ACLED',
  gtd: 'Global Terrorism Database',
  user: 'User-entered',
};
export const sourceLabel = (code: string | null | undefined): string =>
  code ? (SOURCE_LABELS[code as IncidentSource] ?? code) : '—';

/** The fixed note of §8.2. */
export const REPORTING_NOTE = 'Counts are reported incidents, not all incidents.';
/** The exposure note of §8.4 (no exposure series is modelled on these pages). */
export const EXPOSURE_NOTE =
  'Rate per area-month, not per transit: no exposure series is modelled, and fewer attacks can also mean re-routed traffic.';

/** A source note without the fixed reporting sentence (shown once on its own). */
export function sourceNote(text: string): string {
  return text.replace(REPORTING_NOTE, '').trim();
}

export const EVENT_TYPES: Record<string, { label: string; subtypes: readonly string[] }> = {
  piracy: {
    label: 'Piracy',
    subtypes: [
      'piracy_hijacked',
      'piracy_boarded',
      'piracy_fired_upon',
      'piracy_attempted',
      'piracy_suspicious',
      'piracy_unspecified',
    ],
  },
  other_maritime: {
    label: 'Other maritime',
    subtypes: ['maritime_detention', 'maritime_state_action', 'maritime_other'],
  },
  armed_clash: {
    label: 'Armed clash',
    subtypes: ['state_based', 'non_state', 'territory_change', 'armed_clash'],
  },
  attack_on_civilians: {
    label: 'Attack on civilians',
    subtypes: ['one_sided', 'attack_on_civilians', 'abduction', 'sexual_violence'],
  },
  terrorism: {
    label: 'Terrorism',
    subtypes: [
      'terror_assassination',
      'terror_armed_assault',
      'terror_bombing',
      'terror_hijacking',
      'terror_hostage_taking',
      'terror_facility_attack',
      'terror_unarmed_assault',
      'terror_unknown',
    ],
  },
  explosion_remote: {
    label: 'Explosion / remote violence',
    subtypes: ['air_drone_strike', 'shelling', 'ied_landmine', 'suicide_bomb', 'grenade', 'explosion_other'],
  },
  unrest: { label: 'Unrest', subtypes: ['protest', 'riot'] },
  strategic: { label: 'Strategic development', subtypes: ['strategic_development'] },
  unknown: { label: 'Unknown', subtypes: ['unknown'] },
};

/** Which canonical event types each source can produce (§1.2). */
export const SOURCE_EVENT_TYPES: Record<IncidentSource, readonly string[]> = {
  crime_at_sea: ['piracy', 'other_maritime', 'explosion_remote', 'unknown'],
  nga_asam: ['piracy', 'other_maritime', 'unknown'],
  ucdp_ged: ['armed_clash', 'attack_on_civilians'],
  acled: ['armed_clash', 'attack_on_civilians', 'explosion_remote', 'unrest', 'strategic', 'unknown'],
  gtd: ['terrorism'],
  user: Object.keys(EVENT_TYPES),
};

/** `piracy_fired_upon` → "Fired upon"; an event type → its label. */
export function typeLabel(code: string): string {
  const t = EVENT_TYPES[code];
  if (t) return t.label;
  const words = code.replace(/^(piracy|maritime|terror)_/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const CODE_LABELS: Record<string, string> = {
  E_HEADER: 'Unknown or wrong header',
  E_FIELD_COUNT: 'Wrong number of fields',
  E_REQUIRED_MISSING: 'Required value missing',
  E_DATE_PARSE: 'Date not readable',
  E_DATE_ORDER: 'End date before start date',
  E_COORD_PARSE: 'Coordinates not readable',
  E_COORD_RANGE: 'Coordinates out of range',
  E_COUNTRY_UNKNOWN: 'Country code not known',
  E_KEY_CONFLICT: 'Same key twice with different content',
  W_TYPE_UNMAPPED: 'Event type not mapped (stored as unknown)',
  W_ADMIN1_UNMAPPED: 'Province name not matched to ISO 3166-2',
  W_FATALITIES_ORDER: 'Fatalities low ≤ best ≤ high broken (stored as given)',
  W_REF_YEAR_MISMATCH: 'Reference year differs from the occurrence year',
  W_EXACT_DUPLICATE_ROW: 'Exact duplicate row (kept)',
  W_WHOLE_DEGREE_POSITION: 'Position in whole degrees (location level 3)',
  W_COUNTRY_FROM_NEAREST: 'Country taken from the nearest country',
  W_COUNTRY_MISMATCH: "Source country differs from the map's polygon",
};
export const codeLabel = (code: string): string => CODE_LABELS[code] ?? code;

export const OUTCOME_LABELS: Record<string, string> = {
  committed: 'Committed',
  committed_with_rejections: 'Committed with rejections',
  no_change: 'No change',
  refused: 'Refused',
};
export const outcomeLabel = (s: string): string => OUTCOME_LABELS[s] ?? s;
export const outcomeBadge = (s: string): string =>
  s === 'refused'
    ? 'badge badge--danger'
    : s === 'committed_with_rejections'
      ? 'badge badge--warning'
      : 'badge';

/** Human byte size: 1.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}
