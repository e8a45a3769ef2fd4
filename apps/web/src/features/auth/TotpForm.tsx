/** The second factor: a six-digit code from the authenticator app, or one of the user's recovery codes. */
import { useEffect, useRef, useState } from 'react';
import type { Me } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';

const RECOVERY = /^[a-z2-7]{5}-?[a-z2-7]{5}$/i;

export function TotpForm({ onSignedIn, onBack }: { onSignedIn: (me: Me) => void; onBack: () => void }) {
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After a recovery code: say how many remain before going on.
  const [usedRecovery, setUsedRecovery] = useState<Me | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [recovery]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const c = code.trim();
    if (recovery ? !RECOVERY.test(c) : !/^\d{6}$/.test(c)) {
      setError(
        recovery
          ? 'Enter one of your recovery codes, like abcde-fghij.'
          : 'Enter the six digits shown by your authenticator app.',
      );
      return;
    }
    setBusy(true);
    try {
      const r = await endpoints.totp(c);
      if (recovery) setUsedRecovery(r.data);
      else onSignedIn(r.data);
    } catch (err) {
      setError(messageOf(err));
      setCode('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (usedRecovery) {
    const left = usedRecovery.recoveryCodesLeft ?? 0;
    return (
      <div>
        <h1 id="signin-title">Recovery code accepted</h1>
        <p role="status">
          That code cannot be used again. You have {left} recovery {left === 1 ? 'code' : 'codes'} left.
          {left <= 3 ? ' Generate a new set once you are signed in.' : ''}
        </p>
        <div className="button-row">
          <button type="button" className="btn btn--primary" onClick={() => onSignedIn(usedRecovery)}>
            Continue
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h1 id="signin-title">Two-step verification</h1>
      <p>
        {recovery
          ? 'Enter one of the recovery codes you saved. Each code works once.'
          : 'Your account needs a second factor. Enter the current code from your authenticator app.'}
      </p>
      <div className="field">
        <label htmlFor="login-totp">{recovery ? 'Recovery code' : 'Six-digit code'}</label>
        <input
          id="login-totp"
          key={recovery ? 'recovery' : 'totp'}
          ref={input}
          name="code"
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          maxLength={recovery ? 11 : 6}
          className="input--code"
          value={code}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-totp-error' : undefined}
          onChange={(e) =>
            setCode(
              recovery
                ? e.target.value.replace(/\s/g, '').slice(0, 11)
                : e.target.value.replace(/\D/g, '').slice(0, 6),
            )
          }
        />
      </div>
      {error ? (
        <p className="form-error" role="alert" id="login-totp-error">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Verifying…' : 'Verify'}
        </button>
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <button
          type="button"
          className="btn btn--link"
          onClick={() => {
            setRecovery((r) => !r);
            setCode('');
            setError(null);
          }}
        >
          {recovery ? 'Use the authenticator app' : 'Use a recovery code'}
        </button>
      </div>
    </form>
  );
}
