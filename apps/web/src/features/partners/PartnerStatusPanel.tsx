/**
 * Suspend, reinstate or restrict a partner (DOMAIN.md §2.2). Shown to those the API offers a
 * status change (`partner.transitions`: approvers who may update the record). A reason is
 * required and audited; suspending raises a review due item for each ongoing engagement.
 * A 409 tells the user someone else changed the partner and reloads it.
 */
import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PartnerOverview, PartnerStatusRequest } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { PartnerStatusBadge } from './PartnerStatusBadge';
import { partnerStatusAction, partnerStatusApi } from './partnerStatus';

type Partner = NonNullable<PartnerOverview['partner']>;

export function PartnerStatusPanel({
  iso3,
  name,
  partner,
}: {
  iso3: string;
  name: string;
  partner: Partner;
}) {
  const id = useId();
  const qc = useQueryClient();
  const [to, setTo] = useState<PartnerStatusRequest['to'] | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (partner.transitions.length === 0) return null;

  const reload = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['partner', iso3] }),
      qc.invalidateQueries({ queryKey: ['partners'] }),
      qc.invalidateQueries({ queryKey: ['due-items'] }),
    ]);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!to) return;
    if (!reason.trim()) {
      setError('Give a reason: it is recorded in the audit trail.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = (await partnerStatusApi.set(iso3, { to, version: partner.version, reason: reason.trim() }))
        .data;
      const notes = [
        r.reviewsRaised
          ? `${r.reviewsRaised} review due item${r.reviewsRaised === 1 ? '' : 's'} raised for ongoing engagements`
          : null,
        r.reviewsSkipped
          ? `${r.reviewsSkipped} ongoing engagement${r.reviewsSkipped === 1 ? '' : 's'} outside your write labels got none`
          : null,
        r.reviewsSettled
          ? `${r.reviewsSettled} open review${r.reviewsSettled === 1 ? '' : 's'} settled`
          : null,
      ].filter(Boolean);
      setDone(`${name} is now ${r.status}.${notes.length ? ` ${notes.join('; ')}.` : ''}`);
      setTo(null);
      setReason('');
      await reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') {
        setError('Someone else changed this partner; it has been reloaded. Check its status and try again.');
        await reload();
      } else if (err instanceof ApiError && err.fields.length)
        setError(err.fields.map((f) => `${f.path}: ${f.message}`).join(' '));
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Relationship status <PartnerStatusBadge status={partner.status} />
      </h2>
      {partner.status === 'suspended' ? (
        <p className="muted">
          No engagement with {name} can be approved while it is suspended; each ongoing engagement owes a
          review.
        </p>
      ) : null}
      {done ? (
        <p role="status" className="muted">
          {done}
        </p>
      ) : null}
      {to ? (
        <form noValidate onSubmit={(ev) => void submit(ev)}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              Reason for “{partnerStatusAction(to, partner.status)}” (required)
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              value={reason}
              aria-required="true"
              aria-invalid={error !== null && !reason.trim() ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </div>
          {error ? (
            <p id={`${id}-error`} className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button
              type="submit"
              className={`btn ${to === 'suspended' ? 'btn--danger' : 'btn--primary'}`}
              disabled={busy}
            >
              {busy ? 'Saving…' : `Confirm: ${partnerStatusAction(to, partner.status)}`}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setTo(null);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          {partner.transitions.map((t) => (
            <button
              key={t}
              type="button"
              className={`btn ${t === 'suspended' ? 'btn--danger' : ''}`}
              onClick={() => {
                setTo(t as PartnerStatusRequest['to']);
                setDone(null);
                setError(null);
              }}
            >
              {partnerStatusAction(t, partner.status)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
