/**
 * One strategic objective and everything that traces to it (the golden thread): its place in the
 * tree, lines of effort, initiatives, cooperation plans, engagements and stored evaluations, with
 * "Evaluate this objective" and, for users who may change it, Edit (the objective form in edit mode).
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ObjectiveEdit, ObjectivePage as Page } from '@entente/contracts';
import { ApiError } from '../../../lib/api';
import { ObjectiveNotice, type ObjectiveNoticeValue } from '../ObjectiveNotice';
import { endpoints } from '../../../lib/endpoints';
import { useApiQuery } from '../../../lib/query';
import { useObjectives } from '../../../lib/reference';
import { formatDate } from '../../../lib/format';
import { humanise } from '../../../lib/engagementTypes';
import { PageHeader, useDocumentTitle } from '../../../components/PageHeader';
import { PortionMark } from '../../../components/PortionMark';
import { ErrorState, SkeletonRows } from '../../../components/States';
import { ObjectiveForm } from '../ObjectiveForm';
import { ObjectiveActions, type ObjectiveTarget } from '../ObjectiveActions';
import { objectiveApi, objectiveKeys } from './objectiveApi';
import { withFormPaths } from './objectiveEditModel';
import {
  ChildrenSection,
  EngagementsSection,
  EvaluationsSection,
  InitiativesSection,
  LinesOfEffortSection,
  PlansSection,
} from './ObjectiveSections';
import './objective.css';

export function ObjectivePage({ id }: { id: string }) {
  const q = useApiQuery(objectiveKeys.page(id), (s) => objectiveApi.page(id, s));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<ObjectiveNoticeValue | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useDocumentTitle(q.data ? `${q.data.objective.code} ${q.data.objective.title}` : 'Objective');

  // Closing the form puts the keyboard user back on the Edit button.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  // Another objective's page starts fresh.
  useEffect(() => {
    setEditing(false);
    setNotice(null);
  }, [id]);

  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403))
    return (
      <div className="empty-state" role="alert">
        <h1>Objective not found</h1>
        <p>
          <Link to="/strategy">Back to strategy</Link>
        </p>
      </div>
    );
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  if (!q.data) return <SkeletonRows rows={8} label="Loading the objective…" />;
  const page = q.data;
  const o = page.objective;

  const save = async (edit: ObjectiveEdit) => {
    try {
      const next = await objectiveApi.update(o.id, o.version, edit);
      queryClient.setQueryData(objectiveKeys.page(id), next);
      setEditing(false);
      setNotice({ text: `${o.code} was saved.` });
      void queryClient.invalidateQueries({ queryKey: ['strategy', 'objectives'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        q.refetch();
        throw new ApiError(
          409,
          e.code,
          `${e.message} The page now shows the current version; your edit was not saved.`,
          e.requestId,
        );
      }
      throw withFormPaths(e);
    }
  };

  const transition = async (_o: unknown, to: ObjectiveTarget, reason?: string) => {
    try {
      const r = (
        await endpoints.transitionObjective(o.id, { to, version: o.version, ...(reason ? { reason } : {}) })
      ).data;
      setNotice({
        text: `${o.code} is now ${to === 'active' ? 'active' : 'retired'}.`,
        realign: to === 'retired' ? r.realign : [],
      });
    } finally {
      q.refetch();
      void queryClient.invalidateQueries({ queryKey: ['strategy', 'objectives'] });
    }
  };

  return (
    <article>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/strategy">Strategy</Link>
        {page.breadcrumb.map((b) => (
          <span key={b.id}>
            {' / '}
            <Link to="/strategy/objectives/$id" params={{ id: b.id }} title={b.title}>
              {b.code}
            </Link>
          </span>
        ))}
        {' / '}
        <span aria-current="page">{o.code}</span>
      </nav>
      <PageHeader
        title={
          <>
            <PortionMark portion={o.portion} /> {o.code} — {o.title}
          </>
        }
        lead={
          <>
            <span className={`badge badge--obj-${o.status}`}>{humanise(o.status)}</span> {humanise(o.level)}{' '}
            objective · priority {o.priority} · valid {formatDate(o.validFrom)} →{' '}
            {o.validTo ? formatDate(o.validTo) : 'open'}
            {o.threatFocus.length ? ` · ${o.threatFocus.map(humanise).join(', ')}` : ''}
          </>
        }
      >
        {page.mayEdit && o.status !== 'retired' && !editing ? (
          <button
            ref={editButton}
            type="button"
            className="btn"
            aria-controls="objective-edit"
            onClick={() => {
              setEditing(true);
              setNotice(null);
            }}
          >
            Edit objective
          </button>
        ) : null}
        {page.mayEdit ? <ObjectiveActions objective={o} tabbable onTransition={transition} /> : null}
      </PageHeader>
      {notice ? <ObjectiveNotice notice={notice} onDismiss={() => setNotice(null)} /> : null}
      {editing ? (
        <div id="objective-edit">
          <EditObjective page={page} onSave={save} onCancel={() => setEditing(false)} />
        </div>
      ) : null}
      <section className="card" aria-labelledby="objective-about-title">
        <h2 id="objective-about-title">The end pursued</h2>
        <p className="objective-about">{o.description}</p>
      </section>
      <ChildrenSection page={page} />
      <LinesOfEffortSection page={page} />
      <InitiativesSection page={page} />
      <PlansSection page={page} />
      <EngagementsSection page={page} />
      <EvaluationsSection page={page} />
    </article>
  );
}

/** The objective form in edit mode once the candidate parents have loaded. */
function EditObjective({
  page,
  onSave,
  onCancel,
}: {
  page: Page;
  onSave: (edit: ObjectiveEdit) => Promise<void>;
  onCancel: () => void;
}) {
  const objectives = useObjectives();
  if (objectives.error && !objectives.data)
    return (
      <ErrorState
        error={objectives.error}
        onRetry={objectives.refetch}
        title="The objectives could not be loaded"
      />
    );
  if (!objectives.data) return <SkeletonRows rows={6} label="Loading the form…" />;
  return (
    <ObjectiveForm
      objectives={objectives.data}
      editing={page.objective}
      onSave={onSave}
      onCancel={onCancel}
    />
  );
}
