/** The role matrix: which roles may perform which action on which kind of record (ACCESS.md §3, step 4). */
import type { Action, RecordKind, Role } from './types';

type KindGroup =
  'planning' | 'results' | 'intelligence' | 'internal' | 'users' | 'communities' | 'labels' | 'audit';

/** Record kinds grouped by who works on them. */
export const KIND_GROUP: Readonly<Record<RecordKind, KindGroup>> = {
  partner: 'planning',
  organisation: 'planning',
  membership: 'planning',
  agreement: 'planning',
  objective: 'planning',
  line_of_effort: 'planning',
  plan: 'planning',
  initiative: 'planning',
  logic_node: 'planning',
  engagement: 'planning',
  participation: 'planning',
  capability_assessment: 'planning',
  result: 'results',
  indicator: 'results',
  value: 'results',
  evidence: 'results',
  assessment: 'results',
  feedback: 'results',
  lesson: 'results',
  challenge: 'results',
  evaluation: 'results',
  incident: 'intelligence',
  stix_object: 'intelligence',
  partner_note: 'internal',
  user: 'users',
  community: 'communities',
  label: 'labels',
  audit_event: 'audit',
};

/** Every home (non-partner) role that reads content: "viewer and above". */
const HOME = [
  'viewer',
  'planner',
  'approver',
  'evaluator',
  'analyst',
  'releasing_officer',
  'security_officer',
  'admin',
] as const;
const PARTNER = ['partner_reporter', 'partner_approver', 'partner_admin'] as const;
const RELABELLERS = ['releasing_officer', 'security_officer'] as const;
const RELEASERS = ['analyst', 'releasing_officer'] as const;

type Row = Readonly<Partial<Record<Action, readonly Role[]>>>;

/** The matrix itself. An action missing from a row is granted to no one; labels, communities and party scope still apply. */
export const ROLE_MATRIX: Readonly<Record<KindGroup, Row>> = {
  planning: {
    read: [...HOME, ...PARTNER],
    create: ['planner', 'approver', 'partner_reporter'],
    update: ['planner', 'approver'],
    delete: ['planner', 'approver'],
    relabel: RELABELLERS,
    export: HOME,
    share: RELEASERS,
    sync_out: ['peer'],
    approve_release: ['releasing_officer'],
  },
  results: {
    read: [...HOME, ...PARTNER],
    create: ['planner', 'approver', 'evaluator', 'partner_reporter'],
    update: ['planner', 'approver', 'evaluator', 'partner_approver'],
    delete: ['approver', 'evaluator'],
    relabel: RELABELLERS,
    export: HOME,
    share: [...RELEASERS, 'evaluator'],
    sync_out: ['peer'],
    approve_release: ['releasing_officer'],
  },
  intelligence: {
    read: [...HOME, ...PARTNER],
    create: ['analyst', 'partner_reporter'],
    update: ['analyst'],
    delete: ['analyst'],
    relabel: RELABELLERS,
    export: HOME,
    share: RELEASERS,
    sync_out: ['peer'],
    approve_release: ['releasing_officer'],
  },
  internal: {
    read: HOME,
    create: ['planner', 'approver', 'analyst'],
    update: ['planner', 'approver', 'analyst'],
    delete: ['approver', 'analyst'],
    relabel: RELABELLERS,
    export: HOME,
  },
  users: {
    read: ['admin', 'security_officer', 'auditor', 'partner_admin'],
    create: ['admin', 'security_officer', 'partner_admin'],
    update: ['admin', 'security_officer', 'partner_admin'],
    delete: ['admin', 'security_officer'],
    relabel: ['security_officer'],
  },
  communities: {
    read: ['admin', 'security_officer', 'auditor'],
    create: ['admin', 'security_officer'],
    update: ['admin', 'security_officer'],
    delete: ['admin', 'security_officer'],
    relabel: ['security_officer'],
  },
  labels: {
    read: [...HOME, ...PARTNER, 'auditor'],
    create: ['security_officer', 'admin'],
  },
  audit: {
    read: ['auditor'],
    export: ['auditor'],
  },
};

/** Whether any of `roles` is granted `action` on records of `kind`. */
export function roleGrants(roles: readonly Role[], action: Action, kind: RecordKind): boolean {
  const group = KIND_GROUP[kind];
  const granted = group === undefined ? undefined : ROLE_MATRIX[group][action];
  return granted !== undefined && roles.some((r) => granted.includes(r));
}

/** The roles granted `action` on records of `kind` (for documentation and admin screens). */
export function rolesFor(action: Action, kind: RecordKind): readonly Role[] {
  return ROLE_MATRIX[KIND_GROUP[kind]]?.[action] ?? [];
}
