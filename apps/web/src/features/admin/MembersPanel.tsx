/** A community's dated memberships: who holds it from when to when; add one, or end one (history is kept). */
import { useEffect, useRef, useState } from 'react';
import { COMMUNITY_MEMBER_ROLES, CommunityMemberEnd, CommunityMemberInput } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { humanise } from '../../lib/engagementTypes';
import { formatDate } from '../../lib/format';
import type { UserRow } from '../../lib/endpoints';
import { Field, describedBy } from '../../components/Field';
import { EmptyState } from '../../components/States';
import { adminApi, issuesToErrors, serverErrors, todayIso } from './adminApi';
import type { CommunityRow, FieldErrors } from './adminApi';

type Member = CommunityRow['members'][number];
type Props = { community: CommunityRow; users: readonly UserRow[]; canGrant: boolean; onChanged: () => void };

const statusOf = (m: Member, today: string) =>
  m.current ? 'Current' : m.from > today ? 'Starts later' : 'Ended';

export function MembersPanel({ community, users, canGrant, onChanged }: Props) {
  const today = todayIso();
  const [ending, setEnding] = useState<Member | null>(null);
  const [endOn, setEndOn] = useState(today);
  const [endError, setEndError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ userId: '', role: 'member', from: today, to: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const id = (name: string) => `members-${community.code}-${name}`;
  // The panel opens below the list: bring it into view and give it keyboard focus.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [community.id]);

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = CommunityMemberInput.safeParse({ ...draft, to: draft.to || null });
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await adminApi.addMember(community.id, parsed.data);
      const who = users.find((u) => u.id === parsed.data.userId)?.username ?? 'The user';
      setNotice(`${who} is a member of ${community.code} from ${formatDate(parsed.data.from)}.`);
      setDraft({ userId: '', role: 'member', from: today, to: '' });
      onChanged();
    } catch (err) {
      setErrors(serverErrors(err));
      setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const end = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!ending) return;
    const parsed = CommunityMemberEnd.safeParse({ userId: ending.userId, from: ending.from, to: endOn });
    if (!parsed.success) {
      setEndError(parsed.error.issues[0]?.message ?? 'Check the date.');
      return;
    }
    setBusy(true);
    try {
      await adminApi.endMember(community.id, parsed.data);
      setNotice(`${ending.username}'s membership of ${community.code} ends on ${formatDate(endOn)}.`);
      setEnding(null);
      setEndError(null);
      onChanged();
    } catch (err) {
      setEndError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={id('title')}>
      <h2 id={id('title')} ref={heading} tabIndex={-1}>
        Members of {community.name}
      </h2>
      {notice ? (
        <p className="ok" role="status">
          {notice}
        </p>
      ) : null}
      {community.members.length === 0 ? (
        <EmptyState>No one holds this community yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">Memberships of {community.code}</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                {canGrant ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {community.members.map((m) => (
                <tr key={`${m.userId}-${m.from}`}>
                  <td>
                    {m.displayName}
                    <div className="muted">{m.username}</div>
                  </td>
                  <td className="nowrap">{m.orgCode}</td>
                  <td>{humanise(m.role)}</td>
                  <td className="nowrap">{formatDate(m.from)}</td>
                  <td className="nowrap">{m.to ? formatDate(m.to) : 'Open'}</td>
                  <td>
                    <span className={`badge ${m.current ? '' : 'badge--closed'}`}>{statusOf(m, today)}</span>
                  </td>
                  {canGrant ? (
                    <td>
                      {m.to === null || m.to > today ? (
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-label={`End ${m.username}'s membership from ${m.from}`}
                          onClick={() => {
                            setEnding(m);
                            setEndOn(today < m.from ? m.from : today);
                            setEndError(null);
                          }}
                        >
                          End…
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ending ? (
        <form
          className="filters"
          onSubmit={(e) => void end(e)}
          aria-label={`End ${ending.username}'s membership`}
        >
          <Field
            id={id('end-on')}
            label={`End ${ending.username}'s membership on`}
            error={endError ?? undefined}
          >
            <input
              id={id('end-on')}
              type="date"
              value={endOn}
              min={ending.from}
              autoFocus
              aria-invalid={!!endError || undefined}
              aria-describedby={describedBy(id('end-on'), endError ?? undefined)}
              onChange={(e) => setEndOn(e.target.value)}
            />
          </Field>
          <div className="button-row">
            <button type="submit" className="btn btn--danger" disabled={busy}>
              End membership
            </button>
            <button type="button" className="btn" onClick={() => setEnding(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {canGrant ? (
        <form onSubmit={(e) => void add(e)} noValidate aria-labelledby={id('add-title')} aria-busy={busy}>
          <h3 id={id('add-title')}>Add a member</h3>
          <div className="grid grid--form">
            <Field id={id('user')} label="User" error={errors['userId']} required>
              <select
                id={id('user')}
                value={draft.userId}
                aria-invalid={!!errors['userId'] || undefined}
                aria-describedby={describedBy(id('user'), errors['userId'])}
                onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
              >
                <option value="">Choose…</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName} ({u.username}, {u.orgCode})
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id('role')} label="Role" error={errors['role']}>
              <select
                id={id('role')}
                value={draft.role}
                onChange={(e) => setDraft({ ...draft, role: e.target.value })}
              >
                {COMMUNITY_MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {humanise(r)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id('from')} label="From" error={errors['from']} required>
              <input
                id={id('from')}
                type="date"
                value={draft.from}
                aria-invalid={!!errors['from'] || undefined}
                aria-describedby={describedBy(id('from'), errors['from'])}
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              />
            </Field>
            <Field
              id={id('to')}
              label="To (optional)"
              error={errors['to']}
              hint="Leave empty for an open membership."
            >
              <input
                id={id('to')}
                type="date"
                value={draft.to}
                aria-invalid={!!errors['to'] || undefined}
                aria-describedby={describedBy(id('to'), errors['to'], true)}
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              />
            </Field>
          </div>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <button type="submit" className="btn btn--primary" disabled={busy}>
            Add member
          </button>
        </form>
      ) : (
        <p className="muted">Only a security officer can grant or end memberships.</p>
      )}
    </section>
  );
}
