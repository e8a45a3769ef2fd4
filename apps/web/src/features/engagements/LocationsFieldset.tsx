/** Location rows: place name, country, optional coordinates. */
import { errorAt, newKey } from './formModel';
import type { FieldErrors, LocationDraft } from './formModel';

type Props = {
  rows: readonly LocationDraft[];
  countries: readonly { iso3: string; name: string }[];
  errors: FieldErrors;
  onChange: (rows: LocationDraft[]) => void;
};

export function LocationsFieldset({ rows, countries, errors, onChange }: Props) {
  const update = (i: number, patch: Partial<LocationDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const cell = (
    i: number,
    key: 'name' | 'iso3' | 'lat' | 'lon',
    label: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => {
    const id = `eng-loc-${i}-${key}`;
    const error = errorAt(errors, `locations.${i}.${key}`);
    const row = rows[i];
    return (
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={row ? row[key] : ''}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => update(i, { [key]: e.target.value })}
          {...extra}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset className="rows">
      <legend>Locations</legend>
      {rows.length === 0 ? <p className="muted">No locations yet.</p> : null}
      {rows.map((r, i) => (
        <div key={r.key} className="row-group" role="group" aria-label={`Location ${i + 1}`}>
          {cell(i, 'name', 'Place')}
          {cell(i, 'iso3', 'Country (ISO3)', {
            list: 'eng-iso3-list',
            maxLength: 3,
            className: 'input--short',
          })}
          {cell(i, 'lat', 'Latitude', { inputMode: 'decimal', className: 'input--short' })}
          {cell(i, 'lon', 'Longitude', { inputMode: 'decimal', className: 'input--short' })}
          <button
            type="button"
            className="btn btn--small"
            aria-label={`Remove location ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <datalist id="eng-iso3-list">
        {countries.map((c) => (
          <option key={c.iso3} value={c.iso3}>
            {c.name}
          </option>
        ))}
      </datalist>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => onChange([...rows, { key: newKey(), name: '', iso3: '', lat: '', lon: '' }])}
      >
        Add location
      </button>
    </fieldset>
  );
}
