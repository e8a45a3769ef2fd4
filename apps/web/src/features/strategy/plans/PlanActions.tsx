/** The plan's lifecycle buttons, shown only when the server says they are allowed (PlanDetail.can). */
import { useState } from 'react';
import type { PlanDetail } from '@entente/contracts';
import { messageOf } from '../../../lib/api';

const LABEL: Record<string, string> = {
  in_consultation: 'Submit for consultation',
  active: 'Make active',
  under_review: 'Start a review',
  superseded: 'Mark superseded',
  closed: 'Close the plan',
};
const NEEDS_REASON = new Set(['superseded', 'closed']);

type Props = {
  plan: PlanDetail;
  onApprove: () => Promise<void>;
  onTransition: (to: string, reason?: string) => Promise<void>;
};

export function PlanActions({ plan, onApprove, onTransition }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      setAsking(null);
      setReason('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!plan.can.approve && plan.can.transitions.length === 0) return null;
  return (
    <div className="plan-actions">
      <div className="form-actions">
        {plan.can.approve ? (
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy}
            onClick={() => void run(onApprove)}
          >
            Approve version {plan.planVersion}
          </button>
        ) : null}
        {plan.can.transitions.map((to) => (
          <button
            key={to}
            type="button"
            className="btn"
            disabled={busy}
            aria-expanded={NEEDS_REASON.has(to) ? asking === to : undefined}
            onClick={() =>
              NEEDS_REASON.has(to) ? setAsking(asking === to ? null : to) : void run(() => onTransition(to))
            }
          >
            {LABEL[to] ?? to}
          </button>
        ))}
      </div>
      {asking ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onTransition(asking, reason));
          }}
        >
          <label htmlFor="plan-reason">Reason</label>
          <input
            id="plan-reason"
            value={reason}
            required
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="btn btn--primary" disabled={busy || !reason.trim()}>
            Confirm
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
