/**
 * Demo capability assessments (DOMAIN.md §2.2) of the scenario partners' units. Dated in months
 * before the seed day, so the demo always shows current assessments (≤ 24 months old, able to meet
 * an initiative's approval gate), stale ones (older than 24 months), superseded, submitted and
 * draft ones. Pure data.
 */
import type { LabelSpec } from '../types';
import { official, restricted } from './helpers';

export interface SeedCapabilityAssessment {
  scenario: string;
  partnerIso3: string;
  subjectOrgCode: string;
  capabilityArea: string;
  method: 'desk' | 'visit' | 'self_evaluation' | 'joint' | 'external';
  /** Months before the seed day that it was conducted. */
  monthsAgo: number;
  findings: string;
  gaps: string[];
  ratings: { criterion: string; score: number }[];
  absorptiveCapacity: {
    rating: 'low' | 'medium' | 'high';
    maxTraineesPerMonth?: number;
    constraints: string[];
  };
  risks: string[];
  evidence: string[];
  status: 'draft' | 'submitted' | 'approved' | 'superseded';
  label: LabelSpec;
}

const ca = (
  scenario: string,
  partnerIso3: string,
  subjectOrgCode: string,
  capabilityArea: string,
  method: SeedCapabilityAssessment['method'],
  monthsAgo: number,
  status: SeedCapabilityAssessment['status'],
  findings: string,
  absorptiveCapacity: SeedCapabilityAssessment['absorptiveCapacity'],
  more: {
    gaps?: string[];
    ratings?: [string, number][];
    risks?: string[];
    evidence?: string[];
    label?: LabelSpec;
  } = {},
): SeedCapabilityAssessment => ({
  scenario,
  partnerIso3,
  subjectOrgCode,
  capabilityArea,
  method,
  monthsAgo,
  status,
  findings,
  absorptiveCapacity,
  gaps: more.gaps ?? [],
  ratings: (more.ratings ?? []).map(([criterion, score]) => ({ criterion, score })),
  risks: more.risks ?? [],
  evidence: more.evidence ?? [],
  label: more.label ?? official(partnerIso3),
});

const HOA = 'counter-piracy-hoa';
const CT = 'ct-west-africa';

export const CAPABILITY_ASSESSMENTS: SeedCapabilityAssessment[] = [
  ca(
    HOA,
    'KEN',
    'KEN-NAVY',
    'maritime_security',
    'visit',
    40,
    'superseded',
    'Boarding teams formed but not certified; no evidence-handling procedure.',
    { rating: 'low', maxTraineesPerMonth: 20, constraints: ['Two patrol craft serviceable'] },
    {
      gaps: ['Evidence handling', 'Night boarding'],
      ratings: [
        ['Boarding', 1],
        ['Evidence handling', 0],
        ['Watchkeeping', 2],
      ],
      evidence: ['Visit report, Mtongwe'],
    },
  ),
  ca(
    HOA,
    'KEN',
    'KEN-NAVY',
    'maritime_security',
    'joint',
    10,
    'approved',
    'Certified boarding teams on both coasts; evidence packages accepted by the Mombasa court in most cases.',
    {
      rating: 'medium',
      maxTraineesPerMonth: 40,
      constraints: ['Instructor turnover', 'Fuel budget limits patrol days'],
    },
    {
      gaps: ['Night boarding', 'Maintenance of RHIBs'],
      ratings: [
        ['Boarding', 3],
        ['Evidence handling', 2],
        ['Watchkeeping', 3],
      ],
      risks: ['Trained boarding officers posted away'],
      evidence: ['Joint assessment report with Kenya Navy', 'Court records sample'],
    },
  ),
  ca(
    HOA,
    'SYC',
    'SYC-COASTGUARD',
    'maritime_security',
    'visit',
    30,
    'approved',
    'Small, capable coast guard; prosecution model works; reach limited by vessel numbers.',
    { rating: 'low', maxTraineesPerMonth: 12, constraints: ['Crew numbers', 'One long-range patrol vessel'] },
    {
      ratings: [
        ['Boarding', 3],
        ['Surveillance', 2],
      ],
      evidence: ['Visit report, Victoria'],
    },
  ),
  ca(
    HOA,
    'DJI',
    'DJI-COASTGUARD',
    'maritime_security',
    'joint',
    14,
    'approved',
    'Coast guard runs regional courses at the Djibouti Regional Training Centre without outside instructors.',
    { rating: 'medium', maxTraineesPerMonth: 30, constraints: ['Classroom capacity at Doraleh'] },
    {
      ratings: [
        ['Training delivery', 3],
        ['Boarding', 2],
      ],
    },
  ),
  ca(
    HOA,
    'SOM',
    'SOM-COASTGUARD',
    'maritime_security',
    'desk',
    6,
    'submitted',
    'Federal coast guard nascent; pay and command arrangements unclear; regional forces uneven.',
    { rating: 'low', constraints: ['Unverified personnel rolls', 'No maintenance budget'] },
    {
      risks: ['Diversion of equipment to clan militias'],
      label: restricted(),
    },
  ),
  ca(
    CT,
    'SEN',
    'SEN-CTUNIT',
    'counterterrorism',
    'joint',
    9,
    'approved',
    'Special forces CT unit ready for rural interdiction; medical evacuation and night aviation remain gaps.',
    { rating: 'medium', maxTraineesPerMonth: 30, constraints: ['Rotations to the east of the country'] },
    {
      gaps: ['Casualty evacuation', 'Night aviation'],
      ratings: [
        ['Tactical proficiency', 3],
        ['Intelligence-led targeting', 2],
      ],
    },
  ),
  ca(
    CT,
    'SEN',
    'SEN-GENDARMERIE',
    'border_security',
    'visit',
    28,
    'approved',
    'Border posts staffed; radio coverage patchy in Kédougou; data shared with the police only on paper.',
    { rating: 'medium', maxTraineesPerMonth: 25, constraints: ['Dispersed posts'] },
  ),
  ca(
    CT,
    'NER',
    'NER-FAN',
    'counterterrorism',
    'desk',
    36,
    'approved',
    'Assessment predates the 2023 coup; no longer a valid baseline.',
    { rating: 'low', constraints: ['Cooperation suspended'] },
    { label: restricted() },
  ),
  ca(
    CT,
    'GHA',
    'GHA-GAF',
    'border_security',
    'visit',
    12,
    'approved',
    'Northern border units prepared for spill-over; mobility and ISR limited.',
    { rating: 'high', maxTraineesPerMonth: 60, constraints: [] },
  ),
  ca(
    CT,
    'CIV',
    'CIV-AILCT',
    'training_system',
    'external',
    3,
    'draft',
    'Academy delivers regional CT courses; curriculum review in progress.',
    { rating: 'high', maxTraineesPerMonth: 80, constraints: ['Course calendar full until next year'] },
  ),
  ca(
    'alliance-train-advise-assist',
    'AFG',
    'AFG-ANA-LOG',
    'logistics',
    'joint',
    70,
    'approved',
    'National logistics school running; supply chain depends on contractor support.',
    { rating: 'low', constraints: ['Contractor dependence', 'Literacy'] },
    { label: official('NATO') },
  ),
  ca(
    'pko-car',
    'CAF',
    'CAF-FACA-BIT3',
    'peacekeeping',
    'visit',
    20,
    'approved',
    'Battalion trained to EUTM standard; equipment and pay irregular; human-rights vetting incomplete.',
    { rating: 'low', maxTraineesPerMonth: 15, constraints: ['Pay arrears', 'Equipment'] },
    {
      risks: ['Human-rights violations by units in the field'],
      label: official('EU'),
    },
  ),
  ca(
    'cyber-partner',
    'MDA',
    'MDA-CERT',
    'cyber',
    'joint',
    8,
    'approved',
    'Military CERT handles incidents around the clock; forensics depends on two people.',
    { rating: 'medium', maxTraineesPerMonth: 10, constraints: ['Staff numbers'] },
    {
      ratings: [
        ['Incident handling', 3],
        ['Forensics', 1],
      ],
    },
  ),
  ca(
    'cyber-partner',
    'MDA',
    'MDA-NAU',
    'command_control',
    'self_evaluation',
    26,
    'approved',
    'Self-assessment of command-and-control readiness; not independently verified.',
    { rating: 'medium', constraints: [] },
  ),
];
