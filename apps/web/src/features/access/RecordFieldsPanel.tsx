/**
 * The labelled fields of a partner record or cooperation plan (ADR 0007): each field the user may see,
 * with its own portion mark; a field above the user is simply not there (no placeholder). Home users
 * who can plan may add or edit a field with its own label, never above the record's.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FIELD_NAMES, type RecordFieldView } from '@entente/contracts';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { useMe } from '../../app/session';
import { PortionMark } from '../../components/PortionMark';
import { ErrorState, SkeletonRows } from '../../components/States';
import { fieldsApi, type FieldKind } from './fieldsApi';
import { FieldEditor } from './FieldEditor';

type Props = { kind: FieldKind; recordKey: string; title?: string };

export function RecordFieldsPanel({ kind, recordKey, title = 'Restricted notes' }: Props) {
  const me = useMe();
  const queryClient = useQueryClient();
  const key = ['fields', kind, recordKey];
  const q = useApiQuery(key, (s) => fieldsApi.fields(kind, recordKey, s));
  const countries = useApiQuery(['countries'], (s) => endpoints.countries(s), { staleTime: 3_600_000 });
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = !me.partner && me.roles.some((r) => r === 'planner' || r === 'approver');

  // A record the user may not see answers 404: then there is nothing of it to show here either.
  if (q.error instanceof ApiError && q.error.status === 404) return null;
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  if (!q.data) return <SkeletonRows rows={2} label="Loading notes…" />;
  const names = FIELD_NAMES[kind] as Record<string, string>;
  const shown = new Map(q.data.items.map((f) => [f.field, f]));
  const fields = Object.keys(names).filter((f) => shown.has(f) || canEdit);
  if (fields.length === 0) return null;

  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {fields.map((field) => {
        const f: RecordFieldView | undefined = shown.get(field);
        const id = `${kind}-${recordKey}-${field}`;
        return (
          <div key={field} className="record-field">
            <h3 id={`${id}-title`}>
              {f ? <PortionMark portion={f.portion} /> : null} {names[field]}
            </h3>
            {editing === field ? (
              <FieldEditor
                idPrefix={id}
                current={f}
                fieldName={field}
                countries={countries.data ?? []}
                onCancel={() => setEditing(null)}
                onSave={async (input) => {
                  await fieldsApi.writeField(kind, recordKey, field, input);
                  setEditing(null);
                  await queryClient.invalidateQueries({ queryKey: key });
                }}
              />
            ) : (
              <>
                {f ? <p className="prose">{f.value}</p> : null}
                {canEdit ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => setEditing(field)}
                    aria-describedby={`${id}-title`}
                  >
                    {f ? 'Edit' : 'Add'}
                  </button>
                ) : null}
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}
