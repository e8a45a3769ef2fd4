/** Stored evaluations of one engagement, initiative or objective: grade, headline, status, last run. */
import { Link } from '@tanstack/react-router';
import type { EvaluationSubjectKind, StoredEvaluationListItem } from '@entente/contracts';
import { useApiQuery } from '../../lib/query';
import { ErrorState, SkeletonRows } from '../../components/States';
import { PortionMark } from '../../components/PortionMark';
import { evaluationApi, evaluationKeys, fmt, methodLabel } from './evaluationApi';
import { EvaluationStatusBadge } from './StoredEvaluationPage';

export function EvaluationsPanel({ kind, id }: { kind: EvaluationSubjectKind; id: string }) {
  const q = useApiQuery(evaluationKeys.list(kind, id), (s) => evaluationApi.list(kind, id, s));
  return (
    <section className="card" aria-labelledby={`evaluations-${id}`}>
      <h2 id={`evaluations-${id}`}>Evaluations</h2>
      {q.error && !q.data ? (
        <ErrorState error={q.error} onRetry={q.refetch} title="The evaluations could not be loaded" />
      ) : !q.data ? (
        <SkeletonRows rows={2} label="Loading the evaluations…" />
      ) : q.data.items.length === 0 ? (
        <p className="empty-state">
          No stored evaluation. Run one on the <Link to="/evaluate">Evaluate</Link> page and save it here.
        </p>
      ) : (
        <ul className="evaluation-list">
          {q.data.items.map((e) => (
            <StoredEvaluationRow key={e.id} e={e} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One stored evaluation in a list: its title, status, headline estimate and last run. */
export function StoredEvaluationRow({ e }: { e: StoredEvaluationListItem }) {
  return (
    <li>
      <PortionMark portion={e.portion} />{' '}
      <Link to="/evaluations/$id" params={{ id: e.id }}>
        {e.title}
      </Link>{' '}
      <EvaluationStatusBadge status={e.status} reason={e.statusReason} />
      <br />
      <span className="muted">
        {e.headline
          ? `${methodLabel(e.headline.method)}: ${fmt(e.headline.estimate)} (95 % CI ${fmt(e.headline.ci95[0])}–${fmt(e.headline.ci95[1])}), design level ${e.headline.designLevel}`
          : 'No unblocked estimate'}
        {' · '}last run {e.lastRunAt.slice(0, 10)}
      </span>
    </li>
  );
}
