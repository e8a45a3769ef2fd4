/**
 * The data-quality panel that comes with every analysis (EVALUATION.md §4.1): dataset and batches,
 * the precision of the panel's events per area and what was excluded, source switches, coverage,
 * quality flags and unmapped labels. Everything is counted over rows the user may see.
 */
import type { EvaluationDataQuality } from '@entente/contracts';
import { formatDate, formatNumber } from '../../lib/format';
import { codeLabel, outcomeBadge, outcomeLabel } from '../incidents/labels';

const DATE_CLASSES = [
  ['fine', 'Day or week'],
  ['month', 'Month'],
  ['coarse', 'Coarser'],
] as const;
const LOC_LEVELS = ['1', '2', '3', '4', '5', '6'] as const;

type Props = { quality: EvaluationDataQuality; areaNames: Record<string, string> };

export function DataQualityPanel({ quality: q, areaNames }: Props) {
  const excluded = Object.values(q.excluded).reduce((a, b) => a + b, 0);
  const levels = LOC_LEVELS.filter((l) => q.precision.some((p) => (p.locLevel[l] ?? 0) > 0));
  const withRejections = q.batches.filter((b) => b.status === 'committed_with_rejections').length;
  return (
    <section className="card data-quality" aria-labelledby="dq-title">
      <h2 id="dq-title">Data quality</h2>
      <p>
        <strong>{q.dataset.title}</strong>, Entente dataset version {formatNumber(q.dataset.version)}
        {q.dataset.accessedOn ? `, accessed ${formatDate(q.dataset.accessedOn)}` : ''}; licence{' '}
        {q.dataset.licence}. Coverage of the rows you may see:{' '}
        {q.coverage.from && q.coverage.to ? `${q.coverage.from} to ${q.coverage.to}` : 'none'}.
        {q.coverage.monthsOutside > 0 ? (
          <strong>
            {' '}
            {formatNumber(q.coverage.monthsOutside)} months of the window lie outside it: they are missing,
            not zero.
          </strong>
        ) : null}
      </p>
      <ul className="data-quality__facts">
        <li>
          {excluded > 0
            ? `${formatNumber(excluded)} events of these areas were excluded for precision (${formatNumber(q.excluded.datePrecision ?? 0)} by date, ${formatNumber(q.excluded.locationPrecision ?? 0)} by location).`
            : 'No event of these areas was excluded for precision.'}
        </li>
        <li>
          {q.sourceSwitches.length
            ? `Source switches inside the window: ${q.sourceSwitches.map((s) => `${s.date} (${s.text})`).join('; ')}.`
            : 'No source switch inside the window.'}
        </li>
        <li>
          {q.exposureModelled
            ? 'An exposure series is modelled.'
            : 'No exposure series is modelled: rates are per area-month, not per transit or vessel-hour.'}
        </li>
        {withRejections ? (
          <li>
            <strong>
              {withRejections} import batch{withRejections > 1 ? 'es were' : ' was'} committed with
              rejections: some source records are not in the data.
            </strong>
          </li>
        ) : null}
      </ul>

      <table className="table table--compact">
        <caption>Precision of the events in each area (before exclusions)</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Events</th>
            {DATE_CLASSES.map(([k, label]) => (
              <th scope="col" key={k}>
                {label}
              </th>
            ))}
            {levels.map((l) => (
              <th scope="col" key={l}>
                Location level {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {q.precision.map((p) => (
            <tr key={p.areaKey}>
              <th scope="row">{areaNames[p.areaKey] ?? p.areaKey}</th>
              <td>{formatNumber(p.total)}</td>
              {DATE_CLASSES.map(([k]) => (
                <td key={k}>{formatNumber(p.dateClass[k] ?? 0)}</td>
              ))}
              {levels.map((l) => (
                <td key={l}>{formatNumber(p.locLevel[l] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <div className="data-quality__lists">
        <Counted
          title="Quality flags on these events"
          empty="No quality flag."
          items={q.flags.map((f) => [`${codeLabel(f.code)} (${f.code})`, f.count])}
        />
        <Counted
          title="Source types not mapped (counted as unknown)"
          empty="Every source type is mapped."
          items={q.unmappedTypes.map((t) => [t.label, t.count])}
        />
        <Counted
          title="Province names not matched to ISO 3166-2"
          empty="Every province name is matched."
          items={q.unmappedAdmin1.map((a) => [a.name, a.count])}
        />
      </div>

      {q.batches.length ? (
        <table className="table table--compact">
          <caption>Import batches of the dataset</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Outcome</th>
              <th scope="col">Dataset version</th>
              <th scope="col">Read</th>
              <th scope="col">Accepted</th>
              <th scope="col">Rejected</th>
              <th scope="col">Warned</th>
              <th scope="col">Finished</th>
            </tr>
          </thead>
          <tbody>
            {q.batches.map((b) => (
              <tr key={b.id}>
                <td>{b.fileName}</td>
                <td>
                  <span className={outcomeBadge(b.status)}>{outcomeLabel(b.status)}</span>
                </td>
                <td>{b.datasetVersion ?? '—'}</td>
                <td>{formatNumber(b.read)}</td>
                <td>{formatNumber(b.accepted)}</td>
                <td>{formatNumber(b.rejected)}</td>
                <td>{formatNumber(b.warned)}</td>
                <td>{b.finishedAt ? formatDate(b.finishedAt.slice(0, 10)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No import batch of this dataset is visible to you.</p>
      )}
    </section>
  );
}

function Counted({ title, empty, items }: { title: string; empty: string; items: [string, number][] }) {
  return (
    <div>
      <h3>{title}</h3>
      {items.length ? (
        <ul>
          {items.map(([label, n]) => (
            <li key={label}>
              {label}: {formatNumber(n)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </div>
  );
}
