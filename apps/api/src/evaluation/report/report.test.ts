/**
 * The evaluation PDF report end to end: import the real Crime at Sea file, run the §6.2 case
 * (Atalanta in the HoA box against the Gulf of Guinea box) through the API, render the report and
 * read it back with pdf-parse. Plus the SVG → react-pdf primitives conversion on its own.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimateWire, EvaluationRunRequest, EvaluationRunResult } from '@entente/contracts';
import { startTestApp, type Agent } from '../../testing';
import { observedOption, readSeries, renderChartSvg } from './charts';
import { loadReportDeps } from './deps';
import { renderEvaluationReport, type EvaluationReportInput } from './index';
import { REPORTED_NOTE } from './notes';
import { splitColour, svgToPrimitives, type SvgNode } from './svg';
import { pretrendCaption, wordEstimate } from './wording';

const CAS = fileURLToPath(
  new URL('../../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
);

const request = {
  source: 'crime_at_sea',
  treatedArea: 'poly:preset-hoa',
  comparisonAreas: ['poly:preset-gulf-of-guinea'],
  t0: '2008-12-08',
  interventionLabel: 'EU NAVFOR Operation Atalanta',
  from: '2000-01-01',
  to: '2014-12-31',
  methods: ['before_after', 'interrupted_time_series', 'difference_in_differences'],
};
const BANNER = 'HUB RESTRICTED//REL TO XHN, FRA';
const NON_LATIN = "Côte d'Ivoire — Ελλάδα";

let t: Awaited<ReturnType<typeof startTestApp>>;
let analyst: Agent;
let result: EvaluationRunResult;

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.login('analyst');
  const b = 'entente-report-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="pirate_attacks.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    readFileSync(CAS),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  const imp = await analyst.send(
    'POST',
    '/api/v1/incidents/import?source=crime_at_sea&community=all',
    payload,
    {
      'content-type': `multipart/form-data; boundary=${b}`,
    },
  );
  if (imp.status !== 200 || !imp.body.data.ok) throw new Error(`import failed: ${imp.text}`);
  const r = await analyst.send('POST', '/api/v1/evaluations/run', request);
  if (r.status !== 200) throw new Error(`evaluation failed: ${r.text}`);
  result = r.body.data;
}, 600_000);
afterAll(() => t?.close());

const input = (): EvaluationReportInput => ({
  title: `Evaluation of Atalanta — ${NON_LATIN}`,
  subject: { kind: 'engagement', code: 'ENG-0001', title: `Maritime security ${NON_LATIN}` },
  result,
  request: {
    types: [],
    neighbourAreas: [],
    seed: 'entente',
    profile: 'screening',
    ...request,
  } as EvaluationRunRequest,
  banner: { lines: [{ text: BANNER, background: '#007a33', foreground: '#ffffff' }] },
  generatedAt: '2026-11-29T21:00:00Z',
  generatedBy: 'analyst',
  dataVersions: [
    {
      dataset: 'crime_at_sea',
      version: result.dataset.version,
      contentSha256: 'ab'.repeat(32),
      batches: [{ id: 'b-1', status: 'committed' }],
    },
  ],
});

/** Collapse whitespace: pdf-parse splits lines where the layout wrapped them. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('evaluation PDF report', () => {
  it('renders the real HoA vs Gulf of Guinea evaluation with banners, grades, warnings and attribution', async () => {
    const started = performance.now();
    const pdf = await renderEvaluationReport(input());
    const ms = performance.now() - started;
    console.info(`evaluation report: ${pdf.length} bytes rendered in ${ms.toFixed(0)} ms`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = await parser.getText();
    await parser.destroy();
    console.info(`evaluation report: ${text.pages.length} pages`);
    expect(text.pages.length).toBeGreaterThanOrEqual(2);
    for (const page of text.pages) {
      // Banner top and bottom, and the page number, on every page.
      expect(flat(page.text).split(BANNER).length - 1, `page ${page.num}`).toBeGreaterThanOrEqual(2);
      expect(flat(page.text)).toContain(`page ${page.num} of ${text.pages.length}`);
    }
    const all = flat(text.text);
    const did = result.estimates.find((e) => e.method === 'difference_in_differences')!;
    expect(did.estimate).toBeCloseTo(3.016, 2);
    expect(all).toContain(`IRR ${did.estimate!.toFixed(2)}`);
    expect(all).toContain('3.02');
    expect(all).toContain(`Design level ${did.design.level}: ${did.design.label}`);
    for (const code of ['PRETREND_FAIL', 'PRETREND_UNTESTABLE']) expect(all).toContain(code);
    for (const e of result.estimates) for (const w of e.warnings) expect(all).toContain(w.code);
    // Level 2 design: "contributed to", never attribution.
    expect(all).toContain('contributed to');
    expect(all).not.toContain('estimated to have caused');
    // §8 disclosures and the data section.
    expect(all).toContain(REPORTED_NOTE);
    expect(all).toContain(`Source: crime_at_sea version ${result.dataset.version}`);
    expect(all).toContain('Crime at Sea');
    expect(all).toContain('CC-BY-4.0');
    expect(all).toContain(result.inputsHash);
    expect(all).toContain('incidents excluded');
    // The data-quality part (§4.1) of the real file: coverage, flags, the precision table.
    expect(all).toContain('1993-01 to 2020-12; 0 months of the window outside it');
    expect(all).toContain('W_COUNTRY_FROM_NEAREST: 263');
    expect(all).toContain('Precision of the events in each area, before the exclusions.');
    // Non-Latin text survives through the embedded font.
    expect(all).toContain(NON_LATIN);
    // Chart text came through as PDF text in the embedded font (axis name of the observed chart).
    expect(all).toContain('Incidents per month');
  }, 300_000);
});

describe('SVG → react-pdf primitives', () => {
  const find = (n: SvgNode, tag: string): SvgNode[] => [
    ...(n.tag === tag ? [n] : []),
    ...n.children.flatMap((c) => find(c, tag)),
  ];

  it('maps shapes, groups, transforms, colours and text to react-pdf primitives', () => {
    const svg = `<svg width="200" height="100" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
<rect width="200" height="100" x="0" y="0" fill="none"></rect>
<g clip-path="url(#c0)" transform="translate(5 5)"><path d="M0 0L10 10" stroke="rgba(47, 93, 138, 0.5)" stroke-width="2" stroke-dasharray="4,2" class="zr0-cls-1" ecmeta_series_index="0"></path>
<line x1="0" y1="1" x2="5" y2="1" stroke="#444"/><polyline points="0,0 1,1 2,0" fill="none"/><circle cx="3" cy="4" r="2" fill="rgb(255,0,0)"/></g>
<text dominant-baseline="central" text-anchor="end" style="font-size:12px;font-family:sans-serif;" transform="translate(67 170)" fill="#54555a" stroke="#fff" stroke-width="2">Ελλάδα &amp; Côte</text>
<defs><clipPath id="c0"><path d="M0 0l10 0l0 10Z"/></clipPath></defs>
<style><![CDATA[ .zr0-cls-1:hover { cursor:pointer; } ]]></style></svg>`;
    const root = svgToPrimitives(svg);
    expect(root.tag).toBe('Svg');
    expect(root.props).toMatchObject({ width: 200, height: 100, viewBox: '0 0 200 100' });
    expect(root.children[0]!.tag).toBe('Defs'); // defined before use
    expect(root.children.map((c) => c.tag)).toEqual(['Defs', 'Rect', 'G', 'Text']);
    const g = find(root, 'G')[0]!;
    expect(g.props).toEqual({ clipPath: 'url(#c0)', transform: 'translate(5 5)' });
    const path = g.children[0]!;
    expect(path).toEqual({
      tag: 'Path',
      props: {
        d: 'M0 0L10 10',
        stroke: '#2f5d8a',
        strokeOpacity: 0.5,
        strokeWidth: 2,
        strokeDasharray: '4,2',
      },
      children: [],
    });
    expect(g.children.map((c) => c.tag)).toEqual(['Path', 'Line', 'Polyline', 'Circle']);
    expect(find(root, 'Circle')[0]!.props).toMatchObject({ cx: 3, cy: 4, r: 2, fill: '#ff0000' });
    const text = find(root, 'Text')[0]!;
    expect(text.text).toBe('Ελλάδα & Côte');
    // dominant-baseline becomes a baseline shift (react-pdf needs a cap height DejaVu lacks).
    expect(text.props).toEqual({
      textAnchor: 'end',
      fontSize: 12,
      transform: 'translate(67 170)',
      fill: '#54555a',
      fontFamily: 'DejaVu',
      y: 12 * 0.36,
    });
    expect(find(root, 'ClipPath')[0]!.props).toEqual({ id: 'c0' });
  });

  it('converts a real ECharts SSR chart: every drawable element maps, labels keep their text', async () => {
    await loadReportDeps();
    const s = readSeries({
      months: ['2008-10', '2008-11', '2008-12', '2009-01'],
      series: {
        months: ['2008-10', '2008-11', '2008-12', '2009-01'],
        t0Index: 2,
        observed: { treated: [1, 4, 2, 0], comparison: [3, 3, 5, 1], neighbour: [] },
        sourceSwitchIndices: [1],
      },
    } as unknown as EvaluationRunResult);
    const svg = renderChartSvg(observedOption(s, `Atalanta ${NON_LATIN}`), 400, 200);
    const root = svgToPrimitives(svg);
    const texts = find(root, 'Text').map((x) => x.text);
    expect(texts).toEqual(
      expect.arrayContaining(['2008-12', 'Incidents per month', `Atalanta ${NON_LATIN}`, 'Source switch']),
    );
    expect(find(root, 'Path').length).toBeGreaterThan(5);
    for (const x of find(root, 'Text')) expect(x.props.fontFamily).toBe('DejaVu');
  });

  it('drops paint that is fully transparent instead of painting it solid', () => {
    const root = svgToPrimitives(
      `<svg width="10" height="10"><path d="M0 0l5 0" fill="rgb(0,0,0)" fill-opacity="0" stroke="#b7b9be" stroke-width="0"/><rect width="1" height="1" opacity="0"/><rect width="2" height="2" fill="rgba(0,0,0,0.5)"/></svg>`,
    );
    expect(root.children).toEqual([
      { tag: 'Path', props: { d: 'M0 0l5 0', fill: 'none' }, children: [] },
      { tag: 'Rect', props: { width: 2, height: 2, fill: '#000000', fillOpacity: 0.5 }, children: [] },
    ]);
  });

  it('splits rgba colours into a hex colour and an opacity', () => {
    expect(splitColour('rgba(47, 93, 138, 0.15)')).toEqual(['#2f5d8a', 0.15]);
    expect(splitColour('rgb(0,0,0)')).toEqual(['#000000', 1]);
    expect(splitColour('#abc')).toEqual(['#abc', 1]);
  });
});

const estimate = (over: Partial<EstimateWire>): EstimateWire => ({
  method: 'difference_in_differences',
  variant: 'twfe',
  estimand: 'effect (IRR)',
  estimate: 0.6,
  ci95: [0.45, 0.8],
  ciMethod: 'CR1',
  pValue: 0.0004,
  design: { level: 4, label: 'Several comparison units', reasons: ['DiD with 6 comparison units'] },
  warnings: [],
  diagnostics: {},
  excluded: {},
  inputsHash: 'f'.repeat(64),
  engineVersion: 'test',
  seed: 'entente',
  ...over,
});

describe('estimate wording (the web EstimateCard rules)', () => {
  it('attributes at level 4, says "contributed to" below it, and a block warning suppresses the number', () => {
    expect(wordEstimate(estimate({})).headline).toBe(
      'The intervention is estimated to have caused a change of −40.0 % in reported incidents (IRR 0.60, 95 % CI 0.45–0.80).',
    );
    const l3 = wordEstimate(estimate({ design: { level: 3, label: 'x', reasons: [] } }));
    expect(l3.headline).toMatch(
      /^The intervention contributed to a change of −40\.0 %.*cannot attribute it\.$/,
    );
    expect(l3.numbers).toEqual([
      ['IRR', '0.60'],
      ['Percent change', '−40.0 %'],
      ['95 % CI', '0.45 to 0.80 (CR1)'],
      ['p-value', '< 0.001'],
    ]);
    const blocked = wordEstimate(
      estimate({
        warnings: [{ code: 'FEW_POINTS_BLOCK', severity: 'block', message: 'Fewer than 8 months.' }],
      }),
    );
    expect(blocked).toMatchObject({ blocked: true, headline: 'Blocked: Fewer than 8 months.', numbers: [] });
    expect(wordEstimate(estimate({ estimate: null })).headline).toBe('No estimate could be computed.');
  });

  it('words the pre-trend verdict from the DiD warnings', () => {
    const fail = estimate({
      warnings: [
        { code: 'PRETREND_UNTESTABLE', severity: 'info', message: 'm' },
        { code: 'PRETREND_FAIL', severity: 'warn', message: '5 bins outside.' },
      ],
    });
    expect(pretrendCaption(fail, 'fail', 'ratio_band')).toBe(
      'Pre-trend check failed (the 1–4-unit rule: every pre-period IRR must lie within [2/3, 3/2], the shaded band): 5 bins outside. Parallel trends are doubtful; the DiD estimate is downgraded.',
    );
    expect(pretrendCaption(estimate({}), 'pass', 'wald')).toBe(
      'Pre-trend check passed (a joint Wald test of the pre-period coefficients).',
    );
  });
});

describe('evaluation PDF report without a database', () => {
  it('draws a synthetic-control gap chart, a level-4 attribution and a blocked estimate without its number', async () => {
    const months = Array.from(
      { length: 24 },
      (_, i) => `201${i < 12 ? 0 : 1}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const synthetic: EvaluationRunResult = {
      inputsHash: 'e'.repeat(64),
      engineVersion: 'test',
      profile: 'full',
      months,
      areas: [
        { key: 'country:CIV', name: NON_LATIN, role: 'treated', total: 40 },
        { key: 'country:GHA', name: 'Ghana', role: 'comparison', total: 50 },
      ],
      estimates: [
        estimate({}),
        estimate({
          method: 'synthetic_control',
          variant: undefined,
          estimate: 0.987654,
          diagnostics: { gapEstimate: 0.987654 },
          warnings: [{ code: 'PREFIT_GATE', severity: 'block', message: 'The pre-period fit is too poor.' }],
        } as Partial<EstimateWire>),
      ],
      supporting: [],
      series: {
        months,
        t0Index: 12,
        observed: {
          treated: months.map((_, i) => i % 5),
          comparison: months.map((_, i) => (i * 7) % 4),
          neighbour: [],
        },
        scm: {
          unit: 'country:CIV',
          treated: months.map(() => 1),
          synthetic: months.map(() => 1),
          gaps: months.map((_, i) => Math.sin(i) / 2),
          placeboGaps: [{ unit: 'country:GHA', gaps: months.map((_, i) => Math.cos(i) / 3) }],
          weights: [{ unit: 'country:GHA', w: 1 }],
        },
        sourceSwitchIndices: [6],
      },
      dataset: { code: 'ucdp_ged', version: 3, licence: 'CC-BY-4.0', attribution: 'UCDP GED version 24.1' },
      excluded: { datePrecision: 2, locationPrecision: 5 },
      note: 'Counts are reported incidents, not all incidents.',
    };
    const base = input();
    delete base.subject; // not linked to an engagement
    const pdf = await renderEvaluationReport({
      ...base,
      title: 'Synthetic',
      result: synthetic,
      request: { ...base.request, from: '2010-01-01', to: '2011-12-31', t0: '2011-01' },
    });
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = await parser.getText();
    await parser.destroy();
    const all = flat(text.text);
    expect(all).toContain('Synthetic control: gap between the treated area and its synthetic');
    expect(all).toContain('The intervention is estimated to have caused a change of −40.0 %');
    expect(all).toContain('Blocked: The pre-period fit is too poor.');
    expect(all).not.toContain('0.988');
    expect(all).not.toContain('0.9877'); // nor in its diagnostics
    expect(all).toContain('7 incidents excluded: 5 with a location coarser');
    expect(all).toContain('Source switches marked as vertical lines: 2010-07.');
    expect(all).toContain('UCDP GED depends on media coverage');
    expect(all).toContain(NON_LATIN);
    expect(all).toContain('not linked to an engagement');
    for (const page of text.pages) expect(flat(page.text)).toContain(BANNER);
  }, 300_000);
});
