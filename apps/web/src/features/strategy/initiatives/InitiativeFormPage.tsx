/** Propose (`/strategy/initiatives/new`) or edit (`/strategy/initiatives/$id/edit`) an initiative. */
import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { InitiativeInput } from '@entente/contracts';
import { ApiError } from '../../../lib/api';
import { endpoints } from '../../../lib/endpoints';
import { useApiQuery } from '../../../lib/query';
import { useCommunities, useCountries, useObjectives, useOrganisations } from '../../../lib/reference';
import { PageHeader, useDocumentTitle } from '../../../components/PageHeader';
import { ErrorState, SkeletonRows } from '../../../components/States';
import { InitiativeForm } from './InitiativeForm';
import { initiativeApi } from './initiativeApi';
import { draftOf, emptyInitiativeDraft } from './initiativeModel';

export function InitiativeFormPage({ id, focus }: { id?: string; focus?: string | undefined }) {
  const editing = id !== undefined;
  useDocumentTitle(editing ? 'Edit initiative' : 'New initiative');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const detail = useApiQuery(['initiative', id ?? ''], (s) => initiativeApi.get(id ?? '', s), {
    enabled: editing,
    staleTime: 0,
  });
  const refs = {
    objectives: useObjectives(),
    organisations: useOrganisations(),
    communities: useCommunities(),
    countries: useCountries(),
    plans: useApiQuery(['strategy', 'plans'], endpoints.plans),
  };
  const all = Object.values(refs);
  const failed = all.find((q) => q.error && !q.data);

  if (editing && detail.error instanceof ApiError && detail.error.status === 404)
    return (
      <div className="empty-state" role="alert">
        <h1>Initiative not found</h1>
        <p>
          <Link to="/strategy">Back to strategy</Link>
        </p>
      </div>
    );
  if (editing && detail.error && !detail.data)
    return <ErrorState error={detail.error} onRetry={detail.refetch} />;
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        onRetry={failed.refetch}
        title="The form's reference lists could not be loaded"
      />
    );
  if ((editing && !detail.data) || all.some((q) => q.data === undefined))
    return <SkeletonRows rows={8} label="Loading the form…" />;

  const communities = refs.communities.data ?? [];
  const initial = detail.data
    ? draftOf(detail.data)
    : emptyInitiativeDraft(communities.length === 1 && communities[0] ? communities[0].id : '');

  const save = async (input: InitiativeInput) => {
    setConflict(null);
    try {
      const saved = detail.data
        ? (await initiativeApi.update(detail.data.id, detail.data.version, input)).data
        : (await initiativeApi.create(input)).data;
      void queryClient.invalidateQueries({ queryKey: ['strategy', 'initiatives'] });
      void queryClient.invalidateQueries({ queryKey: ['initiative', saved.id] });
      await navigate({ to: '/strategy/initiatives/$id', params: { id: saved.id } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version')
        setConflict(
          'Someone else changed this initiative since you opened it. Reload to see their version; your edits here are not saved.',
        );
      throw err;
    }
  };

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/strategy">Strategy</Link> / {detail.data ? detail.data.code : 'New initiative'}
      </p>
      <PageHeader
        title={detail.data ? `Edit ${detail.data.code}` : 'New initiative'}
        lead="Problem, lines of effort, what approval needs and the logic model."
      />
      <InitiativeForm
        key={detail.data ? `${detail.data.id}:${detail.data.version}` : 'new'}
        title={detail.data ? 'Initiative' : 'Propose an initiative'}
        initial={initial}
        objectives={refs.objectives.data ?? []}
        plans={refs.plans.data ?? []}
        organisations={refs.organisations.data ?? []}
        communities={communities}
        countries={refs.countries.data ?? []}
        conflict={conflict}
        significance={
          detail.data
            ? {
                significance: detail.data.significance,
                reasons: detail.data.significanceReasons,
                notes: detail.data.significanceNotes,
                threshold: detail.data.significantCost,
              }
            : undefined
        }
        focus={focus}
        onReload={() => {
          setConflict(null);
          detail.refetch();
        }}
        onSave={save}
        onCancel={() =>
          void (detail.data
            ? navigate({ to: '/strategy/initiatives/$id', params: { id: detail.data.id } })
            : navigate({ to: '/strategy' }))
        }
      />
    </article>
  );
}
