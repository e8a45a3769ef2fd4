/** A filter button that opens a list of checkboxes (multi-value filters such as type and status). */
import { useEffect, useId, useRef, useState } from 'react';
import type { Option } from './MultiSelect';

type Props = {
  label: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
};

export function CheckboxMenu({ label, options, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);

  return (
    <div
      className="checkbox-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="btn checkbox-menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
        {value.length ? ` (${value.length})` : ''} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <fieldset className="checkbox-menu__panel" id={id}>
          <legend className="visually-hidden">{label}</legend>
          {options.map((o) => (
            <label key={o.value} className="checkbox-menu__item">
              <input type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} />{' '}
              {o.label}
            </label>
          ))}
          {value.length ? (
            <button type="button" className="btn btn--link" onClick={() => onChange([])}>
              Clear {label.toLowerCase()}
            </button>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
