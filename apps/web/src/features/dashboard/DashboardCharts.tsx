/** Counts by type, objective, region and year. */
import type { Dashboard } from '@entente/contracts';
import { Chart } from '../../components/Chart';
import { typeColour, typeLabel } from '../../lib/engagementTypes';

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
  return (
    <section aria-label="Counts" className="grid grid--2">
      <Chart
        title="Engagements by type"
        kind="hbar"
        data={byType}
        height={Math.max(220, byType.length * 22)}
      />
      <Chart
        title="Engagements by objective"
        kind="hbar"
        data={byObjective}
        height={Math.max(220, byObjective.length * 26)}
      />
      <Chart title="Engagements by region" kind="pie" data={byRegion} />
      <Chart title="Engagements by year" kind="line" data={byYear} />
    </section>
  );
}
