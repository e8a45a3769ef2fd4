/**
 * TLP recipients of an engagement or agreement (ACCESS.md §2; ADR 0007): shown on the detail page when the
 * record's label carries a TLP colour; the owner organisation's planners set the organisations (and, for
 * TLP:AMBER, client organisations) and the named users (TLP:RED) that may receive it.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TlpRecipientsView } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { useMe } from '../../app/session';
import { Field, describedBy } from '../../components/Field';
import { ErrorState, SkeletonRows } from '../../components/States';
import { fieldsApi, type TlpKind } from './fieldsApi';

const COLOUR: Record<string, string> = {
  clear: 'CLEAR',
  green: 'GREEN',
  amber: 'AMBER',
  amber_strict: 'AMBER+STRICT',
  red: 'RED',
};
const RULE: Record<string, string> = {
  clear: 'No restriction beyond the classification.',
  green: 'Any registered organisation the classification admits.',
  amber: 'The named users, the recipient organisations and their client organisations.',
  amber_strict: 'The named users and the recipient organisations only (not their clients).',
  red: 'The named users only.',
};

type Props = { kind: TlpKind; id: string; onChanged?: () => void };

export function TlpRecipientsPanel({ kind, id, onChanged }: Props) {
  const me = useMe();
  const queryClient = useQueryClient();
  const key = ['tlp-recipients', kind, id];
  const q = useApiQuery(key, (s) => fieldsApi.tlpRecipients(kind, id, s));
  const orgs = useApiQuery(['organisations'], (s) => endpoints.organisations(s), { staleTime: 3_600_000 });
  const [editing, setEditing] = useState(false);

  if (q.error instanceof ApiError && q.error.status === 404) return null;
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  if (!q.data) return <SkeletonRows rows={2} label="Loading TLP recipients…" />;
  const r = q.data;
  if (!r.tlp) return null;
  const nameOf = new Map((orgs.data ?? []).map((o) => [o.id, o.acronym ?? o.name]));
  const names = (ids: readonly string[]) =>
    ids.length ? ids.map((x) => nameOf.get(x) ?? x).join(', ') : 'none';
  const canEdit = !me.partner && me.roles.some((x) => x === 'planner' || x === 'approver');
  const uses = {
    org: r.tlp === 'amber' || r.tlp === 'amber_strict',
    client: r.tlp === 'amber',
    users: r.tlp !== 'clear' && r.tlp !== 'green',
  };

  return (
    <section className="card" aria-labelledby={`tlp-${id}-title`}>
      <h2 id={`tlp-${id}-title`}>
        <span className="portion tlp-chip">TLP:{COLOUR[r.tlp] ?? r.tlp.toUpperCase()}</span> Recipients
      </h2>
      <p className="muted">{RULE[r.tlp]}</p>
      {editing ? (
        <RecipientsForm
          id={id}
          current={r}
          uses={uses}
          organisations={orgs.data ?? []}
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            await fieldsApi.setTlpRecipients(kind, id, input);
            setEditing(false);
            await queryClient.invalidateQueries({ queryKey: key });
            onChanged?.();
          }}
        />
      ) : (
        <>
          <dl className="facts">
            {uses.org ? (
              <>
                <dt>Organisations</dt>
                <dd>{names(r.orgIds)}</dd>
              </>
            ) : null}
            {uses.client ? (
              <>
                <dt>Client organisations</dt>
                <dd>{names(r.clientOrgIds)}</dd>
              </>
            ) : null}
            {uses.users ? (
              <>
                <dt>Named users</dt>
                <dd>
                  {r.users.length
                    ? r.users.map((u) => `${u.displayName} (${u.username})`).join(', ')
                    : 'none'}
                </dd>
              </>
            ) : null}
          </dl>
          {canEdit && r.tlp !== 'clear' && r.tlp !== 'green' ? (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Change recipients
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

type FormProps = {
  id: string;
  current: TlpRecipientsView;
  uses: { org: boolean; client: boolean; users: boolean };
  organisations: readonly { id: string; code: string; name: string }[];
  onSave: (input: {
    orgIds: string[];
    clientOrgIds: string[];
    usernames: string[];
    version: number;
  }) => Promise<void>;
  onCancel: () => void;
};

function RecipientsForm({ id, current, uses, organisations, onSave, onCancel }: FormProps) {
  const [orgIds, setOrgIds] = useState<string[]>(current.orgIds);
  const [clientOrgIds, setClientOrgIds] = useState<string[]>(current.clientOrgIds);
  const [usernames, setUsernames] = useState(current.users.map((u) => u.username).join(', '));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const err = (prefix: string) =>
    Object.entries(errors)
      .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
      .map(([, v]) => v)
      .join('; ') || undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      const names = usernames.split(/[\s,]+/).filter(Boolean);
      await onSave({ orgIds, clientOrgIds, usernames: names, version: current.version });
    } catch (x) {
      if (x instanceof ApiError) setErrors(Object.fromEntries(x.fields.map((f) => [f.path, f.message])));
      setFormError(messageOf(x));
    } finally {
      setBusy(false);
    }
  };
  const picker = (
    key: 'orgIds' | 'clientOrgIds',
    label: string,
    value: string[],
    set: (v: string[]) => void,
  ) => {
    const cid = `tlp-${id}-${key}`;
    return (
      <Field id={cid} label={label} error={err(key)} hint="Hold Ctrl (or Cmd) to choose several.">
        <select
          id={cid}
          multiple
          size={6}
          value={value}
          aria-invalid={!!err(key) || undefined}
          aria-describedby={describedBy(cid, err(key), true)}
          onChange={(e) => set([...e.target.selectedOptions].map((o) => o.value))}
        >
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} — {o.name}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  const userId = `tlp-${id}-usernames`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {formError ? (
        <p className="field__error" role="alert">
          {formError}
        </p>
      ) : null}
      {uses.org ? picker('orgIds', 'Recipient organisations', orgIds, setOrgIds) : null}
      {uses.client
        ? picker('clientOrgIds', 'Their client organisations', clientOrgIds, setClientOrgIds)
        : null}
      {uses.users ? (
        <Field id={userId} label="Named users (user names, comma-separated)" error={err('usernames')}>
          <input
            id={userId}
            value={usernames}
            aria-invalid={!!err('usernames') || undefined}
            aria-describedby={describedBy(userId, err('usernames'))}
            onChange={(e) => setUsernames(e.target.value)}
          />
        </Field>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save recipients'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
