/**
 * The report's text sections: the title block (subject, period, areas with roles and totals,
 * methods, profile, seed, inputsHash, engine version), one section per estimate (design-grade
 * badge, warnings with severity, the headline worded by `wordEstimate`) and the data section.
 */
import { createElement as h } from 'react';
import type { EstimateWire } from '@entente/contracts';
import { COLOURS, box, pdf, h1, h2, h3, keep, kv, mono, muted, p, table, txt, type El } from './layout';
import { livingDataNote, precisionNote, reportingNote, sourceNote } from './notes';
import type { EvaluationReportInput } from './types';
import { designBadge, fmt, methodLabel, wordEstimate } from './wording';

export const mark = (input: EvaluationReportInput, s: string): string =>
  input.portion ? `${input.portion} ${s}` : s;

const ROLE_LABELS: Record<string, string> = {
  treated: 'treated',
  comparison: 'comparison',
  neighbour: 'neighbour ring',
};

export function titleBlock(input: EvaluationReportInput): El[] {
  const { result: r, request: q } = input;
  const subject = input.subject
    ? `${input.subject.kind}${input.subject.code ? ` ${input.subject.code}` : ''} — ${input.subject.title}`
    : 'not linked to an engagement';
  return [
    h1(input.title),
    kv([
      ['Subject', subject],
      ['Period', `${q.from} to ${q.to} (${r.months.length} months)`],
      ['Intervention', `${q.t0}${q.interventionLabel ? ` — ${q.interventionLabel}` : ''}`],
      ['Incident source', `${r.dataset.code} version ${r.dataset.version}`],
      ['Event types', q.types.length ? q.types.join(', ') : 'all'],
      ['Methods', q.methods.map(methodLabel).join(', ')],
      ['Profile', r.profile],
      ['Seed', q.seed],
      ['Inputs hash', mono(r.inputsHash)],
      ['Engine version', r.engineVersion],
      ['Generated', `${input.generatedAt} by ${input.generatedBy}`],
    ]),
    h3(mark(input, 'Areas')),
    table(
      ['Area', 'Key', 'Role', 'Reported incidents'],
      r.areas.map((a) => [a.name, a.key, ROLE_LABELS[a.role] ?? a.role, String(a.total)]),
      { widths: [3, 3, 1.5, 1.5] },
    ),
    muted(`${reportingNote(input)} ${precisionNote(r.excluded)}`),
  ];
}

const LEVEL_COLOURS: Record<number, [string, string]> = {
  1: ['#fbe9e7', '#8a1c10'],
  2: ['#fff4d6', '#6b4b00'],
  3: ['#e3eef9', '#1f4468'],
  4: ['#e3f4e6', '#1d5b2a'],
  5: ['#e3f4e6', '#1d5b2a'],
};

export function badge(design: EstimateWire['design']): El {
  const [bg, fg] = LEVEL_COLOURS[design.level] ?? ['#eeeeee', COLOURS.ink];
  return box(
    { marginBottom: 4 },
    h(
      pdf().View,
      { style: { flexDirection: 'row' } },
      txt(
        {
          backgroundColor: bg,
          color: fg,
          border: `0.75pt solid ${fg}`,
          borderRadius: 3,
          paddingVertical: 2,
          paddingHorizontal: 5,
          fontWeight: 'bold',
        },
        designBadge(design),
      ),
    ),
    ...design.reasons.map((r) => muted(`• ${r}`, { marginLeft: 6, marginBottom: 1 })),
  );
}

const SEVERITY = { block: COLOURS.block, warn: COLOURS.warn, info: COLOURS.info } as const;

export function warningList(warnings: EstimateWire['warnings']): El[] {
  // Code on its own line, message below: react-pdf misplaces wrapped lines of a Text that shares a row.
  return warnings.map((w) =>
    box(
      { marginBottom: 3 },
      txt({ color: SEVERITY[w.severity], fontWeight: 'bold' }, `[${w.severity.toUpperCase()}] ${w.code}`),
      p(w.message, { marginLeft: 8, marginBottom: 0 }),
    ),
  );
}

function diagnostics(d: EstimateWire['diagnostics']): string {
  return Object.entries(d)
    .map(
      ([k, v]) =>
        `${k} = ${typeof v === 'number' ? (Number.isInteger(v) ? String(v) : fmt(v, 4)) : String(v)}`,
    )
    .join('; ');
}

export function estimateSection(
  input: EvaluationReportInput,
  e: EstimateWire,
  n: string,
  supporting = false,
): El {
  const w = wordEstimate(e);
  const blocks = e.warnings.filter((x) => x.severity === 'block');
  const others = e.warnings.filter((x) => x.severity !== 'block');
  return box(
    { marginBottom: 8, ...(supporting ? { paddingLeft: 8, borderLeft: `1pt solid ${COLOURS.rule}` } : {}) },
    keep(
      h3(mark(input, `${n} ${w.title}${supporting ? ' — supporting' : ''}`)),
      muted(`Estimand: ${e.estimand}`),
      badge(e.design),
    ),
    ...(blocks.length
      ? [
          box(
            { border: `1pt solid ${COLOURS.block}`, padding: 4, marginBottom: 4 },
            ...blocks.map((b) => p(`${b.code}: ${b.message}`, { color: COLOURS.block })),
          ),
        ]
      : []),
    p(w.headline, { fontSize: 10, ...(w.blocked ? { color: COLOURS.block } : {}) }),
    ...(w.numbers.length ? [kv(w.numbers)] : []),
    ...(others.length
      ? [txt({ fontWeight: 'bold', marginTop: 2, marginBottom: 2 }, 'Warnings'), ...warningList(others)]
      : []),
    // Diagnostics can restate the effect (e.g. percentChange): a blocked estimate shows none.
    ...(!blocks.length && Object.keys(e.diagnostics).length
      ? [muted(`Diagnostics: ${diagnostics(e.diagnostics)}`)]
      : []),
  );
}

export function estimatesSection(input: EvaluationReportInput): El[] {
  const { estimates, supporting } = input.result;
  return [
    h2('Estimates'),
    muted(
      'Effects are incidence-rate ratios (IRR) with percent change 100(IRR − 1). A blocked estimate gives no headline number; its data are still plotted. Below design level 4 results are worded "contributed to", never as attribution.',
    ),
    ...estimates.map((e, i) => estimateSection(input, e, `${i + 1}.`)),
    ...(supporting.length
      ? [
          h3('Supporting estimates'),
          ...supporting.map((e, i) => estimateSection(input, e, `S${i + 1}.`, true)),
        ]
      : []),
  ];
}

export function dataSection(input: EvaluationReportInput): El[] {
  const ds = input.result.dataset;
  const versions = input.dataVersions ?? [];
  return [
    h2('Data'),
    kv([
      ['Dataset', ds.code],
      ['Version', String(ds.version)],
      ['Licence', ds.licence],
      ['Attribution', ds.attribution],
      ['Source note', sourceNote(ds.code)],
    ]),
    h3(mark(input, 'Data versions used')),
    versions.length
      ? table(
          ['Dataset', 'Version', 'Content SHA-256', 'Import batches'],
          versions.map((v) => [
            v.dataset,
            String(v.version),
            v.contentSha256 ?? '—',
            (v.batches ?? []).map((b) => `${b.id} (${b.status})`).join(', ') || '—',
          ]),
          { widths: [1.2, 0.8, 4, 3], fontSize: 7 },
        )
      : muted(`${ds.code} version ${ds.version}; no further version detail was supplied.`),
    h3('Exclusions and notes'),
    p(precisionNote(input.result.excluded)),
    p(input.result.note),
    p(livingDataNote(input)),
  ];
}
