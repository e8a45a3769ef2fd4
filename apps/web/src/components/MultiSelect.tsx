/** A native multi-select (keyboard and screen-reader friendly) with a filter and removable chips for the choice. */
import { useMemo, useState } from 'react';

export type Option = { value: string; label: string };

type Props = {
  id: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  required?: boolean;
  size?: number;
  filterLabel?: string;
};

export function MultiSelect({
  id,
  options,
  value,
  onChange,
  invalid,
  describedBy,
  required,
  size = 6,
  filterLabel,
}: Props) {
  const [filter, setFilter] = useState('');
  const selected = useMemo(() => new Set(value), [value]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    if (!f) return options;
    return options.filter(
      (o) => selected.has(o.value) || o.label.toLowerCase().includes(f) || o.value.toLowerCase().includes(f),
    );
  }, [options, filter, selected]);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;

  return (
    <div className="multiselect">
      {options.length > 12 ? (
        <input
          type="search"
          className="multiselect__filter"
          aria-label={filterLabel ?? 'Filter the choices'}
          placeholder="Type to filter…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      <select
        id={id}
        multiple
        size={Math.min(size, Math.max(shown.length, 2))}
        value={[...value]}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        onChange={(e) => {
          const visible = new Set(shown.map((o) => o.value));
          const kept = value.filter((v) => !visible.has(v));
          const picked = Array.from(e.target.selectedOptions, (o) => o.value);
          onChange([...kept, ...picked]);
        }}
      >
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {value.length > 0 ? (
        <ul className="chips" aria-label="Chosen">
          {value.map((v) => (
            <li key={v} className="chip">
              {labelOf(v)}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${labelOf(v)}`}
                onClick={() => onChange(value.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="multiselect__none">None chosen. Ctrl/⌘-click or Shift+arrows to choose several.</p>
      )}
    </div>
  );
}
