/**
 * Counts by type, objective, region and year. Two columns at most: type and region side by side (same height),
 * then the objective and year charts across the full width, where their long labels and many years stay readable.
 */
import type { Dashboard } from '@entente/contracts';
import { Chart } from '../../components/Chart';
import { typeColour, typeLabel } from '../../lib/engagementTypes';
import { formatNumber } from '../../lib/format';

export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const byType = dashboard.byType.map((c) => ({
    key: c.key,
    label: c.label || typeLabel(c.key),
    value: c.count,
    colour: typeColour(c.key),
  }));
  const byObjective = dashboard.byObjective.map((c) => ({ key: c.key, label: c.label, value: c.count }));
  const byRegion = dashboard.byRegion.map((c) => ({ key: c.key, label: c.label, value: c.count }));
  const byYear = [...dashboard.byYear]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((c) => ({ key: c.key, label: c.label, value: c.count }));
  const other = dashboard.objectivesOther;
  const objectiveNote =
    other.objectives > 0
      ? `The ${byObjective.length} objectives with the most engagements. ${formatNumber(other.objectives)} other ${other.objectives === 1 ? 'objective holds' : 'objectives hold'} ${formatNumber(other.count)} engagement ${other.count === 1 ? 'link' : 'links'}.`
      : undefined;
  const topRowHeight = Math.max(260, byType.length * 22);
  return (
    <section aria-label="Counts" className="dashboard-charts">
      <Chart title="Engagements by type" kind="hbar" data={byType} height={topRowHeight} labelWidth={200} />
      <Chart title="Engagements by region" kind="pie" data={byRegion} height={topRowHeight} />
      <Chart
        title="Engagements by objective"
        kind="hbar"
        data={byObjective}
        note={objectiveNote}
        height={Math.max(220, byObjective.length * 24)}
        labelWidth={440}
        wide
      />
      <Chart title="Engagements by year" kind="line" data={byYear} wide />
    </section>
  );
}
