/**
 * "Change classification" on any record (ACCESS.md §3 step 7), used by engagements and agreements
 * through a RelabelClient for the record's routes: a new label and a reason. A label that
 * does not lower the classification applies at once; a downgrade is filed for a second releasing
 * officer, whose Approve / Reject buttons appear on the pending request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  Engagement,
  LabelInput,
  RelabelRequestList,
  RelabelRequestView as RequestView,
} from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { Field, describedBy } from '../../components/Field';
import { PortionMark } from '../../components/PortionMark';
import { useCountries } from '../../lib/reference';
import { LabelFieldset } from './LabelFieldset';
import type { FieldErrors, LabelDraft } from './formModel';

import { engagementRelabelClient, type RelabelClient } from './relabelClient';

type List = RelabelRequestList;

export type { RelabelClient } from './relabelClient';
export { agreementRelabelClient, engagementRelabelClient, relabelClientFor } from './relabelClient';

type Props = {
  recordId: string;
  version: number;
  /** The record's current label and portion mark. */
  label: LabelInput;
  portion: string;
  countries: readonly { iso3: string; name: string }[];
  client?: RelabelClient;
  /** The record's label or version changed: reload it. */
  onChanged: () => void;
};

/** Field errors from a refused call (paths as the server names them). */
function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ApiError) for (const f of err.fields) out[f.path] ??= f.message;
  return out;
}

function messageFor(err: unknown): string {
  if (err instanceof ApiError && err.code === 'step_up_required')
    return 'Nothing was changed: a downgrade needs your authenticator code again. Try again and enter the code when asked.';
  if (err instanceof ApiError && err.code === 'stale_version')
    return 'Someone else changed this record; it has been reloaded. Check it and try again.';
  return messageOf(err);
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function RelabelPanel({
  recordId,
  version,
  label,
  portion,
  countries,
  client = engagementRelabelClient,
  onChanged,
}: Props) {
  const [list, setList] = useState<List | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<LabelDraft>(label);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setList(await client.list(recordId));
      setLoadError(null);
    } catch (err) {
      setLoadError(messageOf(err));
    }
  }, [client, recordId]);

  useEffect(() => {
    void load();
  }, [load, version]);

  // Focus the first control when the form opens, and the opening button again when it closes.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
    else if (wasOpen.current) openerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const start = () => {
    setDraft({
      ...label,
      restrictive: [...label.restrictive],
      releasableTo: [...label.releasableTo],
      handling: [...label.handling],
    });
    setReason('');
    setErrors({});
    setMessage(null);
    setResult(null);
    setOpen(true);
  };
  const close = () => setOpen(false);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const problems: FieldErrors = {};
    if (!reason.trim()) problems['reason'] = 'Give a reason for the change.';
    if (draft.releasableTo.length === 0)
      problems['label.releasableTo'] = 'Release to at least one nation or group.';
    setErrors(problems);
    if (Object.keys(problems).length) {
      setMessage('Correct the marked fields.');
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const out = await client.relabel(recordId, { version, label: draft, reason: reason.trim() });
      setOpen(false);
      setResult(
        out.outcome === 'relabelled'
          ? `Classification changed to ${out.portion}.`
          : `This lowers the classification, so a second releasing officer must approve it. The request is pending; the record stays ${out.portion} until then.`,
      );
      onChanged();
      await load();
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setMessage(messageFor(err));
      if (err instanceof ApiError && err.code === 'stale_version') onChanged();
    } finally {
      setBusy(false);
    }
  };

  const act = async (what: 'approve' | 'reject' | 'withdraw', r: RequestView) => {
    setBusy(true);
    setMessage(null);
    setResult(null);
    try {
      if (what === 'approve') {
        const out = await client.approve(recordId, r.id, note);
        setResult(`Downgrade approved: the record is now ${out.portion}.`);
        onChanged();
      } else if (what === 'reject') {
        await client.reject(recordId, r.id, note);
        setResult('Downgrade rejected; the classification is unchanged.');
      } else {
        await client.withdraw(recordId, r.id);
        setResult('Downgrade request withdrawn.');
      }
      setNote('');
      await load();
    } catch (err) {
      setMessage(messageFor(err));
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return null; // the panel is an extra: the record itself is shown by the page
  if (!list) return null;
  const pending = list.items.filter((r) => r.status === 'pending');
  const decided = list.items.filter((r) => r.status !== 'pending').slice(0, 5);
  if (!list.canRelabel && list.items.length === 0) return null;
  const labelErrors: FieldErrors = Object.fromEntries(
    Object.entries(errors).filter(([k]) => k.startsWith('label')),
  );

  return (
    <section className="card relabel" aria-labelledby="relabel-title">
      <h2 id="relabel-title">Classification</h2>
      <p>
        Current label: <PortionMark portion={portion} />
      </p>
      {pending.map((r) => (
        <div key={r.id} className="relabel__request" role="group" aria-label="Pending downgrade">
          <p>
            <strong>Downgrade pending</strong>: <PortionMark portion={r.fromPortion} /> →{' '}
            <PortionMark portion={r.toPortion} />, requested by {r.requestedBy.name} on {when(r.requestedAt)}.
          </p>
          <p>Reason: {r.reason}</p>
          {r.canDecide ? (
            <>
              <Field id="relabel-note" label="Note (optional)">
                <textarea
                  id="relabel-note"
                  rows={2}
                  value={note}
                  onChange={(ev) => setNote(ev.target.value)}
                />
              </Field>
              <div className="button-row">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={busy}
                  onClick={() => void act('approve', r)}
                >
                  Approve downgrade
                </button>
                <button
                  type="button"
                  className="btn btn--danger"
                  disabled={busy}
                  onClick={() => void act('reject', r)}
                >
                  Reject downgrade
                </button>
              </div>
            </>
          ) : r.canWithdraw ? (
            <>
              <p className="muted">
                A second releasing officer of the originating organisation must approve it.
              </p>
              <button type="button" className="btn" disabled={busy} onClick={() => void act('withdraw', r)}>
                Withdraw request
              </button>
            </>
          ) : (
            <p className="muted">Waiting for a second releasing officer of the originating organisation.</p>
          )}
        </div>
      ))}
      {list.canRelabel && pending.length === 0 && !open ? (
        <button ref={openerRef} type="button" className="btn" onClick={start}>
          Change classification
        </button>
      ) : null}
      {open ? (
        <form
          ref={formRef}
          noValidate
          className="relabel__form"
          aria-label="Change classification"
          onSubmit={(ev) => void submit(ev)}
          onKeyDown={(ev) => {
            if (ev.key === 'Escape') close();
          }}
        >
          <p className="muted">
            A label at least as restrictive as the current one applies at once. A lower one (a downgrade)
            needs a second releasing officer of the originating organisation.
          </p>
          <LabelFieldset
            value={draft}
            errors={labelErrors}
            countries={countries}
            onChange={setDraft}
            idPrefix="relabel"
          />
          <Field id="relabel-reason" label="Reason" error={errors['reason']} required>
            <textarea
              id="relabel-reason"
              rows={3}
              value={reason}
              aria-required
              aria-invalid={!!errors['reason'] || undefined}
              aria-describedby={describedBy('relabel-reason', errors['reason'])}
              onChange={(ev) => setReason(ev.target.value)}
            />
          </Field>
          {message ? (
            <p className="form-error" role="alert">
              {message}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Change classification'}
            </button>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      {result ? (
        <p className="relabel__result" role="status">
          {result}
        </p>
      ) : null}
      {decided.length ? (
        <details>
          <summary>Earlier classification requests</summary>
          <ul>
            {decided.map((r) => (
              <li key={r.id}>
                <PortionMark portion={r.fromPortion} /> → <PortionMark portion={r.toPortion} />: {r.status}
                {r.decidedBy ? ` by ${r.decidedBy.name}` : ''} {r.decidedAt ? `on ${when(r.decidedAt)}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The panel on an engagement's page, with the country list for the label fieldset. */
export function EngagementRelabel({
  engagement: e,
  onChanged,
}: {
  engagement: Engagement;
  onChanged: () => void;
}) {
  const countries = useCountries();
  return (
    <RelabelPanel
      recordId={e.id}
      version={e.version}
      label={e.label}
      portion={e.portion}
      countries={countries.data ?? []}
      onChanged={onChanged}
    />
  );
}
