/** A user's nationality and clearances (one per policy), with the levels and compartments the registry defines. */
import { useState } from 'react';
import { UserSecurityUpdate } from '@entente/contracts';
import type { ClearanceInput } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { Field, describedBy } from '../../components/Field';
import { issuesToErrors, serverErrors } from './adminApi';
import type { FieldErrors, UserDetailData } from './adminApi';

type Props = {
  user: UserDetailData;
  countries: readonly { iso3: string; name: string }[];
  onSave: (input: UserSecurityUpdate) => Promise<void>;
};

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export function SecurityForm({ user, countries, onSave }: Props) {
  const [nationality, setNationality] = useState(user.nationality);
  const [clearances, setClearances] = useState<ClearanceInput[]>(user.clearances);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const policyOf = (id: string) => user.policies.find((p) => p.id === id);
  // The next policy the user holds no clearance under (one clearance per policy).
  const next = user.policies.find((p) => !clearances.some((c) => c.policy === p.id));
  const change = (n: number, patch: Partial<ClearanceInput>) =>
    setClearances(clearances.map((c, i) => (i === n ? { ...c, ...patch } : c)));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = UserSecurityUpdate.safeParse({ version: user.version, nationality, clearances });
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
      className="card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={busy}
      aria-labelledby="security-title"
    >
      <h2 id="security-title">Nationality and clearances</h2>
      <p className="muted">Changes apply from the user&apos;s next request and are audited.</p>
      <div className="grid grid--form">
        <Field id="security-nationality" label="Nationality" error={errors['nationality']} required>
          <select
            id="security-nationality"
            value={nationality}
            aria-invalid={!!errors['nationality'] || undefined}
            aria-describedby={describedBy('security-nationality', errors['nationality'])}
            onChange={(e) => setNationality(e.target.value)}
          >
            {countries.some((c) => c.iso3 === nationality) ? null : (
              <option value={nationality}>{nationality}</option>
            )}
            {countries.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name} ({c.iso3})
              </option>
            ))}
          </select>
        </Field>
      </div>
      {clearances.length === 0 ? <p>No clearance: this user can read no labelled record.</p> : null}
      {clearances.map((c, n) => {
        const policy = policyOf(c.policy);
        const id = (f: string) => `clearance-${n}-${f}`;
        const err = (f: string) => errors[`clearances.${n}.${f}`];
        return (
          <fieldset key={n} className="checks" aria-labelledby={id('legend')}>
            <legend id={id('legend')}>Clearance {policy ? `under ${policy.name}` : n + 1}</legend>
            <div className="grid grid--form">
              <Field id={id('policy')} label="Policy" error={err('policy')} required>
                <select
                  id={id('policy')}
                  value={c.policy}
                  aria-invalid={!!err('policy') || undefined}
                  aria-describedby={describedBy(id('policy'), err('policy'))}
                  onChange={(e) => {
                    const p = policyOf(e.target.value);
                    change(n, { policy: e.target.value, level: p?.levels[0]?.name ?? '', compartments: [] });
                  }}
                >
                  {policy ? null : <option value={c.policy}>{c.policy || 'Choose…'}</option>}
                  {user.policies
                    .filter((p) => p.id === c.policy || !clearances.some((x) => x.policy === p.id))
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({p.id})
                      </option>
                    ))}
                </select>
              </Field>
              <Field id={id('level')} label="Level" error={err('level')} required>
                <select
                  id={id('level')}
                  value={c.level}
                  aria-invalid={!!err('level') || undefined}
                  aria-describedby={describedBy(id('level'), err('level'))}
                  onChange={(e) => change(n, { level: e.target.value })}
                >
                  {policy?.levels.some((l) => l.name === c.level) ? null : (
                    <option value={c.level}>{c.level || 'Choose…'}</option>
                  )}
                  {(policy?.levels ?? []).map((l) => (
                    <option key={l.name} value={l.name}>
                      {l.banner}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={id('expires')} label="Expires on" error={err('expiresOn')} required>
                <input
                  id={id('expires')}
                  type="date"
                  value={c.expiresOn}
                  aria-invalid={!!err('expiresOn') || undefined}
                  aria-describedby={describedBy(id('expires'), err('expiresOn'))}
                  onChange={(e) => change(n, { expiresOn: e.target.value })}
                />
              </Field>
            </div>
            <fieldset
              className="checks"
              aria-describedby={err('compartments') ? id('compartments-error') : undefined}
            >
              <legend>Compartments</legend>
              {(policy?.compartments ?? []).map((x) => (
                <label key={x} className="check">
                  <input
                    type="checkbox"
                    checked={c.compartments.includes(x)}
                    onChange={() =>
                      change(n, {
                        compartments: c.compartments.includes(x)
                          ? c.compartments.filter((y) => y !== x)
                          : [...c.compartments, x],
                      })
                    }
                  />{' '}
                  {x}
                </label>
              ))}
              {err('compartments') ? (
                <p className="field__error" id={id('compartments-error')}>
                  {err('compartments')}
                </p>
              ) : null}
            </fieldset>
            <button
              type="button"
              className="btn btn--small btn--danger"
              onClick={() => setClearances(clearances.filter((_, i) => i !== n))}
            >
              Remove this clearance
            </button>
          </fieldset>
        );
      })}
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="button-row">
        {next ? (
          <button
            type="button"
            className="btn"
            onClick={() =>
              setClearances([
                ...clearances,
                {
                  policy: next.id,
                  level: next.levels[0]?.name ?? '',
                  compartments: [],
                  expiresOn: inAYear(),
                },
              ])
            }
          >
            Add a clearance
          </button>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save nationality and clearances'}
        </button>
      </div>
    </form>
  );
}
