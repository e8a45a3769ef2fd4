/** A counts chart in a figure, with the values as a table for screen readers and keyboard users. ECharts loads lazily. */
import { Suspense, lazy } from 'react';
import { Spinner } from './States';
import { formatNumber } from '../lib/format';

export type ChartKind = 'bar' | 'hbar' | 'pie' | 'line';
export type ChartDatum = { key: string; label: string; value: number; colour?: string };

const EChart = lazy(() => import('./EChart'));

type Props = {
  title: string;
  kind: ChartKind;
  data: readonly ChartDatum[];
  valueLabel?: string;
  height?: number;
};

export function Chart({ title, kind, data, valueLabel = 'Engagements', height = 260 }: Props) {
  return (
    <figure className="chart card">
      <figcaption className="chart__title">{title}</figcaption>
      {data.length === 0 ? (
        <p className="empty-state">No data for these filters.</p>
      ) : (
        <>
          <Suspense
            fallback={
              <div style={{ height }}>
                <Spinner label="Loading chart…" />
              </div>
            }
          >
            <EChart kind={kind} data={data} valueLabel={valueLabel} height={height} title={title} />
          </Suspense>
          <details className="chart__data">
            <summary>Data table: {title}</summary>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col" className="num">
                    {valueLabel}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.key}>
                    <td>{d.label}</td>
                    <td className="num">{formatNumber(d.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
