/** Access control: subjects, the role matrix and the decision point (ACCESS.md §3, §4). */
export type {
  Action,
  Assurance,
  Clearance,
  CommunityMembership,
  Decision,
  DecisionContext,
  DecisionResource,
  LabelCheckContext,
  Obligation,
  Reason,
  RecordKind,
  Role,
  Subject,
  SubjectMembership,
  TlpRecipients,
} from './types';
export { ACTIONS, ASSURANCES, RECORD_KINDS, ROLES } from './types';
export { KIND_GROUP, ROLE_MATRIX, roleGrants, rolesFor } from './roles';
export { SubjectSchema } from './schema';
export { DEPLOYMENT_COMMUNITY } from './checks';
export { decide } from './decide';
export { currentCommunityIds, labelLevelPermits, permittedLabelIds, subjectTokens } from './permitted';
export type { LabelLevelResult } from './permitted';
