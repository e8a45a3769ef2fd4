/** The lifecycle: current status and a button per allowed transition, asking for a reason or actual dates when needed. */
import { useEffect, useRef, useState } from 'react';
import type { Engagement } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import type { ApiResult } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { transitionLabel } from '../../lib/domain';
import { isoDay } from '../../lib/format';
import { StatusBadge } from '../../components/Badges';

const MAIN_PATH = ['draft', 'proposed', 'approved', 'ongoing', 'completed', 'closed'];

type Props = {
  engagement: Engagement;
  onChanged: (next: ApiResult<Engagement>) => void;
  onStale: () => void;
};

export function LifecyclePanel({ engagement: e, onChanged, onStale }: Props) {
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [actualStart, setActualStart] = useState('');
  const [actualEnd, setActualEnd] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (target) formRef.current?.querySelector<HTMLElement>('input, textarea, button')?.focus();
  }, [target]);

  const open = (to: string) => {
    setTarget(to);
    setError(null);
    setReason('');
    setActualStart(e.actualStart ?? isoDay(new Date()));
    setActualEnd(e.actualEnd ?? isoDay(new Date()));
  };

  const reasonRequired = target === 'cancelled';
  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!target) return;
    if (reasonRequired && !reason.trim()) {
      setError('Give a reason for cancelling.');
      return;
    }
    if (target === 'ongoing' && !actualStart) {
      setError('Enter the actual start date.');
      return;
    }
    if (target === 'completed' && !actualEnd) {
      setError('Enter the actual end date.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await endpoints.transition(e.id, {
        to: target,
        version: e.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(target === 'ongoing' ? { actualStart } : {}),
        ...(target === 'completed'
          ? { actualEnd, ...(e.actualStart ? {} : { actualStart: actualStart || actualEnd }) }
          : {}),
      });
      setTarget(null);
      onChanged(next);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError('Someone else changed this engagement; it has been reloaded. Check it and try again.');
        onStale();
      } else {
        setError(messageOf(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card lifecycle" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">Lifecycle</h2>
      <p>
        Status: <StatusBadge status={e.status} />
      </p>
      <ol className="lifecycle__path" aria-label="Main path">
        {MAIN_PATH.map((s) => (
          <li
            key={s}
            className={s === e.status ? 'current' : undefined}
            aria-current={s === e.status ? 'step' : undefined}
          >
            {s}
          </li>
        ))}
      </ol>
      {e.allowedTransitions.length === 0 ? (
        <p className="muted">No transition is available to you from this status.</p>
      ) : (
        <div className="button-row" role="group" aria-label="Transitions">
          {e.allowedTransitions.map((to) => (
            <button
              key={to}
              type="button"
              className={`btn ${to === 'cancelled' ? 'btn--danger' : ''}`}
              aria-pressed={target === to}
              onClick={() => open(to)}
            >
              {transitionLabel(to, e.status)}
            </button>
          ))}
        </div>
      )}
      {target ? (
        <form
          ref={formRef}
          noValidate
          className="lifecycle__form"
          onSubmit={(ev) => void submit(ev)}
          aria-label={`${transitionLabel(target, e.status)}: confirm`}
        >
          {target === 'ongoing' || (target === 'completed' && !e.actualStart) ? (
            <div className="field">
              <label htmlFor="tr-actual-start">Actual start</label>
              <input
                id="tr-actual-start"
                type="date"
                value={actualStart}
                onChange={(ev) => setActualStart(ev.target.value)}
              />
            </div>
          ) : null}
          {target === 'completed' ? (
            <div className="field">
              <label htmlFor="tr-actual-end">Actual end</label>
              <input
                id="tr-actual-end"
                type="date"
                value={actualEnd}
                onChange={(ev) => setActualEnd(ev.target.value)}
              />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="tr-reason">Reason{reasonRequired ? ' (required)' : ' (optional)'}</label>
            <textarea
              id="tr-reason"
              rows={3}
              value={reason}
              aria-required={reasonRequired || undefined}
              onChange={(ev) => setReason(ev.target.value)}
            />
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Saving…' : `Confirm: ${transitionLabel(target, e.status)}`}
            </button>
            <button type="button" className="btn" onClick={() => setTarget(null)}>
              Back
            </button>
          </div>
        </form>
      ) : error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
