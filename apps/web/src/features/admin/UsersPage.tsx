/** Users: who can sign in, with what roles, clearance and communities; and a form to add one. */
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { humanise } from '../../lib/engagementTypes';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView, SkeletonRows } from '../../components/States';
import { UserForm } from './UserForm';

export function UsersPage() {
  useDocumentTitle('Users');
  const users = useApiQuery(['admin', 'users'], endpoints.users);
  const [adding, setAdding] = useState(false);

  return (
    <>
      <PageHeader title="Users">
        <button
          type="button"
          className="btn btn--primary"
          aria-expanded={adding}
          onClick={() => setAdding(!adding)}
        >
          {adding ? 'Close the form' : 'Add user'}
        </button>
      </PageHeader>
      {adding ? (
        <UserForm
          onCreated={() => {
            setAdding(false);
            users.refetch();
          }}
        />
      ) : null}
      <QueryView query={users} loading={<SkeletonRows rows={8} label="Loading users…" />}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>No users.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Users</caption>
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Clearance</th>
                    <th scope="col">Communities</th>
                    <th scope="col">MFA</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((u) => (
                    <tr key={u.id}>
                      <td>
                        <Link to="/admin/users/$id" params={{ id: u.id }}>
                          <strong>{u.displayName}</strong>
                        </Link>
                        <div className="muted">{u.username}</div>
                      </td>
                      <td>
                        <span className="nowrap">
                          {u.orgCode} · {u.nationality}
                        </span>
                        {u.partner ? (
                          <>
                            {' '}
                            <span className="badge badge--partner">Partner</span>
                          </>
                        ) : null}
                      </td>
                      <td>{u.roles.map(humanise).join(', ')}</td>
                      <td>
                        <span className="nowrap">{u.clearance}</span>
                        {u.compartments.length ? (
                          <div className="muted">{u.compartments.join(', ')}</div>
                        ) : null}
                      </td>
                      <td>
                        {/* Codes such as hoa-maritime stay whole; the list wraps between them. */}
                        {u.communities.length
                          ? u.communities.map((c, i) => (
                              <span key={c}>
                                {i > 0 ? ', ' : ''}
                                <span className="nowrap">{c}</span>
                              </span>
                            ))
                          : '—'}
                      </td>
                      <td>{u.mfa ? 'Enrolled' : '—'}</td>
                      <td>
                        {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                          <span className="badge badge--danger">Locked</span>
                        ) : (
                          'Active'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
