/** Agreements: validity, status and expiry alerts. */
import { z } from 'zod';
import { IsoDate, Iso3, LabelInput, Uuid } from './common';
import { EngagementTypeSchema } from './engagements';

export const AGREEMENT_KINDS = [
  'defence_cooperation',
  'mou',
  'sofa',
  'security_of_information',
  'technical_arrangement',
  'logistics_support',
  'end_use_undertaking',
  'mandate',
] as const;
export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'signed',
  'in_force',
  'suspended',
  'expired',
  'terminated',
] as const;

export const AgreementItem = z.object({
  id: Uuid,
  code: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  title: z.string(),
  partnerIso3s: z.array(z.string()),
  signedOn: z.string().nullable(),
  inForceFrom: z.string().nullable(),
  expiresOn: z.string().nullable(),
  autoRenew: z.boolean(),
  coversTypes: z.array(z.string()),
  status: z.enum(AGREEMENT_STATUSES),
  documentRef: z.string(),
  portion: z.string(),
  /** The current label, as the "Change classification" form starts from it. */
  label: LabelInput.optional(),
  version: z.number().int(),
  /** Days until expiry when it expires within 180 days, else null. */
  expiresInDays: z.number().int().nullable(),
  /** Lifecycle transitions this user may ask for from the current status (guards may still refuse). */
  allowedTransitions: z.array(z.enum(AGREEMENT_STATUSES)).optional(),
});
export type AgreementItem = z.infer<typeof AgreementItem>;

export const AgreementListQuery = z.object({
  q: z.string().max(100).optional(),
  partner: Iso3.optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  expiringWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
});

export const AgreementInput = z.object({
  code: z.string().trim().min(2).max(40),
  kind: z.enum(AGREEMENT_KINDS),
  title: z.string().trim().min(3).max(300),
  partnerIso3s: z.array(Iso3).min(1, 'name at least one partner'),
  signedOn: IsoDate.optional(),
  inForceFrom: IsoDate.optional(),
  expiresOn: IsoDate.optional(),
  autoRenew: z.boolean().default(false),
  coversTypes: z.array(EngagementTypeSchema).default([]),
  status: z.enum(AGREEMENT_STATUSES),
  documentRef: z.string().trim().min(1),
  communityId: Uuid,
  label: LabelInput,
});
export type AgreementInput = z.infer<typeof AgreementInput>;

/** Move an agreement through its lifecycle; `version` is the one the user saw (409 when stale). */
export const AgreementTransitionRequest = z.object({
  to: z.enum(AGREEMENT_STATUSES),
  version: z.number().int().min(1),
  reason: z.string().trim().max(2000).optional(),
  signedOn: IsoDate.optional(),
  inForceFrom: IsoDate.optional(),
});
export type AgreementTransitionRequest = z.infer<typeof AgreementTransitionRequest>;
/** Transitions that need a reason (mirrors core's agreementReasonRequired, for the form). */
export const agreementTransitionNeedsReason = (from: string, to: string) =>
  to === 'suspended' || to === 'terminated' || (from === 'suspended' && to === 'in_force');
