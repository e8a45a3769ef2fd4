/** Small vocabularies of the domain as the web shows them. */
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  ENGAGEMENT_STATUS_VALUES,
  PARTICIPATION_ROLE_VALUES,
} from '@entente/contracts';
import type { ObjectiveInput } from '@entente/contracts';
import { humanise } from './engagementTypes';

export const STATUSES = ENGAGEMENT_STATUS_VALUES;
export const PARTICIPATION_ROLES = PARTICIPATION_ROLE_VALUES;
export const AGREEMENT_STATUS_VALUES = AGREEMENT_STATUSES;
export const AGREEMENT_KIND_VALUES = AGREEMENT_KINDS;

/** A list that names every member of the union `All` (a compile error otherwise). */
const every =
  <All extends string>() =>
  <const L extends readonly All[]>(list: L & ([Exclude<All, L[number]>] extends [never] ? unknown : never)) =>
    list;

/** The levels and threat focuses an objective may have (the contract's enums, in form order). */
export const OBJECTIVE_LEVELS = every<ObjectiveInput['level']>()([
  'national',
  'regional',
  'functional',
  'partner',
]);
export const THREAT_FOCUS = every<ObjectiveInput['threatFocus'][number]>()([
  'instability',
  'terrorism',
  'piracy',
  'trafficking',
  'cyber',
  'partner_capability',
  'conflict',
]);

export const LEVELS = [
  { value: 'HUB-OFFICIAL', label: 'HUB OFFICIAL' },
  { value: 'HUB-RESTRICTED', label: 'HUB RESTRICTED' },
  { value: 'HUB-CONFIDENTIAL', label: 'HUB CONFIDENTIAL' },
  { value: 'HUB-SECRET', label: 'HUB SECRET' },
] as const;
export const COMPARTMENTS = ['CT', 'CYBER', 'SOURCES'] as const;
export const CAVEATS = [
  { value: 'orcon', label: 'ORCON (originator controlled)' },
  { value: 'no_export', label: 'No export' },
] as const;
export const GROUPS = ['NATO', 'EU', 'UN', 'AU', 'ASEAN', 'ECOWAS', 'GCC', 'CMF'] as const;
export const HOME_NATION = 'XHN';

export const ROLES = [
  'viewer',
  'planner',
  'approver',
  'evaluator',
  'analyst',
  'releasing_officer',
  'security_officer',
  'auditor',
  'admin',
  'partner_reporter',
  'partner_approver',
  'partner_admin',
] as const;

export function statusLabel(status: string): string {
  return humanise(status);
}

/** The button text of a lifecycle transition (from `from`, when it changes the wording). */
export function transitionLabel(to: string, from?: string): string {
  if (from === 'closed' && to === 'completed') return 'Reopen';
  if (from === 'postponed' && to === 'proposed') return 'Propose again';
  if (from === 'suspended' && to === 'ongoing') return 'Resume';
  const verbs: Record<string, string> = {
    proposed: 'Propose',
    approved: 'Approve',
    ongoing: 'Start (ongoing)',
    completed: 'Complete',
    closed: 'Close',
    postponed: 'Postpone',
    cancelled: 'Cancel engagement',
    suspended: 'Suspend',
    draft: 'Return to draft',
  };
  return verbs[to] ?? `Move to ${statusLabel(to)}`;
}
