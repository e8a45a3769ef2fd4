/**
 * Lifecycle buttons of an initiative for an approver: Approve (refused with every unmet gate, listed
 * here and in the checklist, each named by its field), activate, suspend or cancel (with a reason),
 * close. A change is confirmed in a status message (the page refreshes its data through `onChanged`);
 * a stale version (409) reloads the initiative.
 */
import '../../../styles/initiatives.css';
import { useRef, useState } from 'react';
import type { InitiativeDetail, InitiativeTransition } from '@entente/contracts';
import { ApiError, messageOf } from '../../../lib/api';
import { humanise } from '../../../lib/engagementTypes';
import { gateFieldOf } from './gateLabels';
import { initiativeApi } from './initiativeApi';

const LABELS: Record<string, string> = {
  approved: 'Approve',
  active: 'Start (active)',
  closing: 'Begin closing',
  closed: 'Close',
  suspended: 'Suspend…',
  cancelled: 'Cancel initiative…',
};
const NEEDS_REASON = new Set(['suspended', 'cancelled']);

/** The confirmation after a change to `next`. */
export function confirmationOf(next: Pick<InitiativeDetail, 'code' | 'status'>): string {
  switch (next.status) {
    case 'approved':
      return `${next.code} is approved: every approval gate was met. Start it when the work begins.`;
    case 'closing':
      return `${next.code} is closing.`;
    default:
      return `${next.code} is now ${humanise(next.status).toLowerCase()}.`;
  }
}

type Props = { initiative: InitiativeDetail; onChanged: (i: InitiativeDetail) => void; onStale: () => void };

export function InitiativeActions({ initiative: i, onChanged, onStale }: Props) {
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; fields: { path: string; message: string }[] } | null>(
    null,
  );
  const errorRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  if (i.transitions.length === 0 && !notice) return null;

  const run = async (to: string) => {
    if (NEEDS_REASON.has(to) && asking !== to) {
      setAsking(to);
      setError(null);
      requestAnimationFrame(() => reasonRef.current?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const body = {
        to,
        expectedVersion: i.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      } as InitiativeTransition;
      const next = (await initiativeApi.transition(i.id, body)).data;
      onChanged(next);
      setNotice(confirmationOf(next));
      setAsking(null);
      setReason('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') onStale();
      setError({ message: messageOf(err), fields: err instanceof ApiError ? err.fields : [] });
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lifecycle-actions">
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" className="btn btn--link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {i.transitions.includes('closed') && i.significance === 'significant' ? (
        <p className="muted" id="ini-close-hint">
          A significant initiative closes only once an evaluation of it is stored (Evaluations, below).
        </p>
      ) : null}
      <div className="form-actions">
        {i.transitions.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'approved' ? 'btn btn--primary' : 'btn'}
            disabled={busy}
            onClick={() => void run(to)}
            aria-describedby={
              to === 'closed' && i.significance === 'significant' ? 'ini-close-hint' : undefined
            }
          >
            {LABELS[to] ?? to}
          </button>
        ))}
      </div>
      {asking ? (
        <div className="field">
          <label htmlFor="ini-transition-reason">Reason</label>
          <textarea
            id="ini-transition-reason"
            rows={2}
            ref={reasonRef}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() => void run(asking)}
            >
              Confirm: {LABELS[asking]?.replace('…', '')}
            </button>
            <button type="button" className="btn btn--link" onClick={() => setAsking(null)}>
              Back
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>{error.message}</p>
          {error.fields.length ? (
            <ul>
              {error.fields.map((f, k) => (
                <li key={k} data-path={f.path}>
                  <strong>{gateFieldOf(f.path, i).label}</strong>: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
