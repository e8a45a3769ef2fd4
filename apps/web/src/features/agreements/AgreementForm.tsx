/**
 * A new agreement (AgreementInput). Validates with the contract's schema; the server's field errors (e.g. `inForceFrom`
 * for an agreement in force without its date) land next to their fields.
 */
import type { AgreementInput } from '@entente/contracts';
import { AGREEMENT_KIND_VALUES, AGREEMENT_STATUS_VALUES } from '../../lib/domain';
import { ENGAGEMENT_TYPES, humanise, typeLabel } from '../../lib/engagementTypes';
import { Field, describedBy } from '../../components/Field';
import { MultiSelect } from '../../components/MultiSelect';
import { ErrorSummary } from '../engagements/ErrorSummary';
import { LabelFieldset } from '../engagements/LabelFieldset';
import { useDraftForm } from '../engagements/useDraftForm';
import { AGREEMENT_FIELDS, AGREEMENT_ORDER, emptyAgreementDraft, validateAgreement } from './agreementModel';
import type { AgreementDraft } from './agreementModel';
import { CommunityField } from '../../components/CommunityField';

type Props = {
  countries: readonly { iso3: string; name: string }[];
  communities: readonly { id: string; code: string; name: string }[];
  onSave: (input: AgreementInput) => Promise<void>;
  onCancel?: () => void;
};

const KIND_LABELS: Record<string, string> = {
  mou: 'MOU (memorandum of understanding)',
  sofa: 'SOFA (status of forces agreement)',
};
const TYPE_OPTIONS = ENGAGEMENT_TYPES.map((t) => ({ value: t, label: typeLabel(t) }));

type DateKey = 'signedOn' | 'inForceFrom' | 'expiresOn';
type TextKey = 'code' | 'title' | 'documentRef';

export function AgreementForm({ countries, communities, onSave, onCancel }: Props) {
  const { draft, set, errors, err, formError, busy, summaryRef, submit } = useDraftForm(
    () => emptyAgreementDraft(communities.length === 1 && communities[0] ? communities[0].id : ''),
    validateAgreement,
    onSave,
  );

  const text = (key: TextKey, id: string, label: string, hint?: string, maxLength = 300) => (
    <Field id={id} label={label} error={err(key)} required hint={hint}>
      <input
        id={id}
        value={draft[key]}
        maxLength={maxLength}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(id, err(key), hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const date = (key: DateKey, id: string, label: string) => (
    <Field id={id} label={label} error={err(key)}>
      <input
        id={id}
        type="date"
        value={draft[key]}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(id, err(key))}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const select = (
    key: keyof Pick<AgreementDraft, 'kind' | 'status'>,
    id: string,
    label: string,
    values: readonly string[],
    choose: string | null,
    name: (v: string) => string = humanise,
  ) => (
    <Field id={id} label={label} error={err(key)} required>
      <select
        id={id}
        value={draft[key]}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(id, err(key))}
        onChange={(e) => set(key, e.target.value)}
      >
        {choose ? <option value="">{choose}</option> : null}
        {values.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form
      className="card entity-form"
      noValidate
      aria-busy={busy}
      aria-labelledby="agreement-form-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="agreement-form-title">New agreement</h2>
      <p className="muted">Fields marked * are required.</p>
      <ErrorSummary
        ref={summaryRef}
        errors={Object.entries(errors)}
        formError={formError}
        conflict={null}
        labels={AGREEMENT_FIELDS}
        order={AGREEMENT_ORDER}
      />
      <div className="grid grid--form">
        {text('code', 'agreement-code', 'Code', 'e.g. AGR-KEN-2027', 40)}
        {select(
          'kind',
          'agreement-kind',
          'Kind',
          AGREEMENT_KIND_VALUES,
          'Choose a kind…',
          (k) => KIND_LABELS[k] ?? humanise(k),
        )}
        {select('status', 'agreement-status', 'Status', AGREEMENT_STATUS_VALUES, null)}
      </div>
      {text('title', 'agreement-title', 'Title')}
      <Field id="agreement-partners" label="Partners" error={err('partnerIso3s')} required>
        <MultiSelect
          id="agreement-partners"
          options={countries.map((c) => ({ value: c.iso3, label: `${c.name} (${c.iso3})` }))}
          value={draft.partnerIso3s}
          onChange={(v) => set('partnerIso3s', v)}
          invalid={!!err('partnerIso3s')}
          describedBy={describedBy('agreement-partners', err('partnerIso3s'))}
          required
          size={6}
          filterLabel="Search the country list"
        />
      </Field>
      <div className="grid grid--form">
        {date('signedOn', 'agreement-signed-on', 'Signed on')}
        {date('inForceFrom', 'agreement-in-force-from', 'In force from')}
        {date('expiresOn', 'agreement-expires-on', 'Expires on')}
      </div>
      <div className="field field--check">
        <input
          id="agreement-auto-renew"
          type="checkbox"
          checked={draft.autoRenew}
          onChange={(e) => set('autoRenew', e.target.checked)}
        />
        <label htmlFor="agreement-auto-renew">Renews automatically</label>
      </div>
      <Field
        id="agreement-covers"
        label="Covers engagement types"
        error={err('coversTypes')}
        hint="The kinds of engagement the agreement provides for; leave empty if it covers none in particular."
      >
        <MultiSelect
          id="agreement-covers"
          options={TYPE_OPTIONS}
          value={draft.coversTypes}
          onChange={(v) => set('coversTypes', v)}
          invalid={!!err('coversTypes')}
          describedBy={describedBy('agreement-covers', err('coversTypes'), true)}
          size={7}
          filterLabel="Search the engagement types"
        />
      </Field>
      {text('documentRef', 'agreement-document-ref', 'Document reference', 'e.g. XHN-MOD/LEG/2027/012')}
      <CommunityField
        id="agreement-community"
        value={draft.communityId}
        error={err('communityId')}
        communities={communities}
        onChange={(v) => set('communityId', v)}
      />
      <LabelFieldset
        idPrefix="agreement-label"
        value={draft.label}
        errors={errors}
        countries={countries}
        onChange={(l) => set('label', l)}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Record agreement'}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn--link" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
