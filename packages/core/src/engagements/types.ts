/** The 19 engagement types of DOMAIN.md §2.3, with their family and approval flags. */
export const ENGAGEMENT_TYPES = [
  'official_visit',
  'key_leader_engagement',
  'staff_talks',
  'multilateral_forum',
  'joint_exercise',
  'training_course',
  'mobile_training_team',
  'military_assistance',
  'equipment_transfer',
  'technology_cooperation',
  'logistics_support',
  'capacity_building',
  'intelligence_sharing',
  'counterterrorism_cooperation',
  'cyber_cooperation',
  'peacekeeping_deployment',
  'multinational_task_force',
  'conflict_mediation_support',
  'security_sector_reform',
] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export const ENGAGEMENT_FAMILIES = [
  'defence_diplomacy',
  'training_exercises',
  'assistance_transfer',
  'information_ct',
  'operations_stability',
] as const;
export type EngagementFamily = (typeof ENGAGEMENT_FAMILIES)[number];

/** Whether an in-force agreement is required: always, never, or only when forces deploy or data is exchanged. */
export type AgreementRequirement = 'yes' | 'no' | 'conditional';

export interface EngagementTypeInfo {
  type: EngagementType;
  family: EngagementFamily;
  label: string;
  covers: string;
  agreement: AgreementRequirement;
  dueDiligence: boolean;
  feedback: boolean;
  /** Type-specific fields required before approval (DOMAIN.md §2.3). */
  proposalFields: readonly string[];
}

const t = (
  type: EngagementType,
  family: EngagementFamily,
  label: string,
  covers: string,
  agreement: AgreementRequirement,
  dueDiligence: boolean,
  feedback: boolean,
  proposalFields: string[],
): EngagementTypeInfo => ({ type, family, label, covers, agreement, dueDiligence, feedback, proposalFields });

export const ENGAGEMENT_TYPE_INFO: Readonly<Record<EngagementType, EngagementTypeInfo>> = {
  official_visit: t('official_visit', 'defence_diplomacy', 'Official visit', 'Inbound and outbound official visits', 'no', false, true, ['direction', 'principals', 'visitKind', 'sites']),
  key_leader_engagement: t('key_leader_engagement', 'defence_diplomacy', 'Key leader engagement', 'Senior-leader meetings', 'no', false, false, ['keyLeaders', 'aims']),
  staff_talks: t('staff_talks', 'defence_diplomacy', 'Staff talks', 'Consultations, staff talks, policy dialogue', 'no', false, true, ['format', 'agenda']),
  multilateral_forum: t('multilateral_forum', 'defence_diplomacy', 'Multilateral forum', 'Ministerials, forums, contact groups', 'no', false, false, ['forumName', 'ourRole']),
  joint_exercise: t('joint_exercise', 'training_exercises', 'Joint exercise', 'Bilateral and multinational exercises', 'conditional', false, true, ['stage', 'modality', 'scenarioSummary']),
  training_course: t('training_course', 'training_exercises', 'Training course', 'Courses, education, seats offered', 'no', true, true, ['courseRef', 'deliveryMode', 'seats', 'language']),
  mobile_training_team: t('mobile_training_team', 'training_exercises', 'Mobile training team', 'Training teams deployed to a partner', 'conditional', true, true, ['curriculum', 'teamSize', 'traineeTarget']),
  military_assistance: t('military_assistance', 'assistance_transfer', 'Military assistance', 'Grants, services, advisers', 'no', true, true, ['assistanceKind', 'legalAuthority', 'deliverables']),
  equipment_transfer: t('equipment_transfer', 'assistance_transfer', 'Equipment transfer', 'Donation, sale or lease of materiel', 'yes', true, true, ['itemsSummary']),
  technology_cooperation: t('technology_cooperation', 'assistance_transfer', 'Technology cooperation', 'Joint R&D, technology sharing', 'yes', false, true, ['technologyArea', 'iprTerms', 'exportControlRef']),
  logistics_support: t('logistics_support', 'assistance_transfer', 'Logistics support', 'Transport, fuel, medical, maintenance, basing', 'yes', true, false, ['supportKind', 'quantities']),
  capacity_building: t('capacity_building', 'assistance_transfer', 'Capacity building', 'Institution building, infrastructure, border posts', 'no', true, true, ['capabilityArea']),
  intelligence_sharing: t('intelligence_sharing', 'information_ct', 'Intelligence sharing', 'Information-sharing arrangements, fusion cells', 'yes', true, true, ['channel', 'infoCeiling', 'cadence']),
  counterterrorism_cooperation: t('counterterrorism_cooperation', 'information_ct', 'Counterterrorism cooperation', 'CT planning, border security, counter-terrorist financing', 'no', true, true, ['ctLine']),
  cyber_cooperation: t('cyber_cooperation', 'information_ct', 'Cyber cooperation', 'CERT cooperation, cyber capacity building, incident-response support', 'conditional', false, true, ['cyberLine']),
  peacekeeping_deployment: t('peacekeeping_deployment', 'operations_stability', 'Peacekeeping deployment', 'Contributions to UN, AU and EU missions', 'yes', false, false, ['missionCode', 'contributionKind', 'strength']),
  multinational_task_force: t('multinational_task_force', 'operations_stability', 'Multinational task force', 'Task forces, joint operations, naval patrols', 'yes', false, false, ['taskForceName', 'assets', 'shipOrUnitDays']),
  conflict_mediation_support: t('conflict_mediation_support', 'operations_stability', 'Conflict mediation support', 'Support to mediation and ceasefires', 'no', false, false, ['processName', 'supportKind']),
  security_sector_reform: t('security_sector_reform', 'operations_stability', 'Security sector reform', 'SSR and defence-governance advice, DDR', 'no', false, true, ['reformArea']),
};

export const PARTICIPATION_ROLES = ['lead', 'host', 'participant', 'observer', 'trainer', 'trainee', 'funder', 'implementer'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];
