/**
 * A modal dialog to move an agreement to `to`: asks for the dates the step records (signature,
 * entry into force) and a reason where one is required; Escape or "Back" closes it and focus
 * returns to the button that opened it. A 409 tells the user someone else changed the agreement.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { agreementTransitionNeedsReason } from '@entente/contracts';
import type { AgreementItem, AgreementTransitionRequest } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { agreementTransitionLabel } from './agreementsApi';

type Props = {
  agreement: AgreementItem;
  to: AgreementTransitionRequest['to'];
  onSubmit: (body: AgreementTransitionRequest) => Promise<void>;
  onClose: () => void;
  /** Called after a 409, so the list can reload. */
  onStale?: () => void;
};

const today = () => new Date().toISOString().slice(0, 10);

export function AgreementTransitionDialog({ agreement: a, to, onSubmit, onClose, onStale }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const needsReason = agreementTransitionNeedsReason(a.status, to);
  const [reason, setReason] = useState('');
  const [signedOn, setSignedOn] = useState(a.signedOn ?? today());
  const [inForceFrom, setInForceFrom] = useState(a.inForceFrom ?? a.signedOn ?? today());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = agreementTransitionLabel(to, a.status);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, textarea, button')?.focus();
    return () => opener?.focus?.();
  }, []);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (needsReason && !reason.trim()) {
      setError('Give a reason: it is recorded in the audit trail.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        to,
        version: a.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(to === 'signed' ? { signedOn } : {}),
        ...(to === 'in_force' && a.status === 'signed' ? { inForceFrom } : {}),
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') {
        setError(
          'Someone else changed this agreement; the list has been reloaded. Close this and try again.',
        );
        onStale?.();
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" style={BACKDROP}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="card"
        style={PANEL}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId}>
          {label}: {a.code}
        </h2>
        <p className="muted">{a.title}</p>
        <form noValidate onSubmit={(ev) => void submit(ev)}>
          {to === 'signed' ? (
            <div className="field">
              <label htmlFor={`${titleId}-signed`}>Signed on</label>
              <input
                id={`${titleId}-signed`}
                type="date"
                value={signedOn}
                onChange={(e) => setSignedOn(e.target.value)}
              />
            </div>
          ) : null}
          {to === 'in_force' && a.status === 'signed' ? (
            <div className="field">
              <label htmlFor={`${titleId}-in-force`}>In force from</label>
              <input
                id={`${titleId}-in-force`}
                type="date"
                value={inForceFrom}
                onChange={(e) => setInForceFrom(e.target.value)}
              />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${titleId}-reason`}>Reason{needsReason ? ' (required)' : ' (optional)'}</label>
            <textarea
              id={`${titleId}-reason`}
              rows={3}
              value={reason}
              aria-required={needsReason || undefined}
              aria-invalid={error !== null && needsReason && !reason.trim() ? true : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button
              type="submit"
              className={`btn ${to === 'terminated' || to === 'suspended' ? 'btn--danger' : 'btn--primary'}`}
              disabled={busy}
            >
              {busy ? 'Saving…' : `Confirm: ${label}`}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              Back
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

const BACKDROP: React.CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(20, 28, 36, 0.45)',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  zIndex: 50,
};
const PANEL: React.CSSProperties = { maxWidth: '32rem', width: '92%', margin: 0 };
