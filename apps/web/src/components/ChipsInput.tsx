/** A list of short codes (e.g. releasable-to nations and groups) edited as chips. */
import { useState } from 'react';

type Props = {
  id: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  suggestions?: readonly string[];
  invalid?: boolean;
  describedBy?: string | undefined;
  normalise?: (raw: string) => string;
};

export function ChipsInput({
  id,
  value,
  onChange,
  suggestions = [],
  invalid,
  describedBy,
  normalise = (s) => s.trim().toUpperCase(),
}: Props) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const items = draft
      .split(/[,\s]+/)
      .map(normalise)
      .filter(Boolean);
    if (items.length === 0) return;
    onChange([...value, ...items.filter((x) => !value.includes(x))]);
    setDraft('');
  };
  return (
    <div className="chips-input">
      <ul className="chips" aria-label="Current values">
        {value.map((v) => (
          <li key={v} className="chip">
            {v}
            <button
              type="button"
              className="chip__remove"
              aria-label={`Remove ${v}`}
              onClick={() => onChange(value.filter((x) => x !== v))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="chips-input__add">
        <input
          id={id}
          list={suggestions.length ? `${id}-list` : undefined}
          value={draft}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            } else if (e.key === 'Backspace' && draft === '' && value.length > 0) {
              onChange(value.slice(0, -1));
            }
          }}
        />
        <button type="button" className="btn btn--small" onClick={add}>
          Add
        </button>
        {suggestions.length ? (
          <datalist id={`${id}-list`}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        ) : null}
      </div>
    </div>
  );
}
