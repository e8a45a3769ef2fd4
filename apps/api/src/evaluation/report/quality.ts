/** The report's data-quality part (EVALUATION.md §4.1), from the result's `quality` when it has one. */
import type { EvaluationDataQuality } from '@entente/contracts';
import { h3, kv, muted, table, type El } from './layout';
import { mark } from './sections';
import type { EvaluationReportInput } from './types';

const n = (v: number | undefined) => (v ?? 0).toLocaleString('en-GB');
const listed = (xs: [string, number][], none: string) =>
  xs.length ? xs.map(([k, c]) => `${k}: ${n(c)}`).join('; ') : none;

function precisionTable(input: EvaluationReportInput, q: EvaluationDataQuality): El {
  const names = new Map(input.result.areas.map((a) => [a.key, a.name]));
  const levels = ['1', '2', '3', '4', '5', '6'].filter((l) =>
    q.precision.some((p) => (p.locLevel[l] ?? 0) > 0),
  );
  return table(
    ['Area', 'Events', 'Day/week', 'Month', 'Coarser', ...levels.map((l) => `Loc. ${l}`)],
    q.precision.map((p) => [
      names.get(p.areaKey) ?? p.areaKey,
      n(p.total),
      n(p.dateClass.fine),
      n(p.dateClass.month),
      n(p.dateClass.coarse),
      ...levels.map((l) => n(p.locLevel[l])),
    ]),
    {
      widths: [3, 1, 1, 1, 1, ...levels.map(() => 1)],
      caption: mark(input, 'Precision of the events in each area, before the exclusions.'),
    },
  );
}

export function qualitySection(input: EvaluationReportInput): El[] {
  const q = input.result.quality;
  if (!q) return [h3('Data quality'), muted('This result was stored before the data-quality panel existed.')];
  const rejected = q.batches.filter((b) => b.status === 'committed_with_rejections').length;
  return [
    h3(mark(input, 'Data quality')),
    kv([
      [
        'Dataset',
        `${q.dataset.title}, version ${q.dataset.version}${q.dataset.accessedOn ? `, accessed ${q.dataset.accessedOn}` : ''}`,
      ],
      [
        'Coverage',
        `${q.coverage.from && q.coverage.to ? `${q.coverage.from} to ${q.coverage.to}` : 'no visible rows'}; ${n(q.coverage.monthsOutside)} months of the window outside it (missing, not zero)`,
      ],
      [
        'Source switches',
        q.sourceSwitches.length
          ? q.sourceSwitches.map((s) => `${s.date}: ${s.text}`).join('; ')
          : 'none inside the window',
      ],
      ['Exposure', q.exposureModelled ? 'modelled' : 'not modelled: rates per area-month'],
      [
        'Quality flags',
        listed(
          q.flags.map((f) => [f.code, f.count]),
          'none',
        ),
      ],
      [
        'Unmapped types',
        listed(
          q.unmappedTypes.map((t) => [t.label, t.count]),
          'none',
        ),
      ],
      [
        'Unmatched provinces',
        listed(
          q.unmappedAdmin1.map((a) => [a.name, a.count]),
          'none',
        ),
      ],
      [
        'Import batches',
        `${q.batches.length} visible${rejected ? `, ${rejected} committed with rejections (some source records are not in the data)` : ''}`,
      ],
    ]),
    precisionTable(input, q),
  ];
}
