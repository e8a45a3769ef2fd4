/** The engagement record as the domain sees it (DOMAIN.md §2.3). */
import type { EngagementStatus } from './lifecycle';
import type { EngagementType, ParticipationRole } from './types';

export interface Money {
  amount: string;
  currency: string;
}

export interface EngagementLocation {
  name: string;
  iso3: string;
  lat?: number | undefined;
  lon?: number | undefined;
}

export interface Participation {
  orgId: string;
  role: ParticipationRole;
  plannedHeadcount: number;
  actualHeadcount?: number | undefined;
}

export interface Engagement {
  id: string;
  code: string;
  title: string;
  type: EngagementType;
  status: EngagementStatus;
  summary: string | null;
  payload: Record<string, unknown>;
  initiativeId: string;
  planId: string | null;
  partnerIso3s: string[];
  objectiveIds: string[];
  logicNodeIds: string[];
  leadOrgId: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  locations: EngagementLocation[];
  participants: Participation[];
  plannedCost: Money;
  actualCost: Money | null;
  fundingSourceId: string | null;
  outcomeSummary: string | null;
  /** Who proposed it and who approved it (the approver must be someone else). */
  proposedBy: string | null;
  approvedBy: string | null;
  labelId: string;
  communityId: string;
  ownerOrgId: string;
  partyOrgIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}
