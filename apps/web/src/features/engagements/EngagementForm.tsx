/**
 * The engagement form (create and edit). Validates with the contract's schema and shows every message next to its
 * field; server 400 field errors land in the same places; a 409 keeps the user's edits.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngagementInput, Warning } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { WarningsPanel } from './WarningsPanel';
import { PayloadFieldset } from './PayloadFieldset';
import { IdentitySection, PartnersSection, StrategySection } from './BasicsSections';
import { AccessSection, OutcomeSection, ResourcesSection, ScheduleSection } from './PlanningSections';
import type { FormRefs, SectionProps } from './formSections';
import { ErrorSummary } from './ErrorSummary';
import { errorAt, normalisePath, validateDraft } from './formModel';
import type { Draft, FieldErrors } from './formModel';

export type { FormRefs } from './formSections';

type Props = {
  mode: 'create' | 'edit';
  initial: Draft;
  refs: FormRefs;
  onSave: (input: EngagementInput) => Promise<void>;
  onCheck: (input: EngagementInput) => Promise<readonly Warning[]>;
  onCancel?: () => void;
  onReload?: () => void;
};

const CONFLICT_MESSAGE =
  'Someone else changed this engagement; reload to see their changes — your edits are kept below.';

export function EngagementForm({ mode, initial, refs, onSave, onCheck, onCancel, onReload }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);
  const [warnings, setWarnings] = useState<readonly Warning[] | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const clientErrors = submitted ? validation.errors : {};
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const err = (path: string) => errorAt(errors, path);

  /** Update one top-level field and forget the server's message about it. */
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setServerErrors((e) => {
      const next: FieldErrors = {};
      for (const [k, v] of Object.entries(e)) if (k !== key && !k.startsWith(`${String(key)}.`)) next[k] = v;
      return next;
    });
  };

  // After a failed save or check, move focus to the summary once it has rendered.
  const [focusTick, setFocusTick] = useState(0);
  const focusSummary = () => setFocusTick((t) => t + 1);
  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  const handleApiError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      setConflict(true);
      setFormError(null);
    } else if (error instanceof ApiError && error.fields.length > 0) {
      const next: FieldErrors = {};
      for (const f of error.fields) next[normalisePath(f.path)] ??= f.message;
      setServerErrors(next);
      setFormError(error.message);
    } else {
      setFormError(messageOf(error));
    }
    focusSummary();
  };

  const run = async (kind: 'save' | 'check') => {
    setSubmitted(true);
    setFormError(null);
    setConflict(false);
    setServerErrors({});
    if (!validation.ok) {
      focusSummary();
      return;
    }
    setBusy(kind);
    try {
      if (kind === 'check') setWarnings(await onCheck(validation.input));
      else await onSave(validation.input);
    } catch (error) {
      handleApiError(error);
    } finally {
      setBusy(null);
    }
  };

  const allErrors = Object.entries(errors);
  const section: SectionProps = { draft, set, err, errors, refs, mode };

  return (
    <form
      className="engagement-form"
      noValidate
      aria-busy={busy !== null}
      onSubmit={(e) => {
        e.preventDefault();
        void run('save');
      }}
    >
      <ErrorSummary
        ref={summaryRef}
        errors={allErrors}
        formError={formError}
        conflict={conflict ? CONFLICT_MESSAGE : null}
        onReload={onReload}
      />

      <IdentitySection {...section} />
      <StrategySection {...section} />
      <PartnersSection {...section} />
      <ScheduleSection {...section} />
      <ResourcesSection {...section} />
      <PayloadFieldset
        type={draft.type}
        values={draft.payload}
        errors={errors}
        onChange={(payload) => set('payload', payload)}
      />

      <AccessSection {...section} />

      {mode === 'edit' ? <OutcomeSection {...section} /> : null}

      {warnings ? <WarningsPanel warnings={warnings} title="Conflict check" /> : null}

      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save engagement'}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('check')}>
          {busy === 'check' ? 'Checking…' : 'Check conflicts'}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn--link" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
