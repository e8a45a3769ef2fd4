/** Alliances and organisations, filtered by kind; choosing one shows its dated memberships. */
import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import type { AlliancesSearch } from '../../app/search';
import { compact } from '../../app/search';
import { useOrganisations } from '../../lib/reference';
import { humanise } from '../../lib/engagementTypes';
import { formatDate, formatNumber } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView, SkeletonRows } from '../../components/States';
import { OrgMemberships } from './OrgMemberships';

type Props = { search: AlliancesSearch; onSearch: (s: AlliancesSearch) => void };

const DEFAULT_KINDS = ['alliance', 'regional_org', 'international_org'];

export function AlliancesPage({ search, onSearch }: Props) {
  useDocumentTitle('Alliances');
  const orgs = useOrganisations();
  const kinds = useMemo(() => [...new Set((orgs.data ?? []).map((o) => o.kind))].sort(), [orgs.data]);
  const kind = search.kind ?? '';
  const shown = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) =>
          kind === 'all'
            ? true
            : kind
              ? o.kind === kind
              : DEFAULT_KINDS.includes(o.kind) || o.memberCount > 0,
        )
        .sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name)),
    [orgs.data, kind],
  );
  const selected = (orgs.data ?? []).find((o) => o.code === search.org);

  return (
    <>
      <PageHeader
        title="Alliances and organisations"
        lead="Memberships are dated: access and analysis use membership on the day."
      />
      <form className="filters" aria-label="Organisation filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="org-kind">Kind</label>
          <select
            id="org-kind"
            value={kind}
            onChange={(e) => onSearch(compact({ ...search, kind: e.target.value || undefined }))}
          >
            <option value="">Alliances and organisations with members</option>
            <option value="all">Every kind</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {humanise(k)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className="grid grid--master">
        <QueryView query={orgs} loading={<SkeletonRows rows={8} label="Loading organisations…" />}>
          {() =>
            shown.length === 0 ? (
              <EmptyState>No organisations of this kind.</EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table table--compact">
                  <caption className="visually-hidden">Organisations</caption>
                  <thead>
                    <tr>
                      <th scope="col">Organisation</th>
                      <th scope="col" className="num">
                        Members
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((o) => (
                      <tr key={o.id} className={o.code === search.org ? 'row--selected' : undefined}>
                        <td>
                          <Link
                            to="/alliances"
                            search={compact({ ...search, org: o.code })}
                            aria-current={o.code === search.org ? 'true' : undefined}
                          >
                            {o.acronym ? `${o.acronym} — ` : ''}
                            {o.name}
                          </Link>
                          <div className="muted">
                            {humanise(o.kind)}
                            {o.foundedOn ? ` · founded ${formatDate(o.foundedOn)}` : ''}
                          </div>
                        </td>
                        <td className="num">{formatNumber(o.memberCount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
        <div>
          {selected ? (
            <OrgMemberships org={selected} />
          ) : search.org ? (
            <EmptyState>Organisation {search.org} not found.</EmptyState>
          ) : (
            <EmptyState>Choose an organisation to see its members.</EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
