/** REST calls for labelled fields and TLP recipients (ADR 0007). */
import { ROUTES, RecordFieldView, RecordFields, TlpRecipientsView } from '@entente/contracts';
import type { RecordFieldInput, TlpRecipientsInput } from '@entente/contracts';
import { api, pathOf } from '../../lib/api';

export type FieldKind = 'partner' | 'plan' | 'person';
export type TlpKind = 'engagement' | 'agreement';

const fieldsRoute = (kind: FieldKind, key: string) =>
  kind === 'partner'
    ? pathOf(ROUTES.partnerFields, { iso3: key })
    : pathOf(kind === 'person' ? ROUTES.personFields : ROUTES.planFields, { id: key });
const fieldRoute = (kind: FieldKind, key: string, field: string) =>
  kind === 'partner'
    ? pathOf(ROUTES.partnerField, { iso3: key, field })
    : pathOf(kind === 'person' ? ROUTES.personField : ROUTES.planField, { id: key, field });
const tlpRoute = (kind: TlpKind, id: string) =>
  pathOf(kind === 'engagement' ? ROUTES.engagementTlpRecipients : ROUTES.agreementTlpRecipients, { id });

export const fieldsApi = {
  fields: (kind: FieldKind, key: string, signal?: AbortSignal) =>
    api.get(fieldsRoute(kind, key), RecordFields, undefined, signal),
  writeField: (kind: FieldKind, key: string, field: string, input: RecordFieldInput) =>
    api.put(fieldRoute(kind, key, field), RecordFieldView, input),
  tlpRecipients: (kind: TlpKind, id: string, signal?: AbortSignal) =>
    api.get(tlpRoute(kind, id), TlpRecipientsView, undefined, signal),
  setTlpRecipients: (kind: TlpKind, id: string, input: TlpRecipientsInput) =>
    api.put(tlpRoute(kind, id), TlpRecipientsView, input),
};
