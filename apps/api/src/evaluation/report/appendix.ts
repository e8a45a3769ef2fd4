/** The tables appendix: the charted series as numbers (monthly series, event-study points, synthetic-control gaps and weights). */
import { readSeries, type ReportSeries } from './charts';
import { columnTable, h2, h3, muted, table, type El } from './layout';
import { mark } from './sections';
import type { EvaluationReportInput } from './types';
import { fmt } from './wording';

const n0 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));
const n2 = (v: number | null | undefined): string => fmt(v, 2);

function monthlyTable(input: EvaluationReportInput, s: ReportSeries): El {
  const hasComparison = s.comparison.some((v) => v !== null);
  const hasNeighbour = s.neighbour.some((v) => v !== null);
  const head = ['Month', 'Treated'];
  if (hasComparison) head.push('Comparison');
  if (hasNeighbour) head.push('Neighbours');
  if (s.its) head.push('ITS fitted', 'Counterfactual');
  if (s.its?.band) head.push('Band lower', 'Band upper');
  const rows = s.months.map((m, i) => {
    const r = [i === s.t0Index ? `${m} (T0)` : m, n0(s.treated[i])];
    if (hasComparison) r.push(n0(s.comparison[i]));
    if (hasNeighbour) r.push(n0(s.neighbour[i]));
    if (s.its) r.push(n2(s.its.fitted[i]), n2(s.its.counterfactual[i]));
    if (s.its?.band) r.push(n2(s.its.band.lower[i]), n2(s.its.band.upper[i]));
    return r;
  });
  return columnTable(head, rows, {
    caption: mark(input, 'Reported incidents per month (observed counts summed per role), and the ITS fit.'),
  });
}

export function appendixSection(input: EvaluationReportInput): El[] {
  const s = readSeries(input.result);
  const out: El[] = [h2('Appendix: tables'), h3('Monthly series'), monthlyTable(input, s)];
  if (s.eventStudy)
    out.push(
      h3('Event study'),
      table(
        ['Bin k', 'Months from T0', 'IRR', '95 % CI'],
        s.eventStudy.points.map((p) => [
          `${p.k}${p.reference ? ' (reference)' : ''}${p.pooled ? ' (pooled)' : ''}`,
          String(p.fromMonth),
          p.reference ? '1 (fixed)' : n2(p.irr),
          p.reference ? '—' : p.ci ? `${n2(p.ci[0])} to ${n2(p.ci[1])}` : '—',
        ]),
        { caption: mark(input, 'IRR per event-time bin relative to the reference bin.') },
      ),
    );
  if (s.scm) {
    out.push(
      h3('Synthetic control'),
      columnTable(
        ['Period', 'Gap (treated − synthetic)'],
        s.scm.gaps.map((g, i) => [
          s.months.length === s.scm!.gaps.length ? (s.months[i] ?? String(i + 1)) : String(i + 1),
          fmt(g, 3),
        ]),
        { caption: mark(input, 'Treated gap per period.') },
      ),
      table(
        ['Donor', 'Weight'],
        s.scm.weights.map((w) => [w.unit, fmt(w.w, 3)]),
        { caption: mark(input, 'Donor weights.') },
      ),
    );
  }
  if (!s.months.length) out.push(muted('No series.'));
  return out;
}
