/** Username and password. The server's message is shown as is ("invalid credentials", locked). */
import { useEffect, useRef, useState } from 'react';
import type { Me } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';

type Credentials = { username: string; password: string };
type Props = {
  value: Credentials;
  onChange: (v: Credentials) => void;
  noticeVersion: string;
  onMfa: () => void;
  onSignedIn: (me: Me) => void;
};

export function CredentialsForm({ value, onChange, noticeVersion, onMfa, onSignedIn }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!value.username || !value.password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    try {
      const r = await endpoints.login({ ...value, noticeVersion });
      if (r.data.mfaRequired) onMfa();
      else if (r.data.me) onSignedIn(r.data.me);
      else setError('The server did not complete the sign-in.');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h1 id="signin-title">Sign in</h1>
      <div className="field">
        <label htmlFor="login-username">Username</label>
        <input
          id="login-username"
          ref={first}
          name="username"
          autoComplete="username"
          value={value.username}
          onChange={(e) => onChange({ ...value, username: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
        />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
