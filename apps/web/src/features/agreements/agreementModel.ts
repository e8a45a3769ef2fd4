/** The agreement form's draft (strings as typed), its conversion to AgreementInput and field-level validation. */
import { AgreementInput } from '@entente/contracts';
import type { AgreementInput as AgreementInputType } from '@entente/contracts';
import { HOME_NATION } from '../../lib/domain';
import { emptyFrom, validateAgainst, type DraftValidation, type WhenEmpty } from '../../lib/validateForm';
import type { LabelDraft } from '../engagements/formModel';
import type { FieldLabels } from '../engagements/ErrorSummary';

export type AgreementDraft = {
  code: string;
  kind: string;
  title: string;
  partnerIso3s: string[];
  signedOn: string;
  inForceFrom: string;
  expiresOn: string;
  autoRenew: boolean;
  coversTypes: string[];
  status: string;
  documentRef: string;
  communityId: string;
  label: LabelDraft;
};

export function emptyAgreementDraft(communityId = ''): AgreementDraft {
  return {
    code: '',
    kind: '',
    title: '',
    partnerIso3s: [],
    signedOn: '',
    inForceFrom: '',
    expiresOn: '',
    autoRenew: false,
    coversTypes: [],
    status: 'draft',
    documentRef: '',
    communityId,
    label: { level: 'HUB-OFFICIAL', releasableTo: [HOME_NATION], restrictive: [], handling: [] },
  };
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The wire shape to validate and send (undefined members are dropped by JSON). */
export function toAgreementCandidate(d: AgreementDraft): Record<string, unknown> {
  return {
    code: d.code,
    kind: opt(d.kind),
    title: d.title,
    partnerIso3s: d.partnerIso3s,
    signedOn: opt(d.signedOn),
    inForceFrom: opt(d.inForceFrom),
    expiresOn: opt(d.expiresOn),
    autoRenew: d.autoRenew,
    coversTypes: d.coversTypes,
    status: opt(d.status),
    documentRef: d.documentRef,
    communityId: opt(d.communityId),
    label: {
      level: d.label.level,
      restrictive: d.label.restrictive,
      releasableTo: d.label.releasableTo,
      handling: d.label.handling,
    },
  };
}

/** Messages for a required field left empty (clearer than a schema's "expected string"). */
const WHEN_EMPTY: WhenEmpty<AgreementDraft> = {
  code: [(d) => !d.code.trim(), 'enter a code, e.g. AGR-KEN-2027'],
  kind: [(d) => !d.kind, 'choose the kind of agreement'],
  title: [(d) => !d.title.trim(), 'enter a title'],
  status: [(d) => !d.status, 'choose a status'],
  documentRef: [(d) => !d.documentRef.trim(), 'enter the reference of the signed document'],
  communityId: [(d) => !d.communityId, 'choose the community of interest'],
  'label.level': [(d) => !d.label.level, 'choose a classification level'],
};

export type AgreementValidation = DraftValidation<AgreementInputType>;

/** Validate with the contract's schema (plus the date order the server also checks); errors keyed by field path. */
export const validateAgreement = (d: AgreementDraft): AgreementValidation =>
  validateAgainst(AgreementInput, toAgreementCandidate(d), d, emptyFrom(WHEN_EMPTY), {
    ...(d.expiresOn && d.inForceFrom && d.expiresOn < d.inForceFrom
      ? { expiresOn: 'expires before it enters into force' }
      : {}),
  });

/** The form's fields for the error summary: label and element id. */
export const AGREEMENT_FIELDS: FieldLabels = {
  code: ['Code', 'agreement-code'],
  kind: ['Kind', 'agreement-kind'],
  title: ['Title', 'agreement-title'],
  partnerIso3s: ['Partners', 'agreement-partners'],
  signedOn: ['Signed on', 'agreement-signed-on'],
  inForceFrom: ['In force from', 'agreement-in-force-from'],
  expiresOn: ['Expires on', 'agreement-expires-on'],
  autoRenew: ['Renews automatically', 'agreement-auto-renew'],
  coversTypes: ['Covers engagement types', 'agreement-covers'],
  status: ['Status', 'agreement-status'],
  documentRef: ['Document reference', 'agreement-document-ref'],
  communityId: ['Community', 'agreement-community'],
  label: ['Classification label', 'agreement-label-level'],
  'label.level': ['Classification level', 'agreement-label-level'],
  'label.releasableTo': ['Releasable to', 'agreement-label-releasable'],
  'label.restrictive': ['Compartments', 'agreement-label-compartments'],
  'label.handling': ['Caveats', 'agreement-label-caveats'],
};
export const AGREEMENT_ORDER = [
  'code',
  'kind',
  'title',
  'partnerIso3s',
  'status',
  'signedOn',
  'inForceFrom',
  'expiresOn',
  'autoRenew',
  'coversTypes',
  'documentRef',
  'communityId',
  'label',
];
