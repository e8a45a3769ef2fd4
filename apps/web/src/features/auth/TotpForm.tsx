/** The second factor: a six-digit code from the authenticator app. */
import { useEffect, useRef, useState } from 'react';
import type { Me } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';

export function TotpForm({ onSignedIn, onBack }: { onSignedIn: (me: Me) => void; onBack: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(code)) {
      setError('Enter the six digits shown by your authenticator app.');
      return;
    }
    setBusy(true);
    try {
      const r = await endpoints.totp(code);
      onSignedIn(r.data);
    } catch (err) {
      setError(messageOf(err));
      setCode('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h1 id="signin-title">Two-step verification</h1>
      <p>Your account needs a second factor. Enter the current code from your authenticator app.</p>
      <div className="field">
        <label htmlFor="login-totp">Six-digit code</label>
        <input
          id="login-totp"
          ref={input}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          className="input--code"
          value={code}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-totp-error' : undefined}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
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
      </div>
    </form>
  );
}
