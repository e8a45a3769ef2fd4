/** The record's community of interest (ACCESS.md): one required select, shared by every record form. */
import { Field, describedBy } from './Field';

type Props = {
  id: string;
  value: string;
  error: string | undefined;
  communities: readonly { id: string; code: string; name: string }[];
  onChange: (communityId: string) => void;
  hint?: string;
};

export function CommunityField({
  id,
  value,
  error,
  communities,
  onChange,
  hint = 'The need-to-know community that holds this record.',
}: Props) {
  // A record's community may not be among those listed to this user: keep it, and say so.
  const unlisted = value !== '' && !communities.some((c) => c.id === value);
  return (
    <Field id={id} label="Community" error={error} required hint={hint}>
      <select
        id={id}
        value={value}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(id, error, true)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Choose a community…</option>
        {communities.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.code})
          </option>
        ))}
        {unlisted ? <option value={value}>The record's current community</option> : null}
      </select>
    </Field>
  );
}
