/** The type-specific fields of the chosen engagement type, as simple inputs. */
import { PAYLOAD_FIELDS, fieldLabel, humanise, typeLabel } from '../../lib/engagementTypes';
import type { EngagementType } from '../../lib/engagementTypes';
import { Field, describedBy } from '../../components/Field';
import { errorAt } from './formModel';
import type { FieldErrors } from './formModel';

type Props = {
  type: string;
  values: Record<string, string>;
  errors: FieldErrors;
  onChange: (values: Record<string, string>) => void;
};

export function PayloadFieldset({ type, values, errors, onChange }: Props) {
  const fields = PAYLOAD_FIELDS[type as EngagementType];
  if (!fields) return null;
  return (
    <fieldset className="card">
      <legend>{typeLabel(type)} details</legend>
      <div className="grid grid--form">
        {fields.map((f) => {
          const id = `eng-payload-${f.key}`;
          const error = errorAt(errors, `payload.${f.key}`);
          const hint = f.kind === 'list' ? 'Separate several with commas' : undefined;
          const common = {
            id,
            value: values[f.key] ?? '',
            'aria-invalid': !!error || undefined,
            'aria-describedby': describedBy(id, error, hint),
          };
          return (
            <Field key={f.key} id={id} label={fieldLabel(f.key)} error={error} hint={hint}>
              {f.kind === 'choice' ? (
                <select {...common} onChange={(e) => onChange({ ...values, [f.key]: e.target.value })}>
                  <option value="">—</option>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {humanise(o)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...common}
                  inputMode={f.kind === 'number' ? 'numeric' : undefined}
                  onChange={(e) => onChange({ ...values, [f.key]: e.target.value })}
                />
              )}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
