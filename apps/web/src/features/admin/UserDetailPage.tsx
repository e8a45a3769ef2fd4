/** One user: account facts, nationality and clearances (editable by a security officer), dated community memberships. */
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { UserSecurityUpdate } from '@entente/contracts';
import { ApiError } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { useCountries } from '../../lib/reference';
import { humanise } from '../../lib/engagementTypes';
import { formatDate } from '../../lib/format';
import { useMe } from '../../app/session';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView, SkeletonRows } from '../../components/States';
import { adminApi } from './adminApi';
import type { UserDetailData } from './adminApi';
import { SecurityForm } from './SecurityForm';

export function UserDetailPage({ id }: { id: string }) {
  const me = useMe();
  const canGrant = !me.partner && me.roles.includes('security_officer');
  const queryClient = useQueryClient();
  const user = useApiQuery(['admin', 'user', id], (s) => adminApi.user(id, s));
  const countries = useCountries();
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(user.data ? `User ${user.data.username}` : 'User');

  const save = async (input: UserSecurityUpdate) => {
    try {
      const r = await adminApi.updateSecurity(id, input);
      queryClient.setQueryData(['admin', 'user', id], r);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      setNotice(
        `Saved (version ${r.data.version}). The change applies from ${r.data.username}'s next request.`,
      );
    } catch (err) {
      // Someone else saved first: fetch their version; the form then restarts from it.
      if (err instanceof ApiError && err.code === 'stale_version') user.refetch();
      throw err;
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/users">Users</Link> / {user.data?.username ?? '…'}
      </p>
      <QueryView query={user} loading={<SkeletonRows rows={8} label="Loading the user…" />}>
        {(u) => (
          <>
            <PageHeader title={u.displayName} lead={`${u.username} · ${u.orgName || u.orgCode}`} />
            {notice ? (
              <p className="ok" role="status">
                {notice}
              </p>
            ) : null}
            <div className="grid grid--detail">
              <section className="card" aria-labelledby="account-title">
                <h2 id="account-title">Account</h2>
                <dl className="facts">
                  <Fact term="Organisation" value={`${u.orgName} (${u.orgCode})`} />
                  <Fact term="Nationality" value={u.nationality} />
                  <Fact term="Kind" value={u.partner ? 'Partner user' : 'Home user'} />
                  <Fact term="Roles" value={u.roles.map(humanise).join(', ') || '—'} />
                  <Fact term="Second factor" value={u.mfa ? 'Enrolled' : 'Not enrolled'} />
                  <Fact
                    term="State"
                    value={u.lockedUntil && new Date(u.lockedUntil) > new Date() ? 'Locked' : 'Active'}
                  />
                </dl>
              </section>
              {canGrant ? (
                <SecurityForm key={u.version} user={u} countries={countries.data ?? []} onSave={save} />
              ) : (
                <Clearances user={u} />
              )}
            </div>
            <Memberships user={u} />
          </>
        )}
      </QueryView>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Read-only clearances, for administrators who are not security officers. */
function Clearances({ user }: { user: UserDetailData }) {
  const bannerOf = (policy: string, level: string) =>
    user.policies.find((p) => p.id === policy)?.levels.find((l) => l.name === level)?.banner ?? level;
  return (
    <section className="card" aria-labelledby="clearances-title">
      <h2 id="clearances-title">Clearances</h2>
      <p className="muted">Only a security officer can change clearances and nationality.</p>
      {user.clearances.length === 0 ? (
        <EmptyState>No clearance.</EmptyState>
      ) : (
        <dl className="facts">
          {user.clearances.map((c) => (
            <Fact
              key={c.policy}
              term={c.policy}
              value={`${bannerOf(c.policy, c.level)}${c.compartments.length ? ` + ${c.compartments.join(', ')}` : ''}, expires ${formatDate(c.expiresOn)}`}
            />
          ))}
        </dl>
      )}
    </section>
  );
}

function Memberships({ user }: { user: UserDetailData }) {
  return (
    <section className="card" aria-labelledby="memberships-title">
      <h2 id="memberships-title">Community memberships</h2>
      <p className="muted">
        Granted and ended on the <Link to="/admin/communities">Communities</Link> page; ended memberships stay
        here as history.
      </p>
      {user.memberships.length === 0 ? (
        <EmptyState>No community memberships.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">Community memberships of {user.username}</caption>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col">Role</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {user.memberships.map((m) => (
                <tr key={`${m.communityId}-${m.from}`}>
                  <td>
                    {m.name}
                    <div className="muted mono">{m.code}</div>
                  </td>
                  <td>{humanise(m.role)}</td>
                  <td className="nowrap">{formatDate(m.from)}</td>
                  <td className="nowrap">{m.to ? formatDate(m.to) : 'Open'}</td>
                  <td>
                    <span className={`badge ${m.current ? '' : 'badge--closed'}`}>
                      {m.current ? 'Current' : 'Not current'}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
