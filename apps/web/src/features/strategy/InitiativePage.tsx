/** An initiative: problem, theory of change and its logic model (input → activity → output → outcome → impact). */
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { can, useMe } from '../../app/session';
import { ApiError } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { useObjectives } from '../../lib/reference';
import { formatDate, formatNumber } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { PortionMark } from '../../components/PortionMark';
import { ErrorState, SkeletonRows } from '../../components/States';
import { LogicModel } from './LogicModel';
import { EvaluationsPanel } from '../evaluation/EvaluationsPanel';
import { GateChecklist } from './initiatives/GateChecklist';
import { InitiativeActions } from './initiatives/InitiativeActions';
import { initiativeApi } from './initiatives/initiativeApi';
import { significanceText } from './initiatives/SignificanceNote';

const EDITABLE = new Set(['proposed', 'approved', 'active', 'suspended']);

export function InitiativePage({ id }: { id: string }) {
  const q = useApiQuery(['initiative', id], (s) => initiativeApi.get(id, s));
  const objectives = useObjectives();
  const me = useMe();
  const queryClient = useQueryClient();
  useDocumentTitle(q.data ? `${q.data.code} ${q.data.title}` : 'Initiative');

  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403)) {
    return (
      <div className="empty-state" role="alert">
        <h1>Initiative not found</h1>
        <p>
          <Link to="/strategy">Back to strategy</Link>
        </p>
      </div>
    );
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  if (!q.data) return <SkeletonRows rows={8} label="Loading the initiative…" />;
  const i = q.data;
  const objectiveCodes = new Map((objectives.data ?? []).map((o) => [o.id, `${o.code} ${o.title}`]));

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/strategy">Strategy</Link> / {i.code}
      </p>
      <PageHeader
        title={
          <>
            <PortionMark portion={i.portion} /> {i.code} — {i.title}
          </>
        }
        lead={`${humanise(i.status)} · ${humanise(i.significance)} · ${formatDate(i.from)} → ${formatDate(i.to)} · ${formatNumber(i.engagementCount)} engagements`}
      >
        {can.writeStrategy(me) && EDITABLE.has(i.status) ? (
          <Link to="/strategy/initiatives/$id/edit" params={{ id: i.id }} className="btn">
            Edit
          </Link>
        ) : null}
        <Link to="/engagements" className="btn">
          All engagements
        </Link>
      </PageHeader>
      <InitiativeActions
        initiative={i}
        onChanged={(next) => {
          queryClient.setQueryData(['initiative', id], { data: next, pageLabel: null });
          void queryClient.invalidateQueries({ queryKey: ['initiative', id] });
          void queryClient.invalidateQueries({ queryKey: ['strategy', 'initiatives'] });
        }}
        onStale={() => q.refetch()}
      />
      {i.status === 'proposed' || i.status === 'approved' ? (
        <GateChecklist
          met={i.gates.met}
          checks={i.gates.checks}
          status={i.status}
          initiative={i}
          canEdit={can.writeStrategy(me) && EDITABLE.has(i.status)}
        />
      ) : null}
      <div className="grid grid--2">
        <section className="card">
          <h2>Problem statement</h2>
          <p className="prose">{i.problemStatement || '—'}</p>
        </section>
        <section className="card">
          <h2>Theory of change</h2>
          <p className="prose">{i.theoryOfChange || '—'}</p>
          {i.partnerIso3s.length ? <p className="muted">Partners: {i.partnerIso3s.join(', ')}</p> : null}
          <p className="muted">
            {significanceText({ significance: i.significance, reasons: i.significanceReasons })}
            {i.budget ? ` · budget ${i.budget.amount} ${i.budget.currency}` : ''}
          </p>
        </section>
      </div>
      <section className="card" aria-labelledby="logic-title">
        <h2 id="logic-title">Logic model</h2>
        <LogicModel nodes={i.logicModel} objectiveLabel={(oid) => objectiveCodes.get(oid) ?? 'objective'} />
      </section>
      <EvaluationsPanel kind="initiative" id={i.id} />
    </article>
  );
}
