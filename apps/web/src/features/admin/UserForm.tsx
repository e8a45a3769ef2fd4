/** Create a user (UserInput), validated with the contract's schema; messages by each field. */
import { useState } from 'react';
import { UserInput } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { COMPARTMENTS, LEVELS, ROLES } from '../../lib/domain';
import { humanise } from '../../lib/engagementTypes';
import { useCommunities, useOrganisations } from '../../lib/reference';
import { Field, describedBy } from '../../components/Field';
import { MultiSelect } from '../../components/MultiSelect';

type Draft = {
  username: string;
  displayName: string;
  password: string;
  orgCode: string;
  nationality: string;
  roles: string[];
  clearance: string;
  compartments: string[];
  communities: string[];
};

const EMPTY: Draft = {
  username: '',
  displayName: '',
  password: '',
  orgCode: '',
  nationality: 'XHN',
  roles: ['viewer'],
  clearance: 'HUB-OFFICIAL',
  compartments: [],
  communities: [],
};

export function UserForm({ onCreated }: { onCreated: () => void }) {
  const [d, setD] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const orgs = useOrganisations();
  const communities = useCommunities();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const toggle = (k: 'roles' | 'compartments', v: string) =>
    set(k, d[k].includes(v) ? d[k].filter((x) => x !== v) : [...d[k], v]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = UserInput.safeParse(d);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) next[String(i.path[0] ?? '')] ??= i.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await endpoints.createUser(parsed.data);
      setD(EMPTY);
      onCreated();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const next: Record<string, string> = {};
        for (const f of err.fields) next[f.path.replace(/^\//, '').split(/[./[]/)[0] ?? ''] ??= f.message;
        setErrors(next);
      }
      setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const text = (k: 'username' | 'displayName' | 'password' | 'nationality', label: string, type = 'text') => (
    <Field id={`user-${k}`} label={label} error={errors[k]} required>
      <input
        id={`user-${k}`}
        type={type}
        autoComplete={k === 'password' ? 'new-password' : 'off'}
        value={d[k]}
        aria-invalid={!!errors[k] || undefined}
        aria-describedby={describedBy(`user-${k}`, errors[k])}
        onChange={(e) => set(k, e.target.value)}
      />
    </Field>
  );

  return (
    <form
      className="card user-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={busy}
      aria-labelledby="user-form-title"
    >
      <h2 id="user-form-title">New user</h2>
      <div className="grid grid--form">
        {text('username', 'Username')}
        {text('displayName', 'Display name')}
        {text('password', 'Initial password', 'password')}
        {text('nationality', 'Nationality (ISO3)')}
        <Field id="user-org" label="Organisation" error={errors['orgCode']} required>
          <select
            id="user-org"
            value={d.orgCode}
            aria-invalid={!!errors['orgCode'] || undefined}
            aria-describedby={describedBy('user-org', errors['orgCode'])}
            onChange={(e) => set('orgCode', e.target.value)}
          >
            <option value="">Choose…</option>
            {(orgs.data ?? []).map((o) => (
              <option key={o.id} value={o.code}>
                {o.name} ({o.code})
              </option>
            ))}
          </select>
        </Field>
        <Field id="user-clearance" label="Clearance" error={errors['clearance']} required>
          <select id="user-clearance" value={d.clearance} onChange={(e) => set('clearance', e.target.value)}>
            {LEVELS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="checks" aria-describedby={errors['roles'] ? 'user-roles-error' : undefined}>
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" checked={d.roles.includes(r)} onChange={() => toggle('roles', r)} />{' '}
            {humanise(r)}
          </label>
        ))}
        {errors['roles'] ? (
          <p className="field__error" id="user-roles-error">
            {errors['roles']}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="checks">
        <legend>Compartments</legend>
        {COMPARTMENTS.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={d.compartments.includes(c)}
              onChange={() => toggle('compartments', c)}
            />{' '}
            {c}
          </label>
        ))}
      </fieldset>
      <Field id="user-communities" label="Communities" error={errors['communities']}>
        <MultiSelect
          id="user-communities"
          options={(communities.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          value={d.communities}
          onChange={(v) => set('communities', v)}
        />
      </Field>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create user'}
      </button>
    </form>
  );
}
