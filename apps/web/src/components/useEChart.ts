/**
 * One ECharts instance on a div: created on mount (canvas), resized with its box, disposed on
 * unmount, and given `option` whenever it changes (pass a memoised option). `failed` is true when
 * the chart cannot be drawn here (no canvas), so the caller shows its text alternative instead.
 * Each chart module registers its own chart types and components with `echarts.use`.
 */
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';

export function useEChart(option: echarts.EChartsCoreOption, o: { requireCanvas2d?: boolean } = {}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!el.current) return;
    let c: echarts.ECharts;
    try {
      // No 2D canvas (e.g. a DOM without one): the caller keeps its caption and table, skips the drawing.
      if (o.requireCanvas2d && !document.createElement('canvas').getContext('2d'))
        throw new Error('no canvas');
      c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    } catch {
      setFailed(true);
      return;
    }
    chart.current = c;
    let ro: ResizeObserver | null = null;
    if (typeof ResizeObserver !== 'undefined') {
      ro = new ResizeObserver(() => c.resize());
      ro.observe(el.current);
    }
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
    // Created once per mount; `requireCanvas2d` is a constant of the caller.
  }, []);

  useEffect(() => {
    try {
      chart.current?.setOption(option, true);
    } catch {
      setFailed(true);
    }
  }, [option]);

  return { el, failed };
}
