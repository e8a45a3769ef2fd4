/**
 * A stored evaluation (`/evaluations/$id`): the stored result with the Evaluate page's result view,
 * the data versions it was built from (EVALUATION.md §1.6 step 6, §8 item 7), its status, and
 * Re-run, Download JSON and Download PDF.
 */
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useApiQuery } from '../../lib/query';
import { formatNumber } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ErrorState, QueryView, Spinner } from '../../components/States';
import { PortionMark } from '../../components/PortionMark';
import { sourceLabel } from '../incidents/labels';
import { EvaluationResultView } from './EvaluationResultView';
import { evaluationApi, evaluationKeys } from './evaluationApi';
import type { Stored } from './evaluationApi';
import './evaluation.css';

export function EvaluationStatusBadge({ status, reason }: { status: string; reason?: string | null }) {
  const text = status === 'current' ? 'Current' : status === 'stale' ? 'Stale' : 'Failed';
  return (
    <span className={`badge evaluation-status evaluation-status--${status}`} title={reason ?? undefined}>
      {text}
    </span>
  );
}

const SUBJECT_LINK = { engagement: '/engagements/$id', initiative: '/strategy/initiatives/$id' } as const;

/** The record an evaluation is about, linked where the record has a page. */
export function SubjectLink({
  e,
}: {
  e: Pick<Stored, 'subjectKind' | 'subjectId' | 'subjectCode' | 'subjectTitle'>;
}) {
  const label = `${e.subjectCode} — ${e.subjectTitle}`;
  if (e.subjectKind === 'objective') return <>{label}</>;
  return (
    <Link to={SUBJECT_LINK[e.subjectKind]} params={{ id: e.subjectId }}>
      {label}
    </Link>
  );
}

function DataVersions({ e }: { e: Stored }) {
  const v = e.dataVersions;
  return (
    <section className="card" aria-labelledby="ev-data-versions">
      <h2 id="ev-data-versions">Data versions used</h2>
      <dl className="facts">
        <dt>Dataset</dt>
        <dd>
          {sourceLabel(v.dataset.code)}, Entente version {formatNumber(v.dataset.version)}
          {v.dataset.sourceVersion ? ` (source ${v.dataset.sourceVersion})` : ''}
          {v.dataset.accessedOn ? `, accessed ${v.dataset.accessedOn}` : ''}
        </dd>
        <dt>Content SHA-256</dt>
        <dd>
          <code>{v.dataset.contentSha256 ?? '—'}</code>
        </dd>
        <dt>Areas</dt>
        <dd>{v.areas.map((a) => `${a.key} v${a.version}`).join(', ') || '—'}</dd>
      </dl>
      <table className="table">
        <caption>Import batches that fed the panel</caption>
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col">Status</th>
            <th scope="col">Dataset version</th>
            <th scope="col">Finished</th>
          </tr>
        </thead>
        <tbody>
          {v.batches.length === 0 ? (
            <tr>
              <td colSpan={4}>No committed batch.</td>
            </tr>
          ) : (
            v.batches.map((b) => (
              <tr key={b.id}>
                <td>
                  <code>{b.id.slice(0, 8)}</code>
                </td>
                <td>{b.status === 'committed_with_rejections' ? 'committed with rejections' : b.status}</td>
                <td>{b.datasetVersion ?? '—'}</td>
                <td>{b.finishedAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

export function StoredEvaluationPage({ id }: { id: string }) {
  const q = useApiQuery(evaluationKeys.one(id), (s) => evaluationApi.get(id, s));
  useDocumentTitle(q.data ? q.data.title : 'Stored evaluation');
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function rerun(e: Stored) {
    setBusy(true);
    setError(null);
    try {
      const r = await evaluationApi.rerun(e.id, e.version);
      queryClient.setQueryData(evaluationKeys.one(id), { data: r.data, pageLabel: r.pageLabel });
      void queryClient.invalidateQueries({ queryKey: ['evaluations'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <QueryView query={q}>
      {(e) => (
        <article aria-labelledby="stored-evaluation-title">
          <PageHeader
            title={
              <span id="stored-evaluation-title">
                <PortionMark portion={e.portion} /> {e.title}
              </span>
            }
            lead={
              <>
                <EvaluationStatusBadge status={e.status} reason={e.statusReason} /> For {e.subjectKind}{' '}
                <SubjectLink e={e} />. Last run {e.lastRunAt.slice(0, 16).replace('T', ' ')} UTC; version{' '}
                {e.version}.
              </>
            }
          >
            <button type="button" className="btn" disabled={busy} onClick={() => void rerun(e)}>
              {busy ? 'Re-running…' : 'Re-run'}
            </button>
            <a className="btn" href={evaluationApi.jsonUrl(e.id)} download>
              Download JSON
            </a>
            <a className="btn" href={evaluationApi.pdfUrl(e.id)} download>
              Download PDF
            </a>
          </PageHeader>
          {e.status === 'failed' ? (
            <p className="error-state" role="alert">
              The last re-run failed: {e.statusReason ?? 'no reason recorded'}. The result below is the last
              successful one.
            </p>
          ) : null}
          {busy ? <Spinner label="Re-running the evaluation…" /> : null}
          {error ? <ErrorState error={error} title="The evaluation could not be re-run" /> : null}
          <DataVersions e={e} />
          <EvaluationResultView
            result={e.result}
            interventionLabel={e.request.interventionLabel ?? 'Intervention'}
          />
        </article>
      )}
    </QueryView>
  );
}
