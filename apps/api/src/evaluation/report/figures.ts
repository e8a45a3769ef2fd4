/**
 * The report's figures: each ECharts chart rendered to SVG and converted to PDF vectors, with the
 * §8 disclosures under it — source line, the fixed reporting note, exposure and precision notes,
 * source switches, the data version, and the design grade and warnings of the effect it shows.
 */
import type { EstimateWire } from '@entente/contracts';
import {
  eventStudyOption,
  itsOption,
  observedOption,
  readSeries,
  renderChartSvg,
  scmOption,
  type ReportSeries,
} from './charts';
import { box, h2, h3, keep, muted, type El } from './layout';
import { EXPOSURE_NOTE, livingDataNote, precisionNote, reportingNote, sourceLine, switchNote } from './notes';
import { badge, mark, warningList } from './sections';
import { svgToPdf } from './svg';
import type { EvaluationReportInput } from './types';
import { pretrendCaption } from './wording';

export const CHART_WIDTH = 515;
const CHART_HEIGHT = 250;

function figure(
  input: EvaluationReportInput,
  s: ReportSeries,
  title: string,
  option: Record<string, unknown>,
  caption: string[],
  effect?: EstimateWire,
): El {
  const svg = renderChartSvg(option, CHART_WIDTH, CHART_HEIGHT);
  return box(
    { marginBottom: 10 },
    keep(h3(mark(input, title)), svgToPdf(svg, CHART_WIDTH)),
    ...(effect ? [badge(effect.design), ...warningList(effect.warnings)] : []),
    ...caption.map((c) => muted(c)),
    muted(sourceLine(input)),
    muted(`${reportingNote(input)} ${EXPOSURE_NOTE}`),
    muted(`${precisionNote(input.result.excluded)} ${switchNote(s.months, s.sourceSwitchIndices)}`),
    muted(livingDataNote(input)),
  );
}

export function figuresSection(input: EvaluationReportInput): El[] {
  const s = readSeries(input.result);
  const label = input.request.interventionLabel ?? 'Intervention';
  const byMethod = (m: string) => input.result.estimates.find((e) => e.method === m);
  const out: El[] = [h2('Charts')];
  out.push(
    figure(input, s, 'Observed monthly counts', observedOption(s, label), [
      `Reported incidents per month by role. The red dashed line marks the intervention (${input.request.t0}${input.request.interventionLabel ? `, ${input.request.interventionLabel}` : ''}).`,
    ]),
  );
  const its = itsOption(s, label);
  if (its)
    out.push(
      figure(
        input,
        s,
        'Interrupted time series: counterfactual',
        its,
        [
          'Observed and fitted counts with the counterfactual (no intervention) and its 95 % band from a parametric bootstrap of the coefficients; the dispersion α is held fixed in the bootstrap.',
        ],
        byMethod('interrupted_time_series'),
      ),
    );
  const did = byMethod('difference_in_differences');
  const band = Boolean(did?.warnings.some((w) => w.code === 'PRETREND_UNTESTABLE'));
  const es = eventStudyOption(s, band);
  if (es && s.eventStudy) {
    const ref = s.eventStudy.points.find((p) => p.reference);
    out.push(
      figure(
        input,
        s,
        `Difference-in-differences: event study (IRR per ${s.eventStudy.binMonths}-month bin)`,
        es,
        [
          `Points are IRRs relative to the reference bin${ref ? ` (k = ${ref.k}, hollow diamond)` : ''}; bars are 95 % confidence intervals; the dashed line is IRR = 1 (no change).${band ? ' The shaded band is [2/3, 3/2], the allowed pre-period range with 1–4 comparison units.' : ''} ${pretrendCaption(did, s.eventStudy.verdict, s.eventStudy.rule)}`,
        ],
        did,
      ),
    );
  }
  const scm = scmOption(s, label);
  if (scm)
    out.push(
      figure(
        input,
        s,
        'Synthetic control: gap between the treated area and its synthetic',
        scm,
        ['The blue line is the treated gap; grey lines are placebo gaps of the donors (placebo-in-space).'],
        byMethod('synthetic_control'),
      ),
    );
  if (out.length === 1) out.push(muted('No series to chart.'));
  return out;
}
