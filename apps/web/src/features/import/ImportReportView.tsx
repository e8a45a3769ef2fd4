/** The result of a validation or an import: counts and the problems table (line, field, message). */
import type { ImportReport } from '@entente/contracts';
import { formatNumber, plural } from '../../lib/format';

export function ImportReportView({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  return (
    <section className="card" aria-labelledby="report-title" role="status">
      <h2 id="report-title">{dryRun ? 'Validation result' : 'Import result'}</h2>
      <p className={report.ok ? 'ok' : 'form-error'}>
        {report.ok
          ? dryRun
            ? `${plural(report.rows, 'row')} checked; no problems found. Select Import to save them.`
            : `${plural(report.created, 'engagement')} imported from ${plural(report.rows, 'row')}.`
          : `${plural(report.problems.length, 'problem')} found in ${plural(report.rows, 'row')}; nothing was saved. Fix the file and validate again.`}
      </p>
      {report.problems.length ? (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>Problems</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Field</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i}>
                  <td className="num">{formatNumber(p.line)}</td>
                  <td>
                    <code>{p.field}</code>
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
