/** Create (`/engagements/new`) or edit (`/engagements/$id/edit`) an engagement. */
import { useMemo } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { EngagementInput } from '@entente/contracts';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import {
  useCommunities,
  useCountries,
  useFundingSources,
  useInitiatives,
  useObjectives,
  useOrganisations,
} from '../../lib/reference';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ErrorState, SkeletonRows } from '../../components/States';
import { PortionMark } from '../../components/PortionMark';
import { EngagementForm } from './EngagementForm';
import type { FormRefs } from './EngagementForm';
import { EngagementNotFound, engagementKey, isNotFound } from './EngagementDetailPage';
import { draftFromEngagement, emptyDraft } from './formModel';

export function EngagementFormPage({ id }: { id?: string }) {
  const editing = id !== undefined;
  useDocumentTitle(editing ? 'Edit engagement' : 'New engagement');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const engagement = useApiQuery(engagementKey(id ?? ''), (s) => endpoints.engagement(id ?? '', s), {
    enabled: editing,
    staleTime: 0,
  });
  const refsQueries = {
    initiatives: useInitiatives(),
    objectives: useObjectives(),
    countries: useCountries(),
    organisations: useOrganisations(),
    fundingSources: useFundingSources(),
    communities: useCommunities(),
  };
  const all = Object.values(refsQueries);
  const failed = all.find((q) => q.error && !q.data);
  const ready = all.every((q) => q.data !== undefined);

  const refs: FormRefs | null = ready
    ? {
        initiatives: refsQueries.initiatives.data ?? [],
        objectives: refsQueries.objectives.data ?? [],
        countries: refsQueries.countries.data ?? [],
        organisations: (refsQueries.organisations.data ?? []).map((o) => ({
          id: o.id,
          code: o.code,
          name: o.name,
        })),
        fundingSources: refsQueries.fundingSources.data ?? [],
        communities: refsQueries.communities.data ?? [],
      }
    : null;

  const initial = useMemo(() => {
    if (editing && !engagement.data) return null;
    const d = engagement.data ? draftFromEngagement(engagement.data) : emptyDraft();
    const communities = refsQueries.communities.data;
    if (!d.communityId && communities?.length === 1 && communities[0]) d.communityId = communities[0].id;
    return d;
    // Recreate only when a different version is loaded or the communities arrive.
  }, [editing, engagement.data?.id, engagement.data?.version, refsQueries.communities.data]);

  if (editing && engagement.error && isNotFound(engagement.error)) return <EngagementNotFound />;
  if (editing && engagement.error && !engagement.data)
    return <ErrorState error={engagement.error} onRetry={engagement.refetch} />;
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        onRetry={failed.refetch}
        title="The form's reference lists could not be loaded"
      />
    );

  const save = async (input: EngagementInput) => {
    const result =
      editing && engagement.data
        ? await endpoints.updateEngagement(engagement.data.id, engagement.data.version, input)
        : await endpoints.createEngagement(input);
    queryClient.setQueryData(engagementKey(result.data.id), result);
    void queryClient.invalidateQueries({ queryKey: ['engagements'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    await navigate({ to: '/engagements/$id', params: { id: result.data.id } });
  };
  const check = async (input: EngagementInput) => (await endpoints.checkEngagement(input)).data.warnings;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/engagements">Engagements</Link>
        {engagement.data ? (
          <>
            {' / '}
            <Link to="/engagements/$id" params={{ id: engagement.data.id }}>
              {engagement.data.code}
            </Link>
          </>
        ) : null}
      </p>
      <PageHeader
        title={
          engagement.data ? (
            <>
              <PortionMark portion={engagement.data.portion} /> Edit {engagement.data.code}
            </>
          ) : (
            'New engagement'
          )
        }
        lead="Fields marked * are required. Link the engagement to at least one strategic objective."
      />
      {!refs || !initial ? (
        <SkeletonRows rows={10} label="Loading the form…" />
      ) : (
        <EngagementForm
          key={engagement.data ? `${engagement.data.id}-${engagement.data.version}` : 'new'}
          mode={editing ? 'edit' : 'create'}
          initial={initial}
          refs={refs}
          onSave={save}
          onCheck={check}
          onCancel={() =>
            void (engagement.data
              ? navigate({ to: '/engagements/$id', params: { id: engagement.data.id } })
              : navigate({ to: '/engagements' }))
          }
          {...(editing ? { onReload: engagement.refetch } : {})}
        />
      )}
    </>
  );
}
