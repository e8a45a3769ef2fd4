/** The record's label: level, releasable-to nations and groups, compartments and caveats. */
import { CAVEATS, COMPARTMENTS, GROUPS, LEVELS } from '../../lib/domain';
import { Field, describedBy } from '../../components/Field';
import { ChipsInput } from '../../components/ChipsInput';
import { errorAt } from './formModel';
import type { FieldErrors, LabelDraft } from './formModel';

type Props = {
  value: LabelDraft;
  errors: FieldErrors;
  countries: readonly { iso3: string; name: string }[];
  onChange: (value: LabelDraft) => void;
  /** Prefix of the controls' ids (`eng` gives `eng-level`, `eng-releasable`, …). */
  idPrefix?: string;
};

const toggle = (list: readonly string[], v: string) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

export function LabelFieldset({ value, errors, countries, onChange, idPrefix = 'eng' }: Props) {
  const levelError = errorAt(errors, 'label.level');
  const relError = errorAt(errors, 'label.releasableTo');
  const id = (name: string) => `${idPrefix}-${name}`;
  // A problem with the label as a whole (e.g. "not allowed for you") is shown above its parts.
  const labelError = errors['label'];
  return (
    <div className="label-fields">
      {labelError ? (
        <p className="field__error" id={id('label-error')}>
          Classification label: {labelError}
        </p>
      ) : null}
      <Field id={id('level')} label="Classification level" error={levelError} required>
        <select
          id={id('level')}
          value={value.level}
          aria-invalid={!!levelError || undefined}
          aria-describedby={describedBy(id('level'), levelError)}
          onChange={(e) => onChange({ ...value, level: e.target.value })}
        >
          {LEVELS.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={id('releasable')}
        label="Releasable to"
        error={relError}
        hint="Nations (ISO3) and groups such as NATO; XHN is the home nation."
      >
        <ChipsInput
          id={id('releasable')}
          value={value.releasableTo}
          onChange={(releasableTo) => onChange({ ...value, releasableTo })}
          suggestions={[...GROUPS, ...countries.map((c) => c.iso3)]}
          invalid={!!relError}
          describedBy={describedBy(id('releasable'), relError, true)}
        />
      </Field>
      <fieldset className="checks" id={id('compartments')} tabIndex={-1}>
        <legend>Compartments</legend>
        {COMPARTMENTS.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={value.restrictive.includes(c)}
              onChange={() => onChange({ ...value, restrictive: toggle(value.restrictive, c) })}
            />{' '}
            {c}
          </label>
        ))}
        {errorAt(errors, 'label.restrictive') ? (
          <p className="field__error">{errorAt(errors, 'label.restrictive')}</p>
        ) : null}
      </fieldset>
      <fieldset className="checks" id={id('caveats')} tabIndex={-1}>
        <legend>Caveats</legend>
        {CAVEATS.map((c) => (
          <label key={c.value} className="check">
            <input
              type="checkbox"
              checked={value.handling.includes(c.value)}
              onChange={() => onChange({ ...value, handling: toggle(value.handling, c.value) })}
            />{' '}
            {c.label}
          </label>
        ))}
        {errorAt(errors, 'label.handling') ? (
          <p className="field__error">{errorAt(errors, 'label.handling')}</p>
        ) : null}
      </fieldset>
    </div>
  );
}
