/** Draft a new cooperation plan; on success, go to its page. */
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { PlanInput } from '@entente/contracts';
import { can, useMe } from '../../../app/session';
import { useCommunities, useCountries, useObjectives, useOrganisations } from '../../../lib/reference';
import { PageHeader, useDocumentTitle } from '../../../components/PageHeader';
import { ErrorState, SkeletonRows } from '../../../components/States';
import { PlanForm } from './PlanForm';
import { emptyPlanDraft } from './planModel';
import { planApi } from './planApi';

export function NewPlanPage() {
  useDocumentTitle('New cooperation plan');
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [orgs, objectives, countries, communities] = [
    useOrganisations(),
    useObjectives(),
    useCountries(),
    useCommunities(),
  ];
  if (!can.writeStrategy(me))
    return (
      <div className="empty-state" role="alert">
        <h1>Plan not found</h1>
        <p>
          <Link to="/strategy">Back to strategy</Link>
        </p>
      </div>
    );
  const failed = [orgs, objectives, countries, communities].find((q) => q.error && !q.data);
  const save = async (input: PlanInput) => {
    const created = (await planApi.create(input)).data;
    void queryClient.invalidateQueries({ queryKey: ['strategy', 'plans'] });
    await navigate({ to: '/strategy/plans/$id', params: { id: created.id } });
  };
  const ministry = orgs.data?.find((o) => o.kind === 'ministry_unit' && !o.parentCode);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/strategy">Strategy</Link> / New plan
      </p>
      <PageHeader
        title="New cooperation plan"
        lead="The multi-year plan for one partner or one alliance programme, co-owned with the partner when it agrees to."
      />
      {failed ? (
        <ErrorState
          error={failed.error}
          onRetry={failed.refetch}
          title="The form's reference lists could not be loaded"
        />
      ) : !orgs.data || !objectives.data || !countries.data || !communities.data ? (
        <SkeletonRows rows={8} label="Loading the form…" />
      ) : (
        <PlanForm
          mode="create"
          initial={emptyPlanDraft(
            ministry?.id ?? '',
            communities.data.length === 1 ? (communities.data[0]?.id ?? '') : '',
          )}
          organisations={orgs.data}
          objectives={objectives.data}
          countries={countries.data}
          communities={communities.data}
          onSave={save}
          onCancel={() => void navigate({ to: '/strategy' })}
        />
      )}
    </>
  );
}
