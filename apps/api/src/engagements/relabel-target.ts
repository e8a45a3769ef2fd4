/**
 * What relabelling needs from a kind of record: find it in scope (locked), and write it back with
 * a new label under optimistic concurrency. Engagements here; agreements/relabel-target.ts adds
 * agreements. A record's due items follow its label (their titles quote the record).
 */
import type { RecordKind } from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

/** The labelling facts of a record that relabelling reads. */
export interface RelabelRecord {
  id: string;
  version: number;
  labelId: string;
  communityId: string;
  ownerOrgId: string;
  partyOrgIds: string[];
}

export interface RelabelTarget {
  kind: RecordKind;
  /** A human name for messages, e.g. 'engagement'. */
  noun: string;
  /** The visible record by id, locked for update; null when hidden or missing. */
  find(uc: UseCaseCtx, id: string): Promise<RelabelRecord | null>;
  /** Write the new label when the stored version is still `version`; null when stale. */
  writeLabel(uc: UseCaseCtx, id: string, version: number, labelId: string): Promise<RelabelRecord | null>;
}

/**
 * Engagements have no originator column: the owner organisation (the organisation that created the
 * record) is the originator, as in the export decision (export-engagements.ts).
 */
export const engagementTarget: RelabelTarget = {
  kind: 'engagement',
  noun: 'engagement',
  find: (uc, id) => scoped.findEngagement(uc.tx, uc.scope, id, true),
  async writeLabel(uc, id, version, labelId) {
    const e = await scoped.findEngagement(uc.tx, uc.scope, id, true);
    if (!e || e.version !== version) return null;
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...write } = e;
    const after = await scoped.updateEngagement(
      uc.tx,
      uc.scope,
      id,
      version,
      { ...write, labelId },
      uc.subject.id,
    );
    if (after) await scoped.relabelDueItemsOf(uc.tx, uc.scope, id, labelId, uc.subject.id);
    return after;
  },
};
