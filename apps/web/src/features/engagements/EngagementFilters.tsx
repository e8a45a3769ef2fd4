/** Filters of the engagement register: text, type, status, partner, objective and year. */
import type { EngagementSearch } from '../../app/search';
import { compact, joinList, splitList } from '../../app/search';
import { CheckboxMenu } from '../../components/CheckboxMenu';
import { STATUSES, statusLabel } from '../../lib/domain';
import { ENGAGEMENT_TYPES, typeLabel } from '../../lib/engagementTypes';
import { useCountries, useObjectives } from '../../lib/reference';
import { useSearchText } from '../../lib/useDebounced';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR + 3 - 2000 + 1 }, (_, i) => THIS_YEAR + 3 - i);
const TYPE_OPTIONS = ENGAGEMENT_TYPES.map((t) => ({ value: t, label: typeLabel(t) }));
const STATUS_OPTIONS = STATUSES.map((s) => ({ value: s, label: statusLabel(s) }));

type Props = { search: EngagementSearch; onSearch: (s: EngagementSearch) => void };

export function EngagementFilters({ search, onSearch }: Props) {
  const countries = useCountries();
  const objectives = useObjectives();
  const set = (patch: Partial<EngagementSearch>) => onSearch(compact({ ...search, ...patch }));
  const [q, setQ] = useSearchText(search.q, (v) => set({ q: v }));
  const any = search.q || search.type || search.status || search.partner || search.objective || search.year;

  return (
    <form
      className="filters"
      role="search"
      aria-label="Engagement filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field field--inline">
        <label htmlFor="eng-q">Search</label>
        <input
          id="eng-q"
          type="search"
          value={q}
          placeholder="Code, title or summary"
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <CheckboxMenu
        label="Type"
        options={TYPE_OPTIONS}
        value={splitList(search.type)}
        onChange={(v) => set({ type: joinList(v) })}
      />
      <CheckboxMenu
        label="Status"
        options={STATUS_OPTIONS}
        value={splitList(search.status)}
        onChange={(v) => set({ status: joinList(v) })}
      />
      <div className="field field--inline">
        <label htmlFor="eng-partner">Partner</label>
        <select
          id="eng-partner"
          value={search.partner ?? ''}
          onChange={(e) => set({ partner: e.target.value || undefined })}
        >
          <option value="">Any partner</option>
          {(countries.data ?? []).map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="eng-objective">Objective</label>
        <select
          id="eng-objective"
          value={search.objective ?? ''}
          onChange={(e) => set({ objective: e.target.value || undefined })}
        >
          <option value="">Any objective</option>
          {(objectives.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} — {o.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="eng-year">Year</label>
        <select
          id="eng-year"
          value={search.year ?? ''}
          onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">Any year</option>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {any ? (
        <button
          type="button"
          className="btn btn--link"
          onClick={() =>
            onSearch(compact({ sort: search.sort, order: search.order, pageSize: search.pageSize }))
          }
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
