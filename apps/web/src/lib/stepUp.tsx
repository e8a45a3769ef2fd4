/**
 * Step-up (ACCESS.md §8): when a sensitive action answers `step_up_required`, ask for the second factor in
 * a small modal dialog, POST it to /auth/step-up, and retry the action once. `request()` in api.ts does this
 * for every JSON call; `withStepUp` and `downloadWithStepUp` cover other actions (e.g. export downloads).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AUTH_ROUTES, StepUpResponse } from '@entente/contracts';
import { ApiError, api, messageOf } from './api';

export const STEP_UP_REQUIRED = 'step_up_required';

/** Did the server ask for the factor again? */
export const isStepUpRequired = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.code === STEP_UP_REQUIRED;

const FACTOR = /^(\d{6}|[a-z2-7]{5}-?[a-z2-7]{5})$/i;

type Props = {
  /** Check the code with the server; throws (ApiError) when it is refused. */
  onVerify: (code: string) => Promise<void>;
  onCancel: () => void;
};

/** The dialog: a six-digit code (or a recovery code), Confirm and Cancel. */
export function StepUpDialog({ onVerify, onCancel }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => opener?.focus?.();
  }, []);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const c = code.trim();
    if (!FACTOR.test(c)) {
      setError('Enter the six digits shown by your authenticator app, or a recovery code.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onVerify(c);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'That code was not accepted. Try the current code.'
          : messageOf(err),
      );
      setCode('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={BACKDROP}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        className="card"
        style={PANEL}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2 id={`${id}-title`}>Confirm it is you</h2>
        <p id={`${id}-desc`}>
          This action is sensitive. Enter the current code from your authenticator app (or one of your
          recovery codes) to continue.
        </p>
        <form noValidate onSubmit={(ev) => void submit(ev)} aria-busy={busy}>
          <div className="field">
            <label htmlFor={`${id}-code`}>Authentication code</label>
            <input
              id={`${id}-code`}
              ref={input}
              name="code"
              autoComplete="one-time-code"
              maxLength={11}
              className="input--code"
              value={code}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setCode(e.target.value.replace(/\s/g, '').slice(0, 11))}
            />
          </div>
          {error ? (
            <p className="form-error" role="alert" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Verifying…' : 'Confirm'}
            </button>
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

/** POST the factor to /auth/step-up (never itself retried or redirected). */
export const postStepUp = (code: string) =>
  api.post(AUTH_ROUTES.stepUp, StepUpResponse, { code }, { noAuthRedirect: true, noStepUp: true });

let pending: Promise<boolean> | null = null;

/**
 * Ask for the factor in a modal mounted on the document body; resolves true once the server accepted it,
 * false when the user cancelled. Concurrent asks share one dialog.
 */
export function confirmStepUp(): Promise<boolean> {
  if (pending) return pending;
  pending = new Promise<boolean>((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    const done = (ok: boolean) => {
      // Unmount after the current event, not inside it.
      setTimeout(() => {
        root.unmount();
        host.remove();
      }, 0);
      pending = null;
      resolve(ok);
    };
    root.render(
      <StepUpDialog
        onVerify={async (code) => {
          await postStepUp(code);
          done(true);
        }}
        onCancel={() => done(false)}
      />,
    );
  });
  return pending;
}

/** Run `action`; when the server answers step_up_required, ask for the factor and retry once. */
export async function withStepUp<T>(
  action: () => Promise<T>,
  ask: () => Promise<boolean> = confirmStepUp,
): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (!isStepUpRequired(e) || !(await ask())) throw e;
    return action();
  }
}

/** Download a file (an export) with step-up: fetch it, ask for the factor when needed, retry once, save it. */
export async function downloadWithStepUp(
  url: string,
  filename: string,
  ask: () => Promise<boolean> = confirmStepUp,
) {
  const get = async () => {
    const r = await fetch(url, { credentials: 'same-origin' });
    if (!r.ok) {
      const body = (await r.json().catch(() => null)) as {
        error?: { code?: string; message?: string; requestId?: string };
      } | null;
      throw new ApiError(
        r.status,
        body?.error?.code ?? 'http_error',
        body?.error?.message ?? `The server answered ${r.status}`,
        body?.error?.requestId ?? '',
      );
    }
    return r.blob();
  };
  const blob = await withStepUp(get, ask);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1_000);
}

const BACKDROP: React.CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(20, 28, 36, 0.45)',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  zIndex: 60,
};
const PANEL: React.CSSProperties = { maxWidth: '28rem', width: '92%', margin: 0 };
