/** What every section of the engagement form receives. */
import type { Draft, FieldErrors } from './formModel';

export type FormRefs = {
  initiatives: readonly { id: string; code: string; title: string }[];
  objectives: readonly { id: string; code: string; title: string }[];
  countries: readonly { iso3: string; name: string }[];
  organisations: readonly { id: string; code: string; name: string }[];
  fundingSources: readonly { id: string; code: string; name: string }[];
  communities: readonly { id: string; code: string; name: string }[];
};

export type SectionProps = {
  draft: Draft;
  /** Update one top-level field (and forget the server's message about it). */
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  err: (path: string) => string | undefined;
  errors: FieldErrors;
  refs: FormRefs;
  mode: 'create' | 'edit';
};
