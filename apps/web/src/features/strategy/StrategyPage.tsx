/** Strategy: the objective tree, cooperation plans and initiatives. */
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { useObjectives } from '../../lib/reference';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { QueryView, SkeletonRows } from '../../components/States';
import { ObjectiveTree } from './ObjectiveTree';
import { PlansList } from './PlansList';
import { InitiativesList } from './InitiativesList';

export function StrategyPage() {
  useDocumentTitle('Strategy');
  const objectives = useObjectives();
  const plans = useApiQuery(['strategy', 'plans'], endpoints.plans);
  const initiatives = useApiQuery(['strategy', 'initiatives'], endpoints.initiatives, { staleTime: 600_000 });
  const objectiveCodes = new Map((objectives.data ?? []).map((o) => [o.id, o.code]));

  return (
    <>
      <PageHeader
        title="Strategy"
        lead="Objectives and lines of effort, cooperation plans co-owned with partners, and initiatives with their logic models."
      />
      <section className="card" aria-labelledby="objectives-title">
        <h2 id="objectives-title">Strategic objectives</h2>
        <p className="muted">
          Use the arrow keys to move through the tree; right and left open and close a branch.
        </p>
        <QueryView query={objectives} loading={<SkeletonRows rows={6} label="Loading objectives…" />}>
          {(items) => <ObjectiveTree objectives={items} />}
        </QueryView>
      </section>
      <section className="card" aria-labelledby="plans-title">
        <h2 id="plans-title">Cooperation plans</h2>
        <QueryView query={plans} loading={<SkeletonRows rows={4} label="Loading plans…" />}>
          {(items) => <PlansList plans={items} objectiveCodes={objectiveCodes} />}
        </QueryView>
      </section>
      <section className="card" aria-labelledby="initiatives-title">
        <h2 id="initiatives-title">Initiatives</h2>
        <QueryView query={initiatives} loading={<SkeletonRows rows={4} label="Loading initiatives…" />}>
          {(items) => <InitiativesList initiatives={items} />}
        </QueryView>
      </section>
    </>
  );
}
