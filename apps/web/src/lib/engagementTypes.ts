/** Engagement types as people read them: labels, families, map/calendar colours, type-specific fields. */
import { ENGAGEMENT_TYPE_VALUES } from '@entente/contracts';

export type EngagementType = (typeof ENGAGEMENT_TYPE_VALUES)[number];

type TypeInfo = { label: string; family: string; colour: string };

export const TYPE_INFO: Record<EngagementType, TypeInfo> = {
  official_visit: { label: 'Official visit', family: 'Defence diplomacy', colour: '#1f77b4' },
  key_leader_engagement: { label: 'Key leader engagement', family: 'Defence diplomacy', colour: '#4e79a7' },
  staff_talks: { label: 'Staff talks', family: 'Defence diplomacy', colour: '#6baed6' },
  multilateral_forum: { label: 'Multilateral forum', family: 'Defence diplomacy', colour: '#08519c' },
  joint_exercise: { label: 'Joint exercise', family: 'Training & exercises', colour: '#2ca02c' },
  training_course: { label: 'Training course', family: 'Training & exercises', colour: '#74c476' },
  mobile_training_team: { label: 'Mobile training team', family: 'Training & exercises', colour: '#006d2c' },
  military_assistance: { label: 'Military assistance', family: 'Assistance & transfer', colour: '#ff7f0e' },
  equipment_transfer: { label: 'Equipment transfer', family: 'Assistance & transfer', colour: '#d94801' },
  technology_cooperation: {
    label: 'Technology cooperation',
    family: 'Assistance & transfer',
    colour: '#fdae6b',
  },
  logistics_support: { label: 'Logistics support', family: 'Assistance & transfer', colour: '#8c564b' },
  capacity_building: { label: 'Capacity building', family: 'Assistance & transfer', colour: '#bcbd22' },
  intelligence_sharing: { label: 'Intelligence sharing', family: 'Information & CT', colour: '#9467bd' },
  counterterrorism_cooperation: {
    label: 'Counterterrorism cooperation',
    family: 'Information & CT',
    colour: '#d62728',
  },
  cyber_cooperation: { label: 'Cyber cooperation', family: 'Information & CT', colour: '#17becf' },
  peacekeeping_deployment: {
    label: 'Peacekeeping deployment',
    family: 'Operations & stability',
    colour: '#3182bd',
  },
  multinational_task_force: {
    label: 'Multinational task force',
    family: 'Operations & stability',
    colour: '#393b79',
  },
  conflict_mediation_support: {
    label: 'Conflict mediation support',
    family: 'Operations & stability',
    colour: '#e377c2',
  },
  security_sector_reform: {
    label: 'Security sector reform',
    family: 'Operations & stability',
    colour: '#7f7f7f',
  },
};

export const ENGAGEMENT_TYPES: readonly EngagementType[] = ENGAGEMENT_TYPE_VALUES;

export const TYPE_FAMILIES: { family: string; types: EngagementType[] }[] = (() => {
  const out: { family: string; types: EngagementType[] }[] = [];
  for (const t of ENGAGEMENT_TYPES) {
    const fam = TYPE_INFO[t].family;
    let group = out.find((g) => g.family === fam);
    if (!group) {
      group = { family: fam, types: [] };
      out.push(group);
    }
    group.types.push(t);
  }
  return out;
})();

export function typeLabel(type: string): string {
  return (TYPE_INFO as Record<string, TypeInfo | undefined>)[type]?.label ?? humanise(type);
}

export function typeColour(type: string): string {
  return (TYPE_INFO as Record<string, TypeInfo | undefined>)[type]?.colour ?? '#555555';
}

/** `snake_case` → "Snake case". */
export function humanise(code: string): string {
  const s = code.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How a type-specific payload field is entered: free text, a number, a comma-separated list or one of a set. */
export type PayloadField = {
  key: string;
  kind: 'text' | 'number' | 'list' | 'choice';
  options?: readonly string[];
};

const t = (key: string): PayloadField => ({ key, kind: 'text' });
const n = (key: string): PayloadField => ({ key, kind: 'number' });
const l = (key: string): PayloadField => ({ key, kind: 'list' });
const c = (key: string, options: readonly string[]): PayloadField => ({ key, kind: 'choice', options });

export const PAYLOAD_FIELDS: Record<EngagementType, PayloadField[]> = {
  official_visit: [
    c('direction', ['inbound', 'outbound']),
    l('principals'),
    c('visitKind', ['one_time', 'recurring', 'extended']),
    l('sites'),
  ],
  key_leader_engagement: [l('keyLeaders'), l('aims')],
  staff_talks: [t('format'), l('agenda')],
  multilateral_forum: [t('forumName'), c('ourRole', ['chair', 'member', 'observer', 'speaker'])],
  joint_exercise: [
    t('stage'),
    c('modality', ['live', 'virtual', 'constructive', 'tabletop']),
    t('scenarioSummary'),
  ],
  training_course: [t('courseRef'), t('deliveryMode'), n('seats'), t('language')],
  mobile_training_team: [t('curriculum'), n('teamSize'), n('traineeTarget')],
  military_assistance: [
    c('assistanceKind', ['advisory', 'grant', 'services', 'funding']),
    t('legalAuthority'),
    l('deliverables'),
  ],
  equipment_transfer: [t('itemsSummary')],
  technology_cooperation: [t('technologyArea'), t('iprTerms'), t('exportControlRef')],
  logistics_support: [t('supportKind'), l('quantities')],
  capacity_building: [t('capabilityArea')],
  intelligence_sharing: [t('channel'), t('infoCeiling'), t('cadence')],
  counterterrorism_cooperation: [
    c('ctLine', ['prevent', 'detect', 'disrupt', 'respond', 'border_security', 'finance']),
  ],
  cyber_cooperation: [t('cyberLine')],
  peacekeeping_deployment: [
    t('missionCode'),
    c('contributionKind', ['unit', 'staff_officers', 'observers', 'enabler']),
    n('strength'),
  ],
  multinational_task_force: [t('taskForceName'), l('assets'), n('shipOrUnitDays')],
  conflict_mediation_support: [
    t('processName'),
    c('supportKind', ['advice', 'logistics', 'monitoring', 'hosting']),
  ],
  security_sector_reform: [t('reformArea')],
};

const FIELD_LABELS: Record<string, string> = {
  missionCode: 'Mission designator',
  courseRef: 'Course reference',
  exportControlRef: 'Export control reference',
  iprTerms: 'IPR terms',
  ctLine: 'CT line of effort',
  infoCeiling: 'Information ceiling',
};

/** `camelCase` payload key → "Camel case" (a few named explicitly). */
export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? humanise(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}
