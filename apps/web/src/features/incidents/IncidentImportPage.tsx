/**
 * Incident data → Import: choose a file and, optionally, the expected source and community; upload
 * with a byte progress bar; then the import report. A refused file writes nothing (all or nothing,
 * EVALUATION.md §1.6.4); the user may then merge only the valid rows, on purpose.
 */
import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { INCIDENT_SOURCES } from '@entente/contracts';
import type { IncidentSource } from '@entente/contracts';
import { messageOf } from '../../lib/api';
import { useCommunities } from '../../lib/reference';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { incidentKeys, incidentsApi } from './incidentsApi';
import type { ImportReport } from './incidentsApi';
import { ImportReportView } from './ImportReportView';
import { formatBytes, sourceLabel } from './labels';
import '../../styles/incidents.css';

type Phase = 'idle' | 'uploading' | 'processing' | 'done';

export function IncidentImportPage() {
  useDocumentTitle('Import incident data');
  const communities = useCommunities();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<IncidentSource | 'auto'>('auto');
  const [community, setCommunity] = useState('');
  const [datasetVersion, setDatasetVersion] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [sent, setSent] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();

  const run = async (acceptRejections: boolean) => {
    if (!file) {
      setError('Choose a file first.');
      input.current?.focus();
      return;
    }
    setError(null);
    setSent(0);
    setPhase('uploading');
    try {
      const r = await incidentsApi.importFile(
        file,
        {
          source,
          community: community || undefined,
          datasetVersion: datasetVersion.trim() || undefined,
          acceptRejections,
        },
        (fraction) => {
          setSent(Math.round(fraction * file.size));
          if (fraction >= 1) setPhase('processing');
        },
      );
      setReport(r.data);
      setPhase('done');
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    } catch (err) {
      setError(messageOf(err));
      setPhase('idle');
    }
  };

  const busy = phase === 'uploading' || phase === 'processing';
  const canAccept =
    report?.outcome === 'refused' &&
    report.counts.accepted > 0 &&
    report.problems.every((p) => p.code !== 'E_HEADER');

  return (
    <>
      <PageHeader
        title="Import incident data"
        lead="Crime at Sea, NGA ASAM, UCDP GED, ACLED or GTD files. The format is detected from the header. A file with any problem is refused and writes nothing; importing the same file again changes nothing."
      />
      <form
        className="card incident-import-form"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <div className="field">
          <label htmlFor="incident-file">File (CSV, JSON or GeoJSON)</label>
          <input
            id="incident-file"
            ref={input}
            type="file"
            accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setPhase('idle');
              setError(null);
            }}
          />
          {file ? (
            <span className="field__hint">
              {file.name} · {formatBytes(file.size)}
            </span>
          ) : null}
        </div>
        <div className="incident-import-form__options">
          <div className="field">
            <label htmlFor="incident-source">Expected source</label>
            <select
              id="incident-source"
              value={source}
              disabled={busy}
              aria-describedby="incident-source-hint"
              onChange={(e) => setSource(e.target.value as IncidentSource | 'auto')}
            >
              <option value="auto">Detect from the header</option>
              {INCIDENT_SOURCES.filter((s) => s !== 'user').map((s) => (
                <option key={s} value={s}>
                  {sourceLabel(s)}
                </option>
              ))}
            </select>
            <span className="field__hint" id="incident-source-hint">
              A file of another source is refused.
            </span>
          </div>
          <div className="field">
            <label htmlFor="incident-community">Community</label>
            <select
              id="incident-community"
              value={community}
              disabled={busy}
              aria-describedby="incident-community-hint"
              onChange={(e) => setCommunity(e.target.value)}
            >
              <option value="">Default (your first community)</option>
              {(communities.data ?? []).map((c) => (
                <option key={c.id} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
            <span className="field__hint" id="incident-community-hint">
              The rows take this community&apos;s default label.
            </span>
          </div>
          <div className="field">
            <label htmlFor="incident-dataset-version">Source version (optional)</label>
            <input
              id="incident-dataset-version"
              className="input--short"
              value={datasetVersion}
              maxLength={40}
              disabled={busy}
              placeholder="e.g. 23.1"
              onChange={(e) => setDatasetVersion(e.target.value)}
            />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="btn btn--primary" disabled={busy || !file}>
            {busy ? 'Importing…' : 'Import file'}
          </button>
        </div>
        {busy && file ? (
          <div className="field" aria-live="polite">
            <label htmlFor="incident-progress">
              {phase === 'uploading' ? 'Uploading' : 'Uploaded; the server is reading, checking and merging'}
            </label>
            <progress
              id="incident-progress"
              max={file.size || 1}
              value={phase === 'processing' ? file.size : sent}
            >
              {formatBytes(sent)} of {formatBytes(file.size)}
            </progress>
            <span className="muted incident-progress__text">
              {formatBytes(phase === 'processing' ? file.size : sent)} of {formatBytes(file.size)} sent
              {phase === 'processing' ? ' · processing on the server…' : ''}
            </span>
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {report ? (
        <ImportReportView
          report={report}
          actions={
            canAccept ? (
              <div className="notice notice--warning incident-report__accept">
                <p>
                  You may merge the {report.counts.accepted.toLocaleString('en-GB')} valid records and leave
                  the rejected ones out. The batch is then marked <em>committed with rejections</em>, and
                  every analysis that uses it says so.
                </p>
                <button type="button" className="btn" disabled={busy} onClick={() => void run(true)}>
                  Import the valid records only
                </button>
              </div>
            ) : null
          }
        />
      ) : null}
    </>
  );
}
