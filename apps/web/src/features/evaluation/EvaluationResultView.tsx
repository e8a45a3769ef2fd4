/**
 * The result of an evaluation run (EVALUATION.md §4, §8), for the Evaluate page and stored
 * evaluations: one card per estimate with design grade and warnings, the observed series with the
 * intervention marked, the source line, the reporting note, exclusions, the inputs hash, the
 * event study and the data-quality panel.
 */
import { Suspense, lazy, useMemo } from 'react';
import { formatNumber } from '../../lib/format';
import { Spinner } from '../../components/States';
import { REPORTING_NOTE, sourceLabel } from '../incidents/labels';
import { EstimateCard } from './EstimateCard';
import { DataQualityPanel } from './DataQualityPanel';
import { readChartSeries } from './evaluationApi';
import type { RunResult } from './evaluationApi';

const EvaluationEChart = lazy(() => import('./EvaluationEChart'));
const EventStudyChart = lazy(() => import('./EventStudyChart'));

const LEVEL_NOTE =
  'Design levels follow the Maryland Scientific Methods Scale (1–5). Below level 4, results say an intervention "contributed to" a change; they never attribute it.';

const EXCLUSION_REASONS: Record<string, string> = {
  datePrecision: 'with a date coarser than a week',
  locationPrecision: 'with a location coarser than the area allows',
};

function excludedText(excluded: Record<string, number>): string | null {
  const parts = Object.entries(excluded)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${formatNumber(n)} ${EXCLUSION_REASONS[reason] ?? reason}`);
  const total = Object.values(excluded).reduce((a, b) => a + b, 0);
  return total > 0 ? `${formatNumber(total)} incidents excluded: ${parts.join('; ')}.` : null;
}

export function EvaluationResultView({
  result,
  interventionLabel,
}: {
  result: RunResult;
  interventionLabel: string;
}) {
  const chart = useMemo(() => readChartSeries(result), [result]);
  const treated = result.areas.filter((a) => a.role === 'treated');
  const comparison = result.areas.filter((a) => a.role === 'comparison');
  const title = `Reported incidents per month — ${sourceLabel(result.dataset.code)}`;
  const excluded = excludedText(result.excluded);
  const extraNotes = result.note.replace(REPORTING_NOTE, '').trim();

  return (
    <div className="evaluate-results">
      <p className="muted">{LEVEL_NOTE}</p>
      <div className="estimate-cards">
        {result.estimates.map((e, i) => (
          <EstimateCard key={`${e.method}-${e.variant ?? ''}-${i}`} estimate={e} />
        ))}
      </div>
      {result.supporting.length ? (
        <details className="evaluate-results__supporting">
          <summary>Supporting estimates ({result.supporting.length})</summary>
          <div className="estimate-cards">
            {result.supporting.map((e, i) => (
              <EstimateCard key={`${e.method}-${e.variant ?? ''}-${i}`} estimate={e} supporting />
            ))}
          </div>
        </details>
      ) : null}

      <figure className="chart card evaluate-chart" aria-labelledby="ev-chart-title">
        <figcaption className="chart__title" id="ev-chart-title">
          {title}
        </figcaption>
        <p className="muted">
          Treated: {treated.map((a) => `${a.name} (${formatNumber(a.total)})`).join(', ') || '—'}. Comparison:{' '}
          {comparison.map((a) => `${a.name} (${formatNumber(a.total)})`).join(', ') || 'none'}.
          {chart.t0Index >= 0 && chart.months[chart.t0Index]
            ? ` ${interventionLabel} from ${chart.months[chart.t0Index]} (dashed line).`
            : ''}
          {chart.band
            ? ' The shaded band is the ITS counterfactual’s 95 % bootstrap interval (α held fixed).'
            : ''}
        </p>
        {chart.months.length === 0 ? (
          <p className="empty-state">No months in this period.</p>
        ) : (
          <Suspense fallback={<Spinner label="Loading the chart…" />}>
            <EvaluationEChart
              series={chart}
              interventionLabel={interventionLabel}
              title={title}
              height={320}
            />
          </Suspense>
        )}
        <p className="source-line evaluate-chart__source">
          Source: {sourceLabel(result.dataset.code)}, Entente dataset version{' '}
          {formatNumber(result.dataset.version)}; licence {result.dataset.licence}.{' '}
          <span className="source-line__attribution">{result.dataset.attribution}</span>
        </p>
        <p className="source-line evaluate-chart__note">
          <strong>{REPORTING_NOTE}</strong>
          {extraNotes ? ` ${extraNotes}` : ''}
        </p>
        {excluded ? <p className="source-line">{excluded}</p> : null}
        <p className="source-line muted">
          Inputs hash <code>{result.inputsHash}</code>; engine {result.engineVersion}; profile{' '}
          {result.profile}.
        </p>
      </figure>
      <Suspense fallback={<Spinner label="Loading the event study…" />}>
        <EventStudyChart result={result} />
      </Suspense>
      {result.quality ? (
        <DataQualityPanel
          quality={result.quality}
          areaNames={Object.fromEntries(result.areas.map((a) => [a.key, a.name]))}
        />
      ) : null}
    </div>
  );
}
