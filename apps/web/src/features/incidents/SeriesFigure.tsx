/**
 * The monthly incident series with every disclosure of EVALUATION.md §8: source line, the fixed
 * reporting note and source notes, vertical markers for source switches and method breaks, coverage
 * gaps, the exposure note, the precision exclusions, the dataset version and content hash — and the
 * series as a table for keyboard and screen-reader users.
 */
import { Suspense, lazy, useMemo } from 'react';
import { Spinner } from '../../components/States';
import { formatDate, formatNumber, plural } from '../../lib/format';
import type { DatasetItem, SeriesData } from './incidentsApi';
import { buildSeriesModel } from './seriesModel';
import { SourceLine } from './SourceLine';
import { EXPOSURE_NOTE, REPORTING_NOTE, sourceLabel, sourceNote } from './labels';

const SeriesEChart = lazy(() => import('./SeriesEChart'));

const FATALITY_SOURCES = new Set(['ucdp_ged', 'acled', 'gtd', 'user']);

type Props = {
  series: SeriesData;
  /** The dataset's full source line (access date, content hash); the series carries the rest. */
  dataset?: DatasetItem | undefined;
  batchStatus?: string | null | undefined;
  withRejections?: boolean | undefined;
  /** What the counts are of, e.g. "Piracy incidents". */
  measure?: string;
  acceptMonthPrecision?: boolean | undefined;
  height?: number;
};

/** "N incidents excluded: …" (§8.5), or null when nothing was excluded. */
export function exclusionText(series: SeriesData, acceptMonthPrecision = false): string | null {
  const { datePrecision, locationPrecision } = series.excluded;
  const n = datePrecision + locationPrecision;
  if (n === 0) return null;
  const loc = series.area.kind === 'country' ? 'country level' : 'district level (about 100 km)';
  const date = acceptMonthPrecision ? 'one calendar month' : 'a week';
  const parts: string[] = [];
  if (locationPrecision) parts.push(`${formatNumber(locationPrecision)} with a location coarser than ${loc}`);
  if (datePrecision) parts.push(`${formatNumber(datePrecision)} with a date coarser than ${date}`);
  return `${plural(n, 'incident')} excluded: ${parts.join('; ')}.`;
}

export function SeriesFigure({
  series,
  dataset,
  batchStatus,
  withRejections,
  measure = 'Incidents',
  acceptMonthPrecision = false,
  height = 300,
}: Props) {
  const model = useMemo(() => buildSeriesModel(series), [series]);
  const title = `${measure} per month in ${series.area.name} — ${sourceLabel(series.source)}`;
  const notes = [
    ...new Set(
      [series.note, ...series.dataset.caveats.filter((c) => !c.date).map((c) => c.text)]
        .map(sourceNote)
        // The exposure sentence has its own line below.
        .flatMap((t) => t.split(/(?<=\.)\s+/))
        .filter((t) => t && !/per transit/i.test(t)),
    ),
  ];
  const excluded = exclusionText(series, acceptMonthPrecision);
  const showFatalities = FATALITY_SOURCES.has(series.source);
  const markerAt = new Map(model.markers.map((m) => [m.month, m]));
  const hash = dataset?.contentSha256 ?? null;

  return (
    <figure className="chart card incident-series" aria-labelledby="incident-series-title">
      <figcaption className="chart__title" id="incident-series-title">
        {title}
      </figcaption>
      <p className="muted incident-series__total">
        {plural(series.total, 'incident')} counted
        {model.months.length ? `, ${model.months[0]} to ${model.months[model.months.length - 1]}` : ''}.
      </p>
      {model.months.length === 0 ? (
        <p className="empty-state">No incidents of this selection were reported in this area and period.</p>
      ) : (
        <Suspense
          fallback={
            <div style={{ height }}>
              <Spinner label="Loading chart…" />
            </div>
          }
        >
          <SeriesEChart model={model} title={title} valueLabel={measure} height={height} />
        </Suspense>
      )}

      <div className="chart-disclosures" aria-label="About this chart">
        {dataset ? (
          <SourceLine dataset={dataset} batchStatus={batchStatus} withRejections={withRejections} />
        ) : (
          <p className="source-line">
            Source: {sourceLabel(series.dataset.code)}; Entente dataset version{' '}
            {formatNumber(series.dataset.version)}; licence {series.dataset.licence}.{' '}
            <span className="source-line__attribution">{series.dataset.attribution}</span>
          </p>
        )}
        <p className="chart-note">
          <strong>{REPORTING_NOTE}</strong>
          {notes.length ? ` ${notes.join(' ')}` : ''}
        </p>
        {model.markers.length ? (
          <div className="chart-markers">
            <span>Vertical markers (source switches and method breaks):</span>
            <ul>
              {model.markers.map((m) => (
                <li key={`${m.date}-${m.text}`}>
                  <time dateTime={m.date}>{formatDate(m.date)}</time> — {m.text}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted">No source switch or method break falls in this period.</p>
        )}
        {model.gaps.map((g) => (
          <p key={g.from}>
            Shaded: {g.from} to {g.to} — {g.text}
          </p>
        ))}
        <p className="chart-exposure">Exposure: {EXPOSURE_NOTE}</p>
        <p className="chart-excluded">
          {excluded ?? 'No incident of this selection was excluded for precision.'}
        </p>
        <p className="chart-version">
          Built from Entente dataset version {formatNumber(series.dataset.version)}
          {hash ? (
            <>
              , content SHA-256 <code className="wrap-anywhere">{hash}</code>
            </>
          ) : (
            ' (content hash not recorded)'
          )}
          . Months without a reported incident inside the range count as 0; months outside the dataset&apos;s
          coverage are left empty.
        </p>
      </div>

      {model.months.length ? (
        <details className="chart__data">
          <summary>Data table: {title}</summary>
          <div className="table-wrap incident-series__table">
            <table className="table table--compact">
              <caption className="visually-hidden">{title}, one row per month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">
                    Incidents
                  </th>
                  {showFatalities ? (
                    <th scope="col" className="num">
                      Fatalities (best)
                    </th>
                  ) : null}
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {model.months.map((m, i) => {
                  const c = model.counts[i] ?? null;
                  const f = model.fatalities[i] ?? null;
                  return (
                    <tr key={m}>
                      <th scope="row">{m}</th>
                      <td className="num">{c === null ? 'no coverage' : formatNumber(c)}</td>
                      {showFatalities ? <td className="num">{f === null ? '—' : formatNumber(f)}</td> : null}
                      <td>{markerAt.get(m)?.text ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}
