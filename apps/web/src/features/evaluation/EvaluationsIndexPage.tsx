/**
 * Every stored evaluation the user may see, most recently run first: what it is about, its status
 * (a stale one re-runs when opened), the headline estimate with its design grade, and the last run.
 * Filters by status, kind of record and words; paged by the server.
 */
import { Link } from '@tanstack/react-router';
import type { EvaluationSubjectKind } from '@entente/contracts';
import { compact, type EvaluationsSearch } from '../../app/search';
import { useApiQuery } from '../../lib/query';
import { useSearchText } from '../../lib/useDebounced';
import { formatDate, formatNumber } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { evaluationApi, evaluationKeys, fmt, methodLabel, type StoredItem } from './evaluationApi';
import { EvaluationStatusBadge, SubjectLink } from './StoredEvaluationPage';

const PAGE_SIZE = 25;
const KINDS: { value: EvaluationSubjectKind; label: string }[] = [
  { value: 'engagement', label: 'Engagements' },
  { value: 'initiative', label: 'Initiatives' },
  { value: 'objective', label: 'Objectives' },
];
const STATUSES = [
  { value: 'current', label: 'Current' },
  { value: 'stale', label: 'Stale (data changed)' },
  { value: 'failed', label: 'Failed' },
];
const isKind = (k: string | undefined): k is EvaluationSubjectKind => KINDS.some((x) => x.value === k);

type Props = { search: EvaluationsSearch; onSearch: (s: EvaluationsSearch) => void };

export function EvaluationsIndexPage({ search, onSearch }: Props) {
  useDocumentTitle('Evaluations');
  const set = (patch: Partial<EvaluationsSearch>) =>
    onSearch(compact({ ...search, page: undefined, ...patch }));
  const [q, setQ] = useSearchText(search.q, (v) => set({ q: v }));
  const page = search.page ?? 1;
  const query = {
    q: search.q,
    status: search.status,
    subjectKind: isKind(search.kind) ? search.kind : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useApiQuery(evaluationKeys.index(query), (s) => evaluationApi.index(query, s), {
    keepPrevious: true,
  });
  const filtered = Boolean(search.q || search.status || search.kind);
  return (
    <>
      <PageHeader
        title="Evaluations"
        lead="Stored impact evaluations of engagements, initiatives and objectives, with their grade and the data they used."
      >
        <Link to="/evaluate" className="btn btn--primary">
          New evaluation
        </Link>
      </PageHeader>
      <form className="filters" aria-label="Evaluation filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="ev-q">Search</label>
          <input
            id="ev-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Title, record code or title"
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="ev-status">Status</label>
          <select
            id="ev-status"
            value={search.status ?? ''}
            onChange={(e) => set({ status: e.target.value || undefined })}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="ev-kind">About</label>
          <select
            id="ev-kind"
            value={search.kind ?? ''}
            onChange={(e) => set({ kind: e.target.value || undefined })}
          >
            <option value="">Any record</option>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.refetch} title="The evaluations could not be loaded" />
      ) : !list.data ? (
        <SkeletonRows rows={6} label="Loading the evaluations…" />
      ) : list.data.total === 0 ? (
        <EmptyState>
          {filtered ? (
            <p>No stored evaluation matches these filters.</p>
          ) : (
            <p>
              No stored evaluation yet. Run one on the <Link to="/evaluate">Evaluate</Link> page and save it
              to an engagement, initiative or objective.
            </p>
          )}
        </EmptyState>
      ) : (
        <section className="card" aria-busy={list.isFetching}>
          <table className="table">
            <caption className="visually-hidden">
              Stored evaluations, {formatNumber(list.data.total)} in all, most recently run first
            </caption>
            <thead>
              <tr>
                <th scope="col">Evaluation</th>
                <th scope="col">About</th>
                <th scope="col">Status</th>
                <th scope="col">Headline estimate</th>
                <th scope="col">Last run</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((e) => (
                <Row key={e.id} e={e} />
              ))}
            </tbody>
          </table>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => onSearch(compact({ ...search, page: p > 1 ? p : undefined }))}
          />
        </section>
      )}
    </>
  );
}

function Row({ e }: { e: StoredItem }) {
  const h = e.headline;
  return (
    <tr>
      <td>
        <PortionMark portion={e.portion} />{' '}
        <Link to="/evaluations/$id" params={{ id: e.id }}>
          {e.title}
        </Link>
      </td>
      <td>
        <span className="muted">{KINDS.find((k) => k.value === e.subjectKind)?.label.replace(/s$/, '')}</span>{' '}
        <SubjectLink e={e} />
      </td>
      <td>
        <EvaluationStatusBadge status={e.status} reason={e.statusReason} />
      </td>
      <td>
        {h ? (
          <>
            {methodLabel(h.method)}: <strong>{fmt(h.estimate)}</strong> (95 % CI {fmt(h.ci95[0])}–
            {fmt(h.ci95[1])})
            <br />
            <span className="muted">
              Design level {h.designLevel} · {h.designLabel}
            </span>
          </>
        ) : (
          <span className="muted">No unblocked estimate</span>
        )}
      </td>
      <td>{formatDate(e.lastRunAt.slice(0, 10))}</td>
    </tr>
  );
}
