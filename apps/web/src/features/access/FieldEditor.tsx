/** Edit one labelled field: its text and its own label (never above the record's); server errors land by their field. */
import { useId, useState, type FormEvent } from 'react';
import type { RecordFieldInput, RecordFieldView } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { Field, describedBy } from '../../components/Field';
import { LabelFieldset } from '../engagements/LabelFieldset';
import type { FieldErrors, LabelDraft } from '../engagements/formModel';

type Props = {
  idPrefix: string;
  fieldName: string;
  current: RecordFieldView | undefined;
  countries: readonly { iso3: string; name: string }[];
  onSave: (input: RecordFieldInput) => Promise<void>;
  onCancel: () => void;
};

const HOME_ONLY: LabelDraft = {
  level: 'HUB-RESTRICTED',
  releasableTo: ['XHN'],
  restrictive: [],
  handling: [],
};

/** Server paths (`sensitivityNotes.label`, `label.level`, `value`) as this form's keys. */
export function fieldErrorsOf(e: ApiError, fieldName: string): FieldErrors {
  const out: FieldErrors = {};
  for (const f of e.fields) {
    const path = f.path.startsWith(`${fieldName}.`) ? f.path.slice(fieldName.length + 1) : f.path;
    out[path] = f.message;
  }
  return out;
}

export function FieldEditor({ idPrefix, fieldName, current, countries, onSave, onCancel }: Props) {
  const [value, setValue] = useState(current?.value ?? '');
  const [label, setLabel] = useState<LabelDraft>(current ? { ...current.label } : HOME_ONLY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = `${idPrefix}-value`;
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) {
      setErrors({ value: 'write something or cancel' });
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await onSave({ value, label, version: current?.version ?? 0 });
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldName));
      setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={formError ? errorId : undefined}>
      {formError ? (
        <p className="field__error" role="alert" id={errorId}>
          {formError}
        </p>
      ) : null}
      <Field id={textId} label="Text" error={errors['value']} required>
        <textarea
          id={textId}
          rows={4}
          maxLength={10_000}
          value={value}
          aria-invalid={!!errors['value'] || undefined}
          aria-describedby={describedBy(textId, errors['value'])}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
      <fieldset>
        <legend>This field&apos;s own classification (not above the record&apos;s)</legend>
        <LabelFieldset
          value={label}
          errors={errors}
          countries={countries}
          onChange={setLabel}
          idPrefix={idPrefix}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
