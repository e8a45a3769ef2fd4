/**
 * An objective's lifecycle buttons in the tree: draft → "Activate", active → "Retire…" (asks for the reason, which is
 * required). Keys and clicks stay here, so the tree's arrow keys and row toggling do not act on them.
 */
import { useEffect, useRef, useState } from 'react';
import type { ObjectiveItem } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';

export type ObjectiveTarget = 'active' | 'retired';

type Props = {
  objective: ObjectiveItem;
  /** Only the tree's current row puts its button in the tab order (roving focus). */
  tabbable: boolean;
  onTransition: (objective: ObjectiveItem, to: ObjectiveTarget, reason?: string) => Promise<void>;
};

export function ObjectiveActions({ objective: o, tabbable, onTransition }: Props) {
  const [retiring, setRetiring] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const idBase = `objective-${o.id}`;

  useEffect(() => {
    if (retiring) reasonRef.current?.focus();
  }, [retiring]);

  if (o.status !== 'draft' && o.status !== 'active') return null;

  const run = async (to: ObjectiveTarget) => {
    setError(null);
    setReasonError(null);
    if (to === 'retired' && !reason.trim()) {
      setReasonError('Give a reason for retiring the objective.');
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onTransition(o, to, to === 'retired' ? reason.trim() : undefined);
      setRetiring(false);
      setReason('');
      // The button just used is gone (the status changed): keep the keyboard user on the objective's row.
      wrapperRef.current?.closest<HTMLElement>('[role="treeitem"]')?.focus();
    } catch (err) {
      const onReason = err instanceof ApiError ? err.fields.find((f) => f.path === 'reason') : undefined;
      if (onReason) setReasonError(onReason.message === 'required' ? messageOf(err) : onReason.message);
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    // The wrapper only stops events from reaching the tree row; the controls inside are ordinary buttons.
    <div
      ref={wrapperRef}
      className="tree__actions"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {o.status === 'draft' ? (
        <button
          type="button"
          className="btn btn--small"
          tabIndex={tabbable ? 0 : -1}
          disabled={busy}
          aria-label={`Activate ${o.code}`}
          onClick={() => void run('active')}
        >
          {busy ? 'Activating…' : 'Activate'}
        </button>
      ) : !retiring ? (
        <button
          type="button"
          className="btn btn--small"
          tabIndex={tabbable ? 0 : -1}
          aria-label={`Retire ${o.code}…`}
          onClick={() => {
            setRetiring(true);
            setError(null);
          }}
        >
          Retire…
        </button>
      ) : (
        <form
          className="tree__retire"
          noValidate
          aria-label={`Retire ${o.code}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run('retired');
          }}
        >
          <div className={`field${reasonError ? ' field--invalid' : ''}`}>
            <label htmlFor={`${idBase}-reason`}>
              Reason for retiring {o.code}
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <textarea
              id={`${idBase}-reason`}
              ref={reasonRef}
              rows={2}
              maxLength={2000}
              value={reason}
              aria-required="true"
              aria-invalid={!!reasonError || undefined}
              aria-describedby={reasonError ? `${idBase}-reason-error` : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setRetiring(false);
              }}
            />
            {reasonError ? (
              <p className="field__error" id={`${idBase}-reason-error`}>
                {reasonError}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="btn btn--small btn--danger" disabled={busy}>
              {busy ? 'Retiring…' : 'Confirm retirement'}
            </button>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                setRetiring(false);
                setReasonError(null);
              }}
            >
              Back
            </button>
          </div>
        </form>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
