/** Create or edit an organisation (OrganisationInput): checked with the contract, server errors by their fields. */
import { useEffect, useRef, useState } from 'react';
import { ORGANISATION_KINDS, OrganisationInput } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { humanise } from '../../lib/engagementTypes';
import { Field, describedBy } from '../../components/Field';
import { issuesToErrors, serverErrors } from './adminApi';
import type { FieldErrors, OrganisationRow } from './adminApi';

type Draft = {
  code: string;
  name: string;
  acronym: string;
  kind: string;
  iso3: string;
  parentId: string;
  foundedOn: string;
  sourceUrl: string;
};

const fromRow = (o?: OrganisationRow): Draft => ({
  code: o?.code ?? '',
  name: o?.name ?? '',
  acronym: o?.acronym ?? '',
  kind: o?.kind ?? '',
  iso3: o?.iso3 ?? '',
  parentId: o?.parentId ?? '',
  foundedOn: o?.foundedOn ?? '',
  sourceUrl: o?.sourceUrl ?? '',
});

/** Empty optional fields are sent as null. */
const toCandidate = (d: Draft) => ({
  code: d.code.trim(),
  name: d.name,
  acronym: d.acronym.trim() || null,
  kind: d.kind,
  iso3: d.iso3.trim().toUpperCase() || null,
  parentId: d.parentId || null,
  foundedOn: d.foundedOn || null,
  sourceUrl: d.sourceUrl.trim() || null,
});

type Props = {
  /** The organisation being edited; absent for a new one. */
  initial?: OrganisationRow;
  organisations: readonly OrganisationRow[];
  countries: readonly { iso3: string; name: string }[];
  onSave: (input: OrganisationInput) => Promise<void>;
  onCancel: () => void;
};

export function OrganisationForm({ initial, organisations, countries, onSave, onCancel }: Props) {
  const [d, setD] = useState<Draft>(() => fromRow(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const titleId = initial ? `org-form-title-${initial.id}` : 'org-form-title';
  // An organisation cannot sit under itself.
  const parents = organisations.filter((o) => o.id !== initial?.id);
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens above the table: take keyboard focus to its first field.
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input')?.focus(), []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = OrganisationInput.safeParse(toCandidate(d));
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

  const text = (
    k: 'code' | 'name' | 'acronym' | 'foundedOn' | 'sourceUrl',
    label: string,
    opts: { type?: string; required?: boolean; hint?: string } = {},
  ) => (
    <Field id={`org-${k}`} label={label} error={errors[k]} hint={opts.hint} required={opts.required ?? false}>
      <input
        id={`org-${k}`}
        type={opts.type ?? 'text'}
        autoComplete="off"
        value={d[k]}
        aria-invalid={!!errors[k] || undefined}
        aria-describedby={describedBy(`org-${k}`, errors[k], opts.hint)}
        onChange={(e) => set(k, e.target.value)}
      />
    </Field>
  );

  return (
    <form
      ref={formRef}
      className="card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={busy}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{initial ? `Edit ${initial.code}` : 'New organisation'}</h2>
      <div className="grid grid--form">
        {text('code', 'Code', { required: true, hint: 'Upper case, e.g. XHN-CYBERCMD or FRA-MOD.' })}
        {text('name', 'Name', { required: true })}
        {text('acronym', 'Acronym')}
        <Field id="org-kind" label="Kind" error={errors['kind']} required>
          <select
            id="org-kind"
            value={d.kind}
            aria-invalid={!!errors['kind'] || undefined}
            aria-describedby={describedBy('org-kind', errors['kind'])}
            onChange={(e) => set('kind', e.target.value)}
          >
            <option value="">Choose…</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {humanise(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="org-iso3" label="Country" error={errors['iso3']}>
          <select
            id="org-iso3"
            value={d.iso3}
            aria-invalid={!!errors['iso3'] || undefined}
            aria-describedby={describedBy('org-iso3', errors['iso3'])}
            onChange={(e) => set('iso3', e.target.value)}
          >
            <option value="">None (multinational)</option>
            {d.iso3 && !countries.some((c) => c.iso3 === d.iso3) ? (
              <option value={d.iso3}>{d.iso3}</option>
            ) : null}
            {countries.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name} ({c.iso3})
              </option>
            ))}
          </select>
        </Field>
        <Field id="org-parent" label="Parent organisation" error={errors['parentId']}>
          <select
            id="org-parent"
            value={d.parentId}
            aria-invalid={!!errors['parentId'] || undefined}
            aria-describedby={describedBy('org-parent', errors['parentId'])}
            onChange={(e) => set('parentId', e.target.value)}
          >
            <option value="">None (top level)</option>
            {parents.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.code})
              </option>
            ))}
          </select>
        </Field>
        {text('foundedOn', 'Founded on', { type: 'date' })}
        {text('sourceUrl', 'Source URL', { type: 'url' })}
      </div>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : initial ? 'Save changes' : 'Create organisation'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
