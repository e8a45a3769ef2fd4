/** One engagement: all its fields, participants, locations, objectives, costs, lifecycle and deconfliction warnings. */
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Engagement } from '@entente/contracts';
import { ApiError } from '../../lib/api';
import type { ApiResult } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { can, useMe } from '../../app/session';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { PortionMark } from '../../components/PortionMark';
import { StatusBadge, TypeBadge } from '../../components/Badges';
import { ErrorState, SkeletonRows } from '../../components/States';
import { EngagementFacts } from './EngagementFacts';
import { PayloadFacts } from './PayloadFacts';
import { ParticipantsTable } from './ParticipantsTable';
import { LocationsTable } from './LocationsTable';
import { LifecyclePanel } from './LifecyclePanel';
import { WarningsPanel } from './WarningsPanel';
import { EngagementRelabel } from './RelabelPanel';
import { EvaluationsPanel } from '../evaluation/EvaluationsPanel';
import { TlpRecipientsPanel } from '../access/TlpRecipientsPanel';

export const engagementKey = (id: string) => ['engagement', id] as const;

/** The same page whether the engagement does not exist or is not released to the reader. */
export function EngagementNotFound() {
  useDocumentTitle('Engagement not found');
  return (
    <div className="empty-state" role="alert">
      <h1>Engagement not found</h1>
      <p>
        There is no engagement at this address that you can see.{' '}
        <Link to="/engagements">Back to engagements</Link>
      </p>
    </div>
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

export function EngagementDetailPage({ id }: { id: string }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const q = useApiQuery(engagementKey(id), (s) => endpoints.engagement(id, s));
  useDocumentTitle(q.data ? `${q.data.code} ${q.data.title}` : 'Engagement');

  if (q.error && isNotFound(q.error)) return <EngagementNotFound />;
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  if (!q.data) return <SkeletonRows rows={10} label="Loading the engagement…" />;
  const e = q.data;

  const onChanged = (next: ApiResult<Engagement>) => {
    queryClient.setQueryData(engagementKey(id), next);
    void queryClient.invalidateQueries({ queryKey: ['engagements'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };

  return (
    <article aria-labelledby="engagement-title">
      <p className="breadcrumb">
        <Link to="/engagements">Engagements</Link> / {e.code}
      </p>
      <PageHeader
        title={
          <span id="engagement-title">
            <PortionMark portion={e.portion} /> {e.code} — {e.title}
          </span>
        }
        lead={
          <>
            <TypeBadge type={e.type} /> <StatusBadge status={e.status} />{' '}
            <span className="muted">version {e.version}</span>
          </>
        }
      >
        {can.plan(me) && e.status !== 'closed' && e.status !== 'cancelled' ? (
          <Link to="/engagements/$id/edit" params={{ id: e.id }} className="btn btn--primary">
            Edit engagement
          </Link>
        ) : null}
      </PageHeader>
      <WarningsPanel warnings={e.warnings} />
      <div className="grid grid--detail">
        <div>
          <EngagementFacts engagement={e} />
          <PayloadFacts type={e.type} payload={e.payload} />
          <ParticipantsTable participants={e.participants} />
          <LocationsTable locations={e.locations} />
          <EvaluationsPanel kind="engagement" id={e.id} />
        </div>
        <aside aria-label="Lifecycle">
          <LifecyclePanel engagement={e} onChanged={onChanged} onStale={q.refetch} />
          <TlpRecipientsPanel kind="engagement" id={e.id} onChanged={() => void q.refetch()} />
          <EngagementRelabel
            engagement={e}
            onChanged={() => {
              void q.refetch();
              void queryClient.invalidateQueries({ queryKey: ['engagements'] });
            }}
          />
        </aside>
      </div>
    </article>
  );
}
