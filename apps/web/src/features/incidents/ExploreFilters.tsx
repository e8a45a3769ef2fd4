/** Explore filters: one source at a time (a series never mixes sources), event types, area, period, precision. */
import { useMemo, useState } from 'react';
import type { IncidentSource } from '@entente/contracts';
import { CheckboxMenu } from '../../components/CheckboxMenu';
import { compact, joinList, splitList } from '../../app/search';
import type { AreaItem, DatasetItem, ExploreSearch } from './incidentsApi';
import { EVENT_TYPES, SOURCE_EVENT_TYPES, sourceLabel, typeLabel } from './labels';

const KIND_LABELS: Record<string, string> = {
  marine: 'Seas and marine regions',
  country: 'Countries',
  admin1: 'Provinces',
  polygon: 'Drawn areas',
  box: 'Boxes',
  union: 'Unions',
};

type Props = {
  search: ExploreSearch;
  source: IncidentSource;
  area: string | undefined;
  datasets: readonly DatasetItem[];
  areas: readonly AreaItem[];
  onSearch: (s: ExploreSearch) => void;
};

export function ExploreFilters({ search, source, area, datasets, areas, onSearch }: Props) {
  const [areaFilter, setAreaFilter] = useState('');
  const set = (patch: Partial<ExploreSearch>) => onSearch(compact({ ...search, ...patch }));
  const typeOptions = useMemo(
    () =>
      (SOURCE_EVENT_TYPES[source] ?? []).flatMap((t) => [
        { value: t, label: `${typeLabel(t)} (all)` },
        ...(EVENT_TYPES[t]?.subtypes ?? [])
          .filter((s) => s !== t)
          .map((s) => ({ value: s, label: `${typeLabel(t)}: ${typeLabel(s).toLowerCase()}` })),
      ]),
    [source],
  );
  const groups = useMemo(() => {
    const q = areaFilter.trim().toLowerCase();
    const byKind = new Map<string, AreaItem[]>();
    for (const a of areas) {
      if (q && !a.name.toLowerCase().includes(q) && !a.key.toLowerCase().includes(q) && a.key !== area)
        continue;
      const list = byKind.get(a.kind) ?? [];
      list.push(a);
      byKind.set(a.kind, list);
    }
    return [...byKind.entries()].sort(([a], [b]) =>
      a === 'marine' ? -1 : b === 'marine' ? 1 : a.localeCompare(b),
    );
  }, [areas, areaFilter, area]);

  return (
    <form
      className="filters incident-filters"
      aria-label="Incident filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field field--inline">
        <label htmlFor="inc-source">Source</label>
        <select
          id="inc-source"
          value={source}
          onChange={(e) => set({ source: e.target.value as IncidentSource, types: undefined })}
        >
          {datasets.map((d) => (
            <option key={d.code} value={d.code}>
              {sourceLabel(d.code)} ({d.rowCount.toLocaleString('en-GB')} rows)
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <span className="field__label-text" aria-hidden="true">
          Event types
        </span>
        <CheckboxMenu
          label="Event types"
          options={typeOptions}
          value={splitList(search.types)}
          onChange={(v) => set({ types: joinList(v) })}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor="inc-area-filter">Find area</label>
        <input
          id="inc-area-filter"
          type="search"
          className="input--short"
          value={areaFilter}
          placeholder="e.g. Aden"
          onChange={(e) => setAreaFilter(e.target.value)}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor="inc-area">Area</label>
        <select id="inc-area" value={area ?? ''} onChange={(e) => set({ area: e.target.value || undefined })}>
          {area ? null : <option value="">Choose an area</option>}
          {groups.map(([kind, list]) => (
            <optgroup key={kind} label={KIND_LABELS[kind] ?? kind}>
              {list.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="inc-from">From</label>
        <input
          id="inc-from"
          type="date"
          value={search.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor="inc-to">To</label>
        <input
          id="inc-to"
          type="date"
          value={search.to ?? ''}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </div>
      <div className="field field--check">
        <label>
          <input
            type="checkbox"
            checked={search.monthPrecision ?? false}
            onChange={(e) => set({ monthPrecision: e.target.checked || undefined })}
          />{' '}
          Keep events dated only to one month
        </label>
      </div>
      {area?.startsWith('admin1:') ? (
        <div className="field field--check">
          <label>
            <input
              type="checkbox"
              checked={search.provincePrecision ?? false}
              onChange={(e) => set({ provincePrecision: e.target.checked || undefined })}
            />{' '}
            Keep events located only to the province
          </label>
        </div>
      ) : null}
      {search.types || search.from || search.to || search.monthPrecision || search.provincePrecision ? (
        <button
          type="button"
          className="btn btn--link"
          onClick={() => onSearch(compact({ source: search.source, area: search.area }))}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
