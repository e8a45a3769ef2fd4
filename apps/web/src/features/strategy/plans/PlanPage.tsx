/**
 * A cooperation plan: owners with their approval of the current version, goals with our objectives,
 * partner priorities, contributions, and the history of versions. Edit, submit, approve and move it
 * through its lifecycle where the server allows.
 */
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { PlanContentInput, PlanDetail } from '@entente/contracts';
import { ApiError } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { useCountries, useObjectives, useOrganisations } from '../../../lib/reference';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { humanise } from '../../../lib/engagementTypes';
import { PageHeader, useDocumentTitle } from '../../../components/PageHeader';
import { PortionMark } from '../../../components/PortionMark';
import { ErrorState, SkeletonRows } from '../../../components/States';
import { RecordFieldsPanel } from '../../access/RecordFieldsPanel';
import { PlanActions } from './PlanActions';
import { PlanForm } from './PlanForm';
import { draftFromPlan } from './planModel';
import { planApi } from './planApi';

export function PlanPage({ id }: { id: string }) {
  const q = useApiQuery(['plan', id], (s) => planApi.plan(id, s));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(q.data ? `${q.data.code} ${q.data.title}` : 'Cooperation plan');

  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403))
    return (
      <div className="empty-state" role="alert">
        <h1>Plan not found</h1>
        <p>
          <Link to="/strategy">Back to strategy</Link>
        </p>
      </div>
    );
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  if (!q.data) return <SkeletonRows rows={8} label="Loading the plan…" />;
  const p = q.data;

  const refresh = (next?: PlanDetail) => {
    if (next)
      queryClient.setQueryData(['plan', id], (old: { data: PlanDetail } | undefined) =>
        old ? { ...old, data: next } : old,
      );
    void queryClient.invalidateQueries({ queryKey: ['plan', id] });
    void queryClient.invalidateQueries({ queryKey: ['strategy', 'plans'] });
  };
  /** A 409 means the plan changed under us: reload it and say so. */
  const guarded = async <T,>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        refresh();
        throw new ApiError(409, e.code, `${e.message} The page now shows the current version.`, e.requestId);
      }
      throw e;
    }
  };
  const approve = async () => {
    const r = (await guarded(() => planApi.approve(p.id, p.planVersion))).data;
    setNotice(
      r.awaiting.length
        ? `Version ${p.planVersion} approved. Still awaiting: ${r.awaiting.join(', ')}.`
        : r.plan.status === 'agreed'
          ? `Version ${p.planVersion} approved by every owner: the plan is agreed.`
          : `Version ${p.planVersion} approved by every owner.`,
    );
    refresh(r.plan);
  };
  const transition = async (to: string, reason?: string) => {
    const next =
      to === 'in_consultation'
        ? (await guarded(() => planApi.submit(p.id, p.version))).data
        : (
            await guarded(() =>
              planApi.transition(p.id, {
                to: to as 'active',
                version: p.version,
                ...(reason ? { reason } : {}),
              }),
            )
          ).data;
    setNotice(`The plan is now ${humanise(next.status).toLowerCase()}.`);
    refresh(next);
  };
  const save = async (input: PlanContentInput) => {
    const next = (await guarded(() => planApi.update(p.id, p.version, input))).data;
    setEditing(false);
    setNotice(
      next.planVersion !== p.planVersion
        ? `Saved as version ${next.planVersion}: every owner approves it again.`
        : 'Saved.',
    );
    refresh(next);
  };

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/strategy">Strategy</Link> / {p.code}
      </p>
      <PageHeader
        title={
          <>
            <PortionMark portion={p.portion} /> {p.code} — {p.title}
          </>
        }
        lead={`${humanise(p.status)} · ${humanise(p.kind)} · ${formatDate(p.from)} → ${formatDate(p.to)} · version ${p.planVersion} · reviewed every ${p.reviewCycleMonths} months`}
      >
        {p.can.edit && !editing ? (
          <button type="button" className="btn" aria-controls="plan-edit" onClick={() => setEditing(true)}>
            Edit plan
          </button>
        ) : null}
      </PageHeader>
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" className="btn btn--link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <PlanActions plan={p} onApprove={approve} onTransition={transition} />
      {editing ? (
        <div id="plan-edit">
          <EditPlan plan={p} onSave={save} onCancel={() => setEditing(false)} />
        </div>
      ) : null}
      <section className="card" aria-labelledby="plan-owners-title">
        <h2 id="plan-owners-title">Owners and approval of version {p.planVersion}</h2>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Owner</th>
              <th scope="col">Approval</th>
            </tr>
          </thead>
          <tbody>
            {p.owners.map((o) => (
              <tr key={o.id}>
                <td>
                  <strong>{o.code}</strong> {o.name}
                </td>
                <td>
                  {o.approval
                    ? `Approved by ${o.approval.userName} on ${formatDateTime(o.approval.at)}`
                    : p.status === 'in_consultation' || p.status === 'under_review'
                      ? 'Awaiting approval'
                      : 'No approval recorded'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PlanBody plan={p} />
      <RecordFieldsPanel kind="plan" recordKey={p.id} />
    </article>
  );
}

function PlanBody({ plan: p }: { plan: PlanDetail }) {
  return (
    <>
      <section className="card" aria-labelledby="plan-goals-title">
        <h2 id="plan-goals-title">Goals</h2>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col">Our objectives</th>
              <th scope="col">Partner priorities served</th>
              <th scope="col">Target date</th>
            </tr>
          </thead>
          <tbody>
            {p.goals.map((g) => (
              <tr key={g.code}>
                <td>
                  <strong>{g.code}</strong> {g.title}
                </td>
                <td>
                  {g.objectives.length
                    ? g.objectives.map((o, i) => (
                        <span key={o.id}>
                          {i > 0 ? ', ' : ''}
                          <Link to="/strategy/objectives/$id" params={{ id: o.id }} title={o.title}>
                            {o.code}
                          </Link>
                        </span>
                      ))
                    : '—'}
                </td>
                <td>
                  {g.partnerPriorityRefs.length ? g.partnerPriorityRefs.map((r) => r + 1).join(', ') : '—'}
                </td>
                <td>{formatDate(g.targetDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="grid grid--2">
        <section className="card" aria-labelledby="plan-priorities-title">
          <h2 id="plan-priorities-title">Partner priorities</h2>
          {p.partnerPriorities.length ? (
            <ol>
              {p.partnerPriorities.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ol>
          ) : (
            <p className="muted">None recorded.</p>
          )}
          <p className="muted">
            Partners:{' '}
            {p.partnerIso3s.map((iso3, i) => (
              <span key={iso3}>
                {i > 0 ? ', ' : ''}
                <Link to="/partners/$iso3" params={{ iso3 }}>
                  {iso3}
                </Link>
              </span>
            ))}
          </p>
        </section>
        <section className="card" aria-labelledby="plan-contributions-title">
          <h2 id="plan-contributions-title">Contributions</h2>
          {p.contributions.length ? (
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Contributor</th>
                  <th scope="col">Pledged</th>
                  <th scope="col">Person-days</th>
                </tr>
              </thead>
              <tbody>
                {p.contributions.map((c) => (
                  <tr key={c.org.id}>
                    <td>{c.org.code}</td>
                    <td>{c.pledged ? formatMoney(c.pledged.amount, c.pledged.currency) : '—'}</td>
                    <td>{c.personDays === null ? '—' : formatNumber(c.personDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No contributions recorded.</p>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="plan-history-title">
        <h2 id="plan-history-title">Versions</h2>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Last saved</th>
              <th scope="col">Approvals</th>
            </tr>
          </thead>
          <tbody>
            {p.versions.map((v) => (
              <tr key={v.planVersion}>
                <td>
                  {v.planVersion}
                  {v.planVersion === p.planVersion ? ' (current)' : ''}
                </td>
                <td>{formatDateTime(v.savedAt)}</td>
                <td>
                  {v.approvals.length
                    ? v.approvals
                        .map((a) => `${a.ownerCode}: ${a.userName}, ${formatDateTime(a.at)}`)
                        .join('; ')
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The edit form once its reference lists have loaded. */
function EditPlan({
  plan,
  onSave,
  onCancel,
}: {
  plan: PlanDetail;
  onSave: (i: PlanContentInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [orgs, objectives, countries] = [useOrganisations(), useObjectives(), useCountries()];
  const failed = [orgs, objectives, countries].find((q) => q.error && !q.data);
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        onRetry={failed.refetch}
        title="The form's reference lists could not be loaded"
      />
    );
  if (!orgs.data || !objectives.data || !countries.data)
    return <SkeletonRows rows={6} label="Loading the form…" />;
  return (
    <PlanForm
      mode="edit"
      initial={draftFromPlan(plan)}
      organisations={orgs.data}
      objectives={objectives.data}
      countries={countries.data}
      onSave={onSave}
      onCancel={onCancel}
    />
  );
}
