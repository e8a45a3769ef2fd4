/** Year, objective and partner filters of the dashboard. */
import type { DashboardSearch } from '../../app/search';
import { compact } from '../../app/search';
import { useEngagedPartners, useObjectives } from '../../lib/reference';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR + 3 - 2000 + 1 }, (_, i) => THIS_YEAR + 3 - i);

export function DashboardFilters({
  search,
  onSearch,
}: {
  search: DashboardSearch;
  onSearch: (s: DashboardSearch) => void;
}) {
  const objectives = useObjectives();
  const partners = useEngagedPartners();
  const set = (patch: Partial<Record<keyof DashboardSearch, string | number | undefined>>) =>
    onSearch(compact({ ...search, ...patch }) as DashboardSearch);

  return (
    <form className="filters" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field field--inline">
        <label htmlFor="dash-year">Year</label>
        <select
          id="dash-year"
          value={search.year ?? ''}
          onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">All years</option>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="dash-objective">Objective</label>
        <select
          id="dash-objective"
          value={search.objective ?? ''}
          onChange={(e) => set({ objective: e.target.value || undefined })}
        >
          <option value="">All objectives</option>
          {(objectives.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} — {o.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="dash-partner">Partner</label>
        <select
          id="dash-partner"
          value={search.partner ?? ''}
          onChange={(e) => set({ partner: e.target.value || undefined })}
        >
          <option value="">All partners</option>
          {(partners.data ?? []).map((p) => (
            <option key={p.iso3} value={p.iso3}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {search.year || search.objective || search.partner ? (
        <button type="button" className="btn btn--link" onClick={() => onSearch({})}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
