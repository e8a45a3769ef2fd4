/** A modal dialog to waive a due item: the reason is required and goes to the audit trail. */
import { useEffect, useId, useRef, useState } from 'react';
import { messageOf } from '../../lib/api';
import type { DueItemRow } from './dueItemsApi';

type Props = { item: DueItemRow; onWaive: (reason: string) => Promise<void>; onClose: () => void };

export function WaiveDialog({ item, onWaive, onClose }: Props) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('textarea')?.focus();
    return () => opener?.focus?.();
  }, []);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!reason.trim()) {
      setError('Give a reason for waiving this item.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onWaive(reason.trim());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={BACKDROP}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="card"
        style={PANEL}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={`${id}-title`}>Waive: {item.subjectCode}</h2>
        <p className="muted">{item.title}</p>
        <form noValidate onSubmit={(ev) => void submit(ev)}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason (required)</label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              value={reason}
              aria-required="true"
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Confirm: Waive'}
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
