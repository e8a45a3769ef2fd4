/** Every state, with region, groups, relationship tier and engagement count; filtered by text and region. */
import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import type { PartnersSearch } from '../../app/search';
import { compact } from '../../app/search';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { PartnerStatusBadge } from './PartnerStatusBadge';
import { useSearchText } from '../../lib/useDebounced';
import { formatNumber } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView, SkeletonRows } from '../../components/States';

type Props = { search: PartnersSearch; onSearch: (s: PartnersSearch) => void };

export function PartnersPage({ search, onSearch }: Props) {
  useDocumentTitle('Partners');
  const partners = useApiQuery(['partners', 'all'], (s) => endpoints.partners({}, s), { staleTime: 300_000 });
  const [q, setQ] = useSearchText(search.q, (v) => onSearch(compact({ ...search, q: v })), 200);
  const regions = useMemo(
    () => [...new Set((partners.data ?? []).map((p) => p.region).filter(Boolean))].sort(),
    [partners.data],
  );
  const shown = useMemo(() => {
    const needle = (search.q ?? '').toLowerCase();
    return (partners.data ?? []).filter(
      (p) =>
        (!search.region || p.region === search.region) &&
        (!needle ||
          p.name.toLowerCase().includes(needle) ||
          p.iso3.toLowerCase() === needle ||
          p.groups.some((g) => g.toLowerCase() === needle)),
    );
  }, [partners.data, search.q, search.region]);

  return (
    <>
      <PageHeader
        title="Partners"
        lead="Every state, what we hold about it, and the groups it belongs to today."
      />
      <form
        className="filters"
        role="search"
        aria-label="Partner filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field field--inline">
          <label htmlFor="partner-q">Search</label>
          <input
            id="partner-q"
            type="search"
            value={q}
            placeholder="Name, ISO3 or group"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="partner-region">Region</label>
          <select
            id="partner-region"
            value={search.region ?? ''}
            onChange={(e) => onSearch(compact({ ...search, region: e.target.value || undefined }))}
          >
            <option value="">All regions</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      </form>
      <QueryView query={partners} loading={<SkeletonRows rows={10} label="Loading partners…" />}>
        {() =>
          shown.length === 0 ? (
            <EmptyState>No partners match these filters.</EmptyState>
          ) : (
            <div className="table-wrap">
              <p className="muted" aria-live="polite">
                {formatNumber(shown.length)} states
              </p>
              <table className="table">
                <caption className="visually-hidden">Partners</caption>
                <thead>
                  <tr>
                    <th scope="col">State</th>
                    <th scope="col">Region</th>
                    <th scope="col">Groups</th>
                    <th scope="col">Tier</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Engagements
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => (
                    <tr key={p.iso3}>
                      <td>
                        <Link to="/partners/$iso3" params={{ iso3: p.iso3 }}>
                          {p.name}
                        </Link>{' '}
                        <span className="muted">{p.iso3}</span>
                      </td>
                      <td>
                        {p.region}
                        {p.subregion ? <div className="muted">{p.subregion}</div> : null}
                      </td>
                      <td>{p.groups.join(', ') || '—'}</td>
                      <td>{p.tier ? humanise(p.tier) : '—'}</td>
                      <td>{p.status ? <PartnerStatusBadge status={p.status} /> : '—'}</td>
                      <td className="num">{formatNumber(p.engagementCount)}</td>
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
