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
  /** Room for category labels of horizontal bars, in pixels (longer labels are truncated, the table has them whole). */
  labelWidth?: number;
  /** Span every column of the grid it sits in. */
  wide?: boolean;
  /** A line under the chart, e.g. what the chart leaves out. */
  note?: string | undefined;
};

export function Chart({
  title,
  kind,
  data,
  valueLabel = 'Engagements',
  height = 260,
  labelWidth,
  wide = false,
  note,
}: Props) {
  return (
    <figure className={`chart card${wide ? ' chart--wide' : ''}`}>
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
            <EChart
              kind={kind}
              data={data}
              valueLabel={valueLabel}
              height={height}
              title={title}
              {...(labelWidth ? { labelWidth } : {})}
            />
          </Suspense>
          {note ? <p className="muted chart__note">{note}</p> : null}
          <details className="chart__data">
            <summary>Data table: {title}</summary>
            <div className="table-wrap">
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
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
