/** Create a community of interest: code, name, and its floor, default and ceiling labels. */
import { useEffect, useRef, useState } from 'react';
import { CommunityInput } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { Field, describedBy } from '../../components/Field';
import { LabelFieldset } from '../engagements/LabelFieldset';
import type { LabelDraft } from '../engagements/formModel';
import { issuesToErrors, serverErrors } from './adminApi';
import type { FieldErrors } from './adminApi';

type Bound = 'floor' | 'defaultLabel' | 'ceiling';
type Draft = { code: string; name: string } & Record<Bound, LabelDraft>;

const label = (level: string): LabelDraft => ({
  level,
  releasableTo: ['XHN'],
  restrictive: [],
  handling: [],
});
const EMPTY: Draft = {
  code: '',
  name: '',
  floor: label('HUB-OFFICIAL'),
  defaultLabel: label('HUB-OFFICIAL'),
  ceiling: label('HUB-SECRET'),
};
const BOUNDS: { key: Bound; legend: string; hint: string }[] = [
  {
    key: 'floor',
    legend: 'Floor',
    hint: 'The least restrictive label a record of this community may carry.',
  },
  {
    key: 'defaultLabel',
    legend: 'Default label',
    hint: 'Proposed for new records; between the floor and the ceiling.',
  },
  {
    key: 'ceiling',
    legend: 'Ceiling',
    hint: 'The most restrictive label a record of this community may carry.',
  },
];

/** The label fieldset reads errors under `label.*`: move one bound's errors there. */
function errorsOf(errors: FieldErrors, bound: Bound): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors))
    if (k === bound || k.startsWith(`${bound}.`)) out[`label${k.slice(bound.length)}`] = v;
  return out;
}

type Props = {
  countries: readonly { iso3: string; name: string }[];
  onSave: (input: CommunityInput) => Promise<void>;
  onCancel: () => void;
};

export function CommunityForm({ countries, onSave, onCancel }: Props) {
  const [d, setD] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input')?.focus(), []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = CommunityInput.safeParse(d);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSave(parsed.data);
    } catch (err) {
      setErrors(serverErrors(err));
      setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={busy}
      aria-labelledby="community-form-title"
    >
      <h2 id="community-form-title">New community</h2>
      <div className="grid grid--form">
        <Field
          id="community-code"
          label="Code"
          error={errors['code']}
          hint="Lower case with dashes, e.g. gog-maritime."
          required
        >
          <input
            id="community-code"
            autoComplete="off"
            value={d.code}
            aria-invalid={!!errors['code'] || undefined}
            aria-describedby={describedBy('community-code', errors['code'], true)}
            onChange={(e) => setD({ ...d, code: e.target.value })}
          />
        </Field>
        <Field id="community-name" label="Name" error={errors['name']} required>
          <input
            id="community-name"
            autoComplete="off"
            value={d.name}
            aria-invalid={!!errors['name'] || undefined}
            aria-describedby={describedBy('community-name', errors['name'])}
            onChange={(e) => setD({ ...d, name: e.target.value })}
          />
        </Field>
      </div>
      {BOUNDS.map((b) => (
        <fieldset key={b.key} className="card" aria-describedby={`community-${b.key}-hint`}>
          <legend>{b.legend}</legend>
          <p className="field__hint" id={`community-${b.key}-hint`}>
            {b.hint}
          </p>
          <LabelFieldset
            idPrefix={`community-${b.key}`}
            value={d[b.key]}
            errors={errorsOf(errors, b.key)}
            countries={countries}
            onChange={(v) => setD({ ...d, [b.key]: v })}
          />
        </fieldset>
      ))}
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create community'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
