/**
 * Relabelling agreements (ACCESS.md §3 step 7) with the same rules as engagements: the generic use
 * cases in engagements/relabel-*.ts drive this adapter. Like engagements, an agreement has no
 * originator column: its owner organisation (the one that recorded it) is the originator.
 */
import { scoped } from '@entente/db';
import type { RelabelTarget } from '../engagements/relabel-target';

export const agreementTarget: RelabelTarget = {
  kind: 'agreement',
  noun: 'agreement',
  find: (uc, id) => scoped.findAgreement(uc.tx, uc.scope, id, true),
  async writeLabel(uc, id, version, labelId) {
    const after = await scoped.setAgreementLabel(uc.tx, uc.scope, id, version, labelId, uc.subject.id);
    if (after) await scoped.relabelDueItemsOf(uc.tx, uc.scope, id, labelId, uc.subject.id);
    return after;
  },
};
