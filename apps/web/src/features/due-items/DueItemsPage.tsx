/**
 * Due items my organisation (and the echelons under it) owes: closures, renewals, reviews. Overdue
 * rows are highlighted; the status and kind filters live in the URL; submit and waive are buttons
 * (waive asks for a reason in a dialog). Everything is a native control, so it works from the keyboard.
 */
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { DUE_ITEM_KINDS, DUE_ITEM_STATUSES } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { formatDate } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, QueryView, SkeletonRows } from '../../components/States';
import {
  DUE_ATTENTION,
  DUE_ATTENTION_LABEL,
  DUE_KIND_LABEL,
  DUE_STATUS_LABEL,
  dueItemsApi,
  dueText,
  reminderText,
} from './dueItemsApi';
import type { DueItemAttention } from './dueItemsApi';
import type { DueItemRow, DueItemsSearch } from './dueItemsApi';
import { DueStatusBadge } from './DueStatusBadge';
import { WaiveDialog } from './WaiveDialog';
import { TimelinessStrip } from './TimelinessStrip';

type Props = { search: DueItemsSearch; onSearch: (s: DueItemsSearch) => void };

export function DueItemsPage({ search, onSearch }: Props) {
  useDocumentTitle('Due items');
  const query = { status: search.status, kind: search.kind, attention: search.attention };
  const items = useApiQuery(['due-items', query], (s) => dueItemsApi.list(query, s), { keepPrevious: true });
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiving, setWaiving] = useState<DueItemRow | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const set = (patch: Partial<DueItemsSearch>) => {
    const next = { ...search, ...patch };
    onSearch(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as DueItemsSearch);
  };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['due-items'] });

  const submit = async (item: DueItemRow) => {
    setBusyId(item.id);
    setError(null);
    try {
      const done = (await dueItemsApi.submit(item.id, item.version)).data;
      setNotice(`${done.subjectCode}: ${DUE_STATUS_LABEL[done.status]?.toLowerCase() ?? done.status}.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusyId(null);
      refresh();
    }
  };

  const waive = async (reason: string) => {
    if (!waiving) return;
    const done = (await dueItemsApi.waive(waiving.id, { version: waiving.version, reason })).data;
    setWaiving(null);
    setNotice(`${done.subjectCode}: waived.`);
    refresh();
  };

  return (
    <>
      <PageHeader
        title="Due items"
        lead="What your organisation owes, and by when: engagement closures, agreement renewals and reviews."
      />
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" className="btn btn--link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form className="filters" aria-label="Due-item filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="due-status">Status</label>
          <select
            id="due-status"
            value={search.status ?? ''}
            onChange={(e) => set({ status: e.target.value || undefined })}
          >
            <option value="">Any status</option>
            {DUE_ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DUE_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="due-attention">Needs attention</label>
          <select
            id="due-attention"
            value={search.attention ?? ''}
            onChange={(e) =>
              set({ attention: (e.target.value || undefined) as DueItemAttention | undefined })
            }
          >
            <option value="">All items</option>
            {DUE_ATTENTION.map((a) => (
              <option key={a} value={a}>
                {DUE_ATTENTION_LABEL[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="due-kind">Kind</label>
          <select
            id="due-kind"
            value={search.kind ?? ''}
            onChange={(e) => set({ kind: e.target.value || undefined })}
          >
            <option value="">Any kind</option>
            {DUE_ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {DUE_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <QueryView query={items} loading={<SkeletonRows label="Loading due items…" />}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>
              {search.status || search.kind || search.attention
                ? 'No due items match these filters.'
                : 'Your organisation owes nothing at the moment.'}
            </EmptyState>
          ) : (
            <div className="table-wrap" aria-busy={items.isFetching}>
              <table className="table">
                <caption className="visually-hidden">Due items, soonest first</caption>
                <thead>
                  <tr>
                    <th scope="col" className="col-title">
                      Item
                    </th>
                    <th scope="col">Kind</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((i) => (
                    <tr key={i.id} className={i.status === 'overdue' ? 'row--alert' : undefined}>
                      <td className="col-title">
                        <div>
                          <PortionMark portion={i.portion} />
                        </div>
                        <strong className="nowrap">
                          {i.subjectKind === 'engagement' ? (
                            <Link to="/engagements/$id" params={{ id: i.subjectId }}>
                              {i.subjectCode}
                            </Link>
                          ) : i.subjectKind === 'agreement' ? (
                            <Link to="/agreements" search={{ q: i.subjectCode }}>
                              {i.subjectCode}
                            </Link>
                          ) : (
                            i.subjectCode
                          )}
                        </strong>
                        <div>{i.title}</div>
                      </td>
                      <td>{DUE_KIND_LABEL[i.kind] ?? i.kind}</td>
                      <td>{i.ownerOrgCode ?? '—'}</td>
                      <td className="nowrap">
                        <div>{formatDate(i.dueOn)}</div>
                        <div className={i.status === 'overdue' ? 'form-error' : 'muted'}>{dueText(i)}</div>
                        {i.reminder === 'escalated' ? (
                          <span className="badge badge--danger">Escalated</span>
                        ) : null}
                        {reminderText(i, formatDate) ? (
                          <div className="muted">{reminderText(i, formatDate)}</div>
                        ) : null}
                      </td>
                      <td>
                        <DueStatusBadge status={i.status} />
                        {i.waivedReason ? <div className="muted">{i.waivedReason}</div> : null}
                        {i.submittedOn ? <div className="muted">on {formatDate(i.submittedOn)}</div> : null}
                      </td>
                      <td>
                        <div className="button-row" role="group" aria-label={`Actions on ${i.subjectCode}`}>
                          {i.canSubmit ? (
                            <button
                              type="button"
                              className="btn btn--small"
                              disabled={busyId === i.id}
                              onClick={() => void submit(i)}
                            >
                              Mark submitted
                            </button>
                          ) : null}
                          {i.canWaive ? (
                            <button type="button" className="btn btn--small" onClick={() => setWaiving(i)}>
                              Waive
                            </button>
                          ) : null}
                          {!i.canSubmit && !i.canWaive ? <span className="muted">—</span> : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      <TimelinessStrip />
      {waiving ? <WaiveDialog item={waiving} onWaive={waive} onClose={() => setWaiving(null)} /> : null}
    </>
  );
}
