/**
 * The report of one incident import (EVALUATION.md §1.6): outcome, counts, warnings by code, area
 * assignment, speed, and for a refused file every problem with its line (or feature index) and field.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { formatNumber, plural } from '../../lib/format';
import type { ImportReport } from './incidentsApi';
import { codeLabel, formatBytes, outcomeBadge, outcomeLabel, sourceLabel } from './labels';

/** The sentence that says what the import did to the data, first thing in the report. */
export function outcomeSummary(r: ImportReport): string {
  const c = r.counts;
  switch (r.outcome) {
    case 'refused': {
      const found = r.problemsTruncated
        ? `${plural(c.rejected, 'rejected record')} (the first ${formatNumber(r.problems.length)} problems are listed)`
        : plural(r.problems.length, 'problem');
      return `Refused: nothing was written. ${found} in ${plural(c.read, 'record')} read. No incident was added or changed; only the refused batch was recorded. Fix the file and import it again.`;
    }
    case 'no_change':
      return 'Nothing changed — this file was already imported. No incident was added, changed or withdrawn.';
    case 'committed_with_rejections':
      return `Committed with rejections: ${plural(c.inserted, 'incident')} inserted and ${formatNumber(c.superseded)} superseded; ${plural(c.rejected, 'rejected record')} ${c.rejected === 1 ? 'was' : 'were'} not imported. Analyses that use this batch show that status.`;
    default:
      return `Committed: ${plural(c.inserted, 'incident')} inserted, ${formatNumber(c.superseded)} superseded, ${formatNumber(c.unchanged)} unchanged${c.withdrawn ? `, ${formatNumber(c.withdrawn)} withdrawn` : ''}.`;
  }
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ImportReportView({ report, actions }: { report: ImportReport; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the result when it arrives.
  useEffect(() => {
    heading.current?.focus();
  }, [report]);

  const refused = report.outcome === 'refused';
  const c = report.counts;
  const counts: [string, number][] = [
    ['Read', c.read],
    ['Accepted', c.accepted],
    ['Inserted', c.inserted],
    ['Superseded', c.superseded],
    ['Unchanged', c.unchanged],
    ['Withdrawn', c.withdrawn],
    ['Rejected', c.rejected],
    ['Warned', c.warned],
  ];
  const warnings = Object.entries(report.warningsByCode).sort((a, b) => b[1] - a[1]);

  return (
    <section
      className={`card incident-report incident-report--${report.outcome}`}
      aria-labelledby="incident-report-title"
    >
      <h2 id="incident-report-title" ref={heading} tabIndex={-1}>
        Import result: {report.fileName}{' '}
        <span className={outcomeBadge(report.outcome)}>{outcomeLabel(report.outcome)}</span>
      </h2>
      <p
        className={`incident-report__summary${refused ? ' incident-report__summary--refused' : ''}`}
        role={refused ? 'alert' : 'status'}
      >
        {outcomeSummary(report)}
      </p>
      {actions}

      <div className="incident-report__grid">
        <div>
          <h3>File</h3>
          <dl className="facts">
            <Fact term="Source">{sourceLabel(report.source)}</Fact>
            <Fact term="Format">{report.format ? <code>{report.format}</code> : '—'}</Fact>
            <Fact term="Size">{formatBytes(report.bytes)}</Fact>
            <Fact term="SHA-256">
              <code className="wrap-anywhere">{report.fileSha256}</code>
            </Fact>
            <Fact term="Dataset version">
              {report.datasetVersion === null ? '—' : formatNumber(report.datasetVersion)}
            </Fact>
            <Fact term="Mapping version">{formatNumber(report.mappingVersion)}</Fact>
            <Fact term="Time">
              {(report.elapsedMs / 1000).toFixed(1)} s · {formatNumber(Math.round(report.rowsPerSec))} rows/s
            </Fact>
          </dl>
        </div>
        <div>
          <h3>Records</h3>
          <table className="table table--compact incident-counts">
            <caption className="visually-hidden">Record counts</caption>
            <tbody>
              {counts.map(([label, n]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="num">{formatNumber(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {refused ? <p className="muted">Refused: none of these records was written.</p> : null}
        </div>
        <div>
          <h3>Area assignment</h3>
          <dl className="facts">
            <Fact term="Area memberships">{formatNumber(report.areas.memberships)}</Fact>
            <Fact term="At sea, no marine area">{formatNumber(report.areas.marineUnassigned)}</Fact>
            <Fact term="Area-month cells">{formatNumber(report.areas.areaMonthCells)}</Fact>
          </dl>
          <p className="muted">
            Positions outside every marine polygon and beyond 30 NM of one stay unassigned and are counted.
          </p>
        </div>
      </div>

      {warnings.length ? (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>Warnings by code (the rows were kept)</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Meaning</th>
                <th scope="col" className="num">
                  Rows
                </th>
              </tr>
            </thead>
            <tbody>
              {warnings.map(([code, n]) => (
                <tr key={code}>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>{codeLabel(code)}</td>
                  <td className="num">{formatNumber(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {report.problems.length ? (
        <div className="table-wrap">
          <table className="table table--compact incident-problems">
            <caption>
              {refused ? 'Problems that refused the file' : 'Rejected records'} (
              {plural(report.problems.length, 'problem')}
              {report.problemsTruncated ? ' listed; more are stored with the batch' : ''})
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line / feature
                </th>
                <th scope="col" className="num">
                  Record
                </th>
                <th scope="col">Field</th>
                <th scope="col">Code</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={`${p.ordinal}-${p.code}-${i}`}>
                  <td className="num">
                    {p.line !== null
                      ? `line ${formatNumber(p.line)}`
                      : p.featureIndex !== null
                        ? `feature ${formatNumber(p.featureIndex)}`
                        : '—'}
                  </td>
                  <td className="num">{formatNumber(p.ordinal)}</td>
                  <td>{p.field ? <code>{p.field}</code> : '—'}</td>
                  <td>
                    <code title={codeLabel(p.code)}>{p.code}</code>
                  </td>
                  <td className="wrap-anywhere">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
