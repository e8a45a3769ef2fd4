/** Turn compact LabelSpecs into stored, canonical HUB labels (memoised per seeding run). */
import { canonicalLabel, labelId, type Label } from '@entente/core';
import type { Db } from '../runtime/pools';
import type { Tx } from '../runtime/scope';
import { saveLabel } from '../repos/labels';
import type { LabelSpec } from './types';

/** The label of a spec under the HUB policy. */
export const hubLabel = (s: LabelSpec): Label =>
  canonicalLabel({ policy: 'HUB', level: s.level, restrictive: s.restrictive ?? [], releasableTo: s.releasableTo, handling: s.handling ?? [] });

/** A label store for one run: saves each distinct label once and returns its id. */
export function labelStore(db: Db | Tx) {
  const seen = new Set<string>();
  return async (spec: LabelSpec | Label): Promise<string> => {
    const l = 'policy' in spec ? canonicalLabel(spec) : hubLabel(spec);
    const id = labelId(l);
    if (!seen.has(id)) {
      await saveLabel(db, { id, ...l });
      seen.add(id);
    }
    return id;
  };
}
