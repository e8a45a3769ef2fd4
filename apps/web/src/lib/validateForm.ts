/**
 * A form draft validated against its contract schema: errors keyed by the server's field paths, the
 * first message per path, a friendlier message where the field is simply empty, and rules the schema
 * cannot express added after it. The forms' models share this instead of each repeating the loop.
 */
export type FieldErrors = Record<string, string>;

/** Field path → [is it empty in this draft?, the message to show then]. */
export type WhenEmpty<D> = Record<string, [empty: (d: D) => boolean, message: string]>;

export type DraftValidation<I> =
  { ok: true; input: I; errors: FieldErrors } | { ok: false; errors: FieldErrors };

export interface SchemaLike<I> {
  safeParse: (
    v: unknown,
  ) =>
    | { success: true; data: I }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

export const emptyFrom =
  <D>(table: WhenEmpty<D>) =>
  (path: string, d: D): string | undefined => {
    const rule = table[path];
    return rule && rule[0](d) ? rule[1] : undefined;
  };

export function validateAgainst<I, D>(
  schema: SchemaLike<I>,
  candidate: unknown,
  draft: D,
  emptyMessage: (path: string, d: D) => string | undefined,
  rules: FieldErrors = {},
): DraftValidation<I> {
  const errors: FieldErrors = {};
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= emptyMessage(path, draft) ?? issue.message;
    }
  for (const [k, v] of Object.entries(rules)) errors[k] ??= v;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data, errors };
}
