/** Import engagements from CSV or XLSX: validate first (dry run, with upload progress), then import. */
import { useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ROUTES } from '@entente/contracts';
import type { ImportReport } from '@entente/contracts';
import { apiUrl, messageOf } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ImportReportView } from './ImportReportView';

type Phase = 'idle' | 'validating' | 'validated' | 'importing' | 'imported';

export function ImportPage() {
  useDocumentTitle('Import');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();

  const run = async (dryRun: boolean) => {
    if (!file) {
      setError('Choose a CSV or XLSX file first.');
      input.current?.focus();
      return;
    }
    setError(null);
    setProgress(0);
    setPhase(dryRun ? 'validating' : 'importing');
    try {
      const r = await endpoints.importEngagements(file, dryRun, setProgress);
      setReport(r.data);
      setPhase(dryRun ? 'validated' : 'imported');
      if (!dryRun) {
        void queryClient.invalidateQueries({ queryKey: ['engagements'] });
        void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      }
    } catch (err) {
      setError(messageOf(err));
      setPhase(dryRun ? 'idle' : 'validated');
    }
  };

  const busy = phase === 'validating' || phase === 'importing';

  return (
    <>
      <PageHeader
        title="Import engagements"
        lead="Upload a CSV or Excel (XLSX) file. It is checked first; nothing is saved until you import."
      >
        <a className="btn" href={apiUrl(ROUTES.engagementCsv, { template: 'true' })} download>
          Download CSV template
        </a>
      </PageHeader>
      <form
        className="card import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
        aria-busy={busy}
      >
        <div className="field">
          <label htmlFor="import-file">File (CSV or XLSX)</label>
          <input
            id="import-file"
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setPhase('idle');
              setError(null);
            }}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="btn btn--primary" disabled={busy || !file}>
            {phase === 'validating' ? 'Validating…' : 'Validate file'}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy || phase !== 'validated' || !report?.ok}
            onClick={() => void run(false)}
          >
            {phase === 'importing' ? 'Importing…' : 'Import'}
          </button>
        </div>
        {busy ? (
          <div className="field">
            <label htmlFor="import-progress">
              {phase === 'validating' ? 'Uploading for validation' : 'Uploading for import'}
            </label>
            <progress id="import-progress" max={1} value={progress}>
              {Math.round(progress * 100)}%
            </progress>
            <span className="muted">
              {' '}
              {progress >= 1 ? 'Processing on the server…' : `${Math.round(progress * 100)}%`}
            </span>
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {report ? <ImportReportView report={report} dryRun={phase === 'validated'} /> : null}
      {phase === 'imported' && report?.ok ? (
        <p>
          <Link to="/engagements">See the engagements</Link>
        </p>
      ) : null}
    </>
  );
}
