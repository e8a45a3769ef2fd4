/** The audit log viewer: a page of events, filtered by action and entity. */
import type { AuditSearch } from '../../app/search';
import { compact } from '../../app/search';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { useSearchText } from '../../lib/useDebounced';
import { formatDateTime } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { Pager } from '../../components/Pager';

const PAGE_SIZE = 50;

type Props = { search: AuditSearch; onSearch: (s: AuditSearch) => void };

export function AuditPage({ search, onSearch }: Props) {
  useDocumentTitle('Audit log');
  const [action, setAction] = useSearchText(search.action, (v) =>
    onSearch(compact({ ...search, action: v, page: undefined })),
  );
  const [entity, setEntity] = useSearchText(search.entity, (v) =>
    onSearch(compact({ ...search, entity: v, page: undefined })),
  );
  const query = { action: search.action, entity: search.entity, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const audit = useApiQuery(['admin', 'audit', query], (s) => endpoints.audit(query, s), {
    keepPrevious: true,
  });

  return (
    <>
      <PageHeader
        title="Audit log"
        lead="Append-only and hash-chained; every access to labelled data is recorded."
      />
      <form className="filters" role="search" aria-label="Audit filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="audit-action">Action</label>
          <input
            id="audit-action"
            type="search"
            value={action}
            placeholder="e.g. engagement.scheduled"
            onChange={(e) => setAction(e.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="audit-entity">Entity</label>
          <input
            id="audit-entity"
            type="search"
            value={entity}
            placeholder="e.g. engagement"
            onChange={(e) => setEntity(e.target.value)}
          />
        </div>
      </form>
      <section aria-label="Audit events" aria-busy={audit.isFetching}>
        {audit.error && !audit.data ? (
          <ErrorState error={audit.error} onRetry={audit.refetch} />
        ) : !audit.data ? (
          <SkeletonRows rows={10} label="Loading audit events…" />
        ) : audit.data.items.length === 0 ? (
          <EmptyState>No audit events match these filters.</EmptyState>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table table--compact">
                <caption className="visually-hidden">Audit events</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Seq
                    </th>
                    <th scope="col">Marking</th>
                    <th scope="col">At</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Action</th>
                    <th scope="col">Entity</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.data.items.map((a) => (
                    <tr key={a.seq}>
                      <td className="num">{a.seq}</td>
                      <td>
                        <PortionMark portion={a.portion} />
                      </td>
                      <td className="nowrap">{formatDateTime(a.at)}</td>
                      <td>{a.actor ?? 'system'}</td>
                      <td>
                        <code>{a.action}</code>
                      </td>
                      <td>
                        {a.entity}
                        {a.entityId ? <div className="muted mono">{a.entityId}</div> : null}
                      </td>
                      <td>
                        <span className={`badge ${a.decision === 'deny' ? 'badge--danger' : ''}`}>
                          {a.decision}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={audit.data.page}
              pageSize={audit.data.pageSize}
              total={audit.data.total}
              onPage={(p) => onSearch(compact({ ...search, page: p > 1 ? p : undefined }))}
            />
          </>
        )}
      </section>
    </>
  );
}
