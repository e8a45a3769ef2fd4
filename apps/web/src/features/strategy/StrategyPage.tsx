/** Strategy: the objective tree (with "New objective" and lifecycle buttons for planners), plans and initiatives. */
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ObjectiveInput, ObjectiveItem } from '@entente/contracts';
import { can, useMe } from '../../app/session';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { useCommunities, useCountries, useObjectives } from '../../lib/reference';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ErrorState, QueryView, SkeletonRows } from '../../components/States';
import { ObjectiveTree } from './ObjectiveTree';
import { ObjectiveNotice, type ObjectiveNoticeValue } from './ObjectiveNotice';
import type { ObjectiveTarget } from './ObjectiveActions';
import { ObjectiveForm } from './ObjectiveForm';
import { PlansList } from './PlansList';
import { planApi } from './plans/planApi';
import { InitiativesList } from './InitiativesList';

/** What the last write did, shown above the tree. */

export function StrategyPage() {
  useDocumentTitle('Strategy');
  const me = useMe();
  const canWrite = can.writeStrategy(me);
  const queryClient = useQueryClient();
  const objectives = useObjectives();
  const plans = useApiQuery(['strategy', 'plans'], planApi.plans);
  const initiatives = useApiQuery(['strategy', 'initiatives'], endpoints.initiatives, { staleTime: 600_000 });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<ObjectiveNoticeValue | null>(null);

  const refreshObjectives = () => {
    void queryClient.invalidateQueries({ queryKey: ['strategy', 'objectives'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };

  const create = async (input: ObjectiveInput) => {
    const created = (await endpoints.createObjective(input)).data;
    setAdding(false);
    setNotice({
      text: `${created.code} was created as a draft. Activate it in the tree when it is ready.`,
      realign: [],
    });
    // The tree selects and scrolls to the objective named in the hash once the list is reloaded.
    window.history.replaceState(window.history.state, '', `#objective-${created.id}`);
    refreshObjectives();
  };

  const transition = async (o: ObjectiveItem, to: ObjectiveTarget, reason?: string) => {
    try {
      const { objective, realign } = (
        await endpoints.transitionObjective(o.id, {
          to,
          version: o.version,
          ...(reason ? { reason } : {}),
        })
      ).data;
      setNotice({
        text: `${objective.code} is now ${to === 'active' ? 'active' : 'retired'}.`,
        realign: to === 'retired' ? realign : [],
      });
      refreshObjectives();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        objectives.refetch();
        throw new ApiError(
          409,
          err.code,
          `${err.message} The tree now shows the current version; check it and try again.`,
          err.requestId,
        );
      }
      throw err;
    }
  };

  return (
    <>
      <PageHeader
        title="Strategy"
        lead="Objectives and lines of effort, cooperation plans co-owned with partners, and initiatives with their logic models."
      >
        {canWrite ? (
          <button
            type="button"
            className="btn btn--primary"
            aria-expanded={adding}
            aria-controls="objective-form"
            onClick={() => {
              setAdding(!adding);
              setNotice(null);
            }}
          >
            {adding ? 'Close the form' : 'New objective'}
          </button>
        ) : null}
      </PageHeader>
      {canWrite && adding ? (
        <div id="objective-form">
          <NewObjective objectives={objectives.data} onSave={create} onCancel={() => setAdding(false)} />
        </div>
      ) : null}
      <section className="card" aria-labelledby="objectives-title">
        <h2 id="objectives-title">Strategic objectives</h2>
        {notice ? <ObjectiveNotice notice={notice} onDismiss={() => setNotice(null)} /> : null}
        <p className="muted">
          Use the arrow keys to move through the tree; right and left open and close a branch; Enter opens the
          objective's page.
          {canWrite ? ' Tab from the current objective reaches its lifecycle button.' : ''}
        </p>
        <QueryView query={objectives} loading={<SkeletonRows rows={6} label="Loading objectives…" />}>
          {(items) => <ObjectiveTree objectives={items} onTransition={canWrite ? transition : undefined} />}
        </QueryView>
      </section>
      <section className="card" aria-labelledby="plans-title">
        <h2 id="plans-title">Cooperation plans</h2>
        {canWrite ? (
          <p>
            <Link to="/strategy/plans/new" className="btn">
              New plan
            </Link>
          </p>
        ) : null}
        <QueryView query={plans} loading={<SkeletonRows rows={4} label="Loading plans…" />}>
          {(items) => <PlansList plans={items} />}
        </QueryView>
      </section>
      <section className="card" aria-labelledby="initiatives-title">
        <h2 id="initiatives-title">Initiatives</h2>
        {canWrite ? (
          <p>
            <Link to="/strategy/initiatives/new" className="btn">
              New initiative
            </Link>
          </p>
        ) : null}
        <QueryView query={initiatives} loading={<SkeletonRows rows={4} label="Loading initiatives…" />}>
          {(items) => <InitiativesList initiatives={items} />}
        </QueryView>
      </section>
    </>
  );
}

/** The form once its reference lists (objectives, communities, countries) have loaded. */
function NewObjective({
  objectives,
  onSave,
  onCancel,
}: {
  objectives: readonly ObjectiveItem[] | undefined;
  onSave: (input: ObjectiveInput) => Promise<void>;
  onCancel: () => void;
}) {
  const communities = useCommunities();
  const countries = useCountries();
  const failed = [communities, countries].find((q) => q.error && !q.data);
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        onRetry={failed.refetch}
        title="The form's reference lists could not be loaded"
      />
    );
  if (!objectives || !communities.data || !countries.data)
    return <SkeletonRows rows={6} label="Loading the form…" />;
  return (
    <ObjectiveForm
      objectives={objectives}
      communities={communities.data}
      countries={countries.data}
      onSave={onSave}
      onCancel={onCancel}
    />
  );
}
