/**
 * Two proposed demo initiatives that show the approval gates (DOMAIN.md §2.1): one meets every gate
 * (against the current Kenya Navy assessment in capability-assessments.ts), so an approver can
 * approve it in the demo; the other misses several, so its page lists what is missing. Pure data.
 */
import type { LabelSpec, SeedLogicNode } from '../types';
import { official } from './helpers';

export interface SeedProposedInitiative {
  scenario: string;
  code: string;
  title: string;
  partnerIso3: string;
  lineOfEffortCode: string;
  communityCode: string;
  significance: 'routine' | 'significant';
  problemStatement: string;
  theoryOfChange: string;
  /** Years after the seed year. */
  startsIn: number;
  years: number;
  capabilityAreas: string[];
  covers: string[];
  supportsPartnerForces: boolean;
  absorptiveCapacity: { statement: string; maxTraineesPerMonth?: number } | null;
  riskAssessment: {
    scopes: string[];
    likelihood: number;
    impact: number;
    decision: string;
    mitigations: string[];
  } | null;
  sustainmentOwnerOrgCode: string | null;
  evaluationKind: string | null;
  logicModel: (SeedLogicNode & {
    indicators?: { title: string; unit?: string; baseline?: { value: string; source: string } }[];
  })[];
  label: LabelSpec;
}

const n = (
  key: string,
  kind: SeedLogicNode['kind'],
  statement: string,
  parentKeys: string[],
  objectiveCodes: string[] = [],
): SeedLogicNode => ({
  key,
  kind,
  statement,
  parentKeys,
  objectiveCodes,
});

export const PROPOSED_INITIATIVES: SeedProposedInitiative[] = [
  {
    scenario: 'counter-piracy-hoa',
    code: 'KEN-INI-BOARD',
    title: 'Kenya Navy boarding and evidence teams',
    partnerIso3: 'KEN',
    lineOfEffortCode: 'LOE-HOA-MLE',
    communityCode: 'hoa-capacity',
    significance: 'significant',
    problemStatement:
      'Boarding teams interdict but too few evidence packages are accepted by the Mombasa court.',
    theoryOfChange:
      'If boarding teams are certified in evidence handling and their boats are maintained, interdictions lead to prosecutions the region owns.',
    startsIn: 1,
    years: 3,
    capabilityAreas: ['maritime_security'],
    covers: ['unit_training', 'equipment'],
    supportsPartnerForces: true,
    absorptiveCapacity: {
      statement: 'About 40 trainees a month; two boarding teams in training at a time (joint assessment).',
      maxTraineesPerMonth: 40,
    },
    riskAssessment: {
      scopes: ['human_rights', 'end_use'],
      likelihood: 2,
      impact: 3,
      decision: 'proceed_with_conditions',
      mitigations: ['Vetting of trainees', 'End-use monitoring of boats'],
    },
    sustainmentOwnerOrgCode: 'KEN-NAVY',
    evaluationKind: 'final',
    logicModel: [
      n('in', 'input', 'Naval Academy instructors, boats and evidence kits', ['act-course', 'act-boats']),
      n('act-course', 'activity', 'Boarding and evidence-handling courses with certification', ['out-teams']),
      n('act-boats', 'activity', 'Boat maintenance support with a handover plan', ['out-teams']),
      n('out-teams', 'output', 'Certified boarding teams on both coasts', ['oc-prosecute']),
      {
        ...n(
          'oc-prosecute',
          'outcome',
          'Interdictions lead to prosecutions in Kenyan courts',
          ['im'],
          ['SO-3.1'],
        ),
        indicators: [
          {
            title: 'Share of evidence packages accepted by the court',
            unit: '%',
            baseline: { value: '45', source: 'Mombasa court records sample' },
          },
        ],
      },
      n('im', 'impact', 'Kenya secures its own waters', [], ['SO-3.1']),
    ],
    label: official('KEN'),
  },
  {
    scenario: 'counter-piracy-hoa',
    code: 'SYC-INI-PATROL',
    title: 'Seychelles Coast Guard long-range patrol',
    partnerIso3: 'SYC',
    lineOfEffortCode: 'LOE-HOA-MLE',
    communityCode: 'hoa-capacity',
    significance: 'significant',
    problemStatement: 'One long-range patrol vessel cannot cover the exclusive economic zone.',
    theoryOfChange: 'If a second vessel is transferred and crewed, patrol days double.',
    startsIn: 1,
    years: 2,
    capabilityAreas: ['maritime_security'],
    covers: ['equipment'],
    supportsPartnerForces: true,
    absorptiveCapacity: null,
    riskAssessment: null,
    sustainmentOwnerOrgCode: null,
    evaluationKind: null,
    logicModel: [
      n('act-transfer', 'activity', 'Transfer and crew training for a patrol vessel', ['out-days']),
      n('out-days', 'output', 'Patrol days at sea', ['oc-presence']),
      {
        ...n('oc-presence', 'outcome', 'Presence across the exclusive economic zone', [], ['SO-3.1']),
        indicators: [{ title: 'Patrol days a year' }],
      },
    ],
    label: official('SYC'),
  },
];
