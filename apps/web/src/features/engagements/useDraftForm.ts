/**
 * State of a create form (new objective, new agreement): the draft, client validation after the first submit,
 * the server's field errors (400/409/422 `error.fields`) by their fields, and focus on the summary after a failure.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, messageOf } from '../../lib/api';
import { errorAt, normalisePath } from './formModel';
import type { FieldErrors } from './formModel';

type Validation<I> = { ok: true; input: I; errors: FieldErrors } | { ok: false; errors: FieldErrors };

export function useDraftForm<D extends object, I>(
  initial: D | (() => D),
  validate: (draft: D) => Validation<I>,
  onSave: (input: I) => Promise<void>,
) {
  const [draft, setDraft] = useState<D>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  const validation = useMemo(() => validate(draft), [draft, validate]);
  const errors: FieldErrors = { ...serverErrors, ...(submitted ? validation.errors : {}) };
  const err = (path: string) => errorAt(errors, path);

  /** Update one field and forget the server's message about it. */
  const set = <K extends keyof D>(key: K, value: D[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setServerErrors((e) => {
      const next: FieldErrors = {};
      for (const [k, v] of Object.entries(e)) if (k !== key && !k.startsWith(`${String(key)}.`)) next[k] = v;
      return next;
    });
  };

  const submit = async (e: { preventDefault: () => void }) => {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    setServerErrors({});
    if (!validation.ok) {
      setFocusTick((t) => t + 1);
      return;
    }
    setBusy(true);
    try {
      await onSave(validation.input);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const next: FieldErrors = {};
        for (const f of error.fields) {
          const path = normalisePath(f.path);
          if (path) next[path] ??= f.message;
        }
        setServerErrors(next);
      }
      setFormError(messageOf(error));
      setFocusTick((t) => t + 1);
    } finally {
      setBusy(false);
    }
  };

  return { draft, set, errors, err, formError, busy, summaryRef, submit };
}
