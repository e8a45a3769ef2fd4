/** Communities of interest: their label bounds as classification text, their dated members; create one, grant or end memberships. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CommunityInput } from '@entente/contracts';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { useCountries } from '../../lib/reference';
import { useMe } from '../../app/session';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView, SkeletonRows } from '../../components/States';
import { adminApi } from './adminApi';
import type { CommunityRow } from './adminApi';
import { CommunityForm } from './CommunityForm';
import { MembersPanel } from './MembersPanel';

/** A bound as classification text (its banner line), breakable after each `//`. */
function Bound({ label }: { label: CommunityRow['floor'] }) {
  const parts = label.banner.split('//');
  return (
    <span className="mono">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 ? (
            <>
              //
              <wbr />
            </>
          ) : null}
          {p}
        </span>
      ))}
    </span>
  );
}

export function CommunitiesPage() {
  useDocumentTitle('Communities');
  const me = useMe();
  const canGrant = !me.partner && me.roles.includes('security_officer');
  const queryClient = useQueryClient();
  const communities = useApiQuery(['admin', 'communities'], adminApi.communities);
  const users = useApiQuery(['admin', 'users'], endpoints.users);
  const countries = useCountries();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changed = () => {
    communities.refetch();
    void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    void queryClient.invalidateQueries({ queryKey: ['ref', 'communities'] });
  };
  const create = async (input: CommunityInput) => {
    const r = await adminApi.createCommunity(input);
    setAdding(false);
    setNotice(`Community ${r.data.code} created. Add its members below.`);
    setOpenId(r.data.id);
    changed();
  };

  return (
    <>
      <PageHeader
        title="Communities"
        lead="Need-to-know groups. A record's label must lie between its community's floor and ceiling; membership is dated."
      >
        {canGrant ? (
          <button
            type="button"
            className="btn btn--primary"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
          >
            {adding ? 'Close the form' : 'Add community'}
          </button>
        ) : null}
      </PageHeader>
      {notice ? (
        <p className="ok" role="status">
          {notice}
        </p>
      ) : null}
      {adding ? (
        <CommunityForm countries={countries.data ?? []} onSave={create} onCancel={() => setAdding(false)} />
      ) : null}
      <QueryView query={communities} loading={<SkeletonRows rows={6} label="Loading communities…" />}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>No communities yet.</EmptyState>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Communities</caption>
                  <thead>
                    <tr>
                      <th scope="col">Community</th>
                      <th scope="col">Floor</th>
                      <th scope="col">Default</th>
                      <th scope="col">Ceiling</th>
                      <th scope="col" className="num">
                        Current members
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((c) => (
                      <tr key={c.id} aria-current={openId === c.id || undefined}>
                        <td>
                          <strong>{c.name}</strong>
                          <div className="muted mono">{c.code}</div>
                        </td>
                        <td>
                          <Bound label={c.floor} />
                        </td>
                        <td>
                          <Bound label={c.defaultLabel} />
                        </td>
                        <td>
                          <Bound label={c.ceiling} />
                        </td>
                        <td className="num">{c.members.filter((m) => m.current).length}</td>
                        <td>
                          <button
                            type="button"
                            className="btn btn--small"
                            aria-expanded={openId === c.id}
                            aria-controls={openId === c.id ? `members-${c.code}` : undefined}
                            onClick={() => setOpenId(openId === c.id ? null : c.id)}
                          >
                            {openId === c.id ? 'Hide members' : 'Members'}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {rows
                .filter((c) => c.id === openId)
                .map((c) => (
                  <div key={c.id} id={`members-${c.code}`}>
                    <MembersPanel
                      community={c}
                      users={users.data ?? []}
                      canGrant={canGrant}
                      onChanged={changed}
                    />
                  </div>
                ))}
            </>
          )
        }
      </QueryView>
    </>
  );
}
