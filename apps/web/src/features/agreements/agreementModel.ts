/** The agreement form's draft (strings as typed), its conversion to AgreementInput and field-level validation. */
import { AgreementInput } from '@entente/contracts';
import type { AgreementInput as AgreementInputType } from '@entente/contracts';
import { HOME_NATION } from '../../lib/domain';
import type { FieldErrors, LabelDraft } from '../engagements/formModel';
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
const WHEN_EMPTY: Record<string, [empty: (d: AgreementDraft) => boolean, message: string]> = {
  code: [(d) => !d.code.trim(), 'enter a code, e.g. AGR-KEN-2027'],
  kind: [(d) => !d.kind, 'choose the kind of agreement'],
  title: [(d) => !d.title.trim(), 'enter a title'],
  status: [(d) => !d.status, 'choose a status'],
  documentRef: [(d) => !d.documentRef.trim(), 'enter the reference of the signed document'],
  communityId: [(d) => !d.communityId, 'choose the community of interest'],
  'label.level': [(d) => !d.label.level, 'choose a classification level'],
};

export type AgreementValidation =
  { ok: true; input: AgreementInputType; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** Validate with the contract's schema (plus the date order the server also checks); errors keyed by field path. */
export function validateAgreement(d: AgreementDraft): AgreementValidation {
  const errors: FieldErrors = {};
  const parsed = AgreementInput.safeParse(toAgreementCandidate(d));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (errors[path]) continue;
      const empty = WHEN_EMPTY[path];
      errors[path] = empty && empty[0](d) ? empty[1] : issue.message;
    }
  }
  if (!errors['expiresOn'] && d.expiresOn && d.inForceFrom && d.expiresOn < d.inForceFrom)
    errors['expiresOn'] = 'expires before it enters into force';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data, errors };
}

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
