/**
 * Recovery codes for the signed-in user (ACCESS.md §8): how many are left, and "Generate recovery codes"
 * after a fresh TOTP check. The new set replaces the old one and is shown once.
 */
import { useId, useState } from 'react';
import { messageOf } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';

export function RecoveryCodesPanel() {
  const id = useId();
  const status = useApiQuery(['auth', 'recovery-codes'], endpoints.recoveryCodesStatus, { staleTime: 0 });
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const generate = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError('Enter the six digits shown by your authenticator app.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await endpoints.generateRecoveryCodes(code);
      setCodes(r.data.codes);
      setCode('');
      void status.refetch();
    } catch (err) {
      setError(messageOf(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (status.data && !status.data.enrolled) return null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Recovery codes</h2>
      {status.data ? (
        <p>
          {status.data.remaining === 0
            ? 'You have no recovery codes.'
            : `You have ${status.data.remaining} unused recovery ${status.data.remaining === 1 ? 'code' : 'codes'}.`}{' '}
          Each code signs you in once if you lose your authenticator app.
        </p>
      ) : null}
      {codes ? (
        <div role="status">
          <p>
            <strong>Save these codes now. They will not be shown again.</strong> Any older codes no longer
            work.
          </p>
          <ol className="recovery-codes" aria-label="New recovery codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button
              type="button"
              className="btn"
              onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}
            >
              Copy
            </button>
            <button type="button" className="btn btn--primary" onClick={() => setCodes(null)}>
              I have saved them
            </button>
          </div>
        </div>
      ) : (
        <form noValidate onSubmit={(ev) => void generate(ev)} aria-busy={busy}>
          <div className="field">
            <label htmlFor={`${id}-code`}>Current code from your authenticator app</label>
            <input
              id={`${id}-code`}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="input--code"
              value={code}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            />
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Generating…' : 'Generate recovery codes'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
