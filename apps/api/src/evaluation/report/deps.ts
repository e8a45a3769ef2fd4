/**
 * The report's heavy libraries (react-pdf with its layout engine, ECharts) load with the first
 * report, not when the API starts: the esbuild server bundle hoists every static import of an
 * external package to its top, so only a dynamic import keeps them out of the start-up path.
 * `loadReportDeps()` once, then the builders read them synchronously with `reportDeps()`.
 */
import type * as ReactPdf from '@react-pdf/renderer';
import type * as EchartsCore from 'echarts/core';

export interface ReportDeps {
  pdf: typeof ReactPdf;
  echarts: typeof EchartsCore;
}

let deps: ReportDeps | null = null;
let loading: Promise<ReportDeps> | null = null;

async function load(): Promise<ReportDeps> {
  const [pdf, echarts, charts, components, features, renderers] = await Promise.all([
    import('@react-pdf/renderer'),
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/features'),
    import('echarts/renderers'),
  ]);
  echarts.use([
    charts.LineChart,
    charts.ScatterChart,
    components.GridComponent,
    components.LegendComponent,
    components.MarkLineComponent,
    components.MarkAreaComponent,
    features.LegacyGridContainLabel,
    renderers.SVGRenderer,
  ]);
  deps = { pdf, echarts };
  return deps;
}

export function loadReportDeps(): Promise<ReportDeps> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

export function reportDeps(): ReportDeps {
  if (!deps) throw new Error('report libraries not loaded: await loadReportDeps() first');
  return deps;
}
