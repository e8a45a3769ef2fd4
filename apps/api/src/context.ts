/** The application context handed to routes and use cases: no globals, no container. */
import type { Subject } from '@entente/core';
import type { AccessScope, AuditInput, Database, Tx } from '@entente/db';
import type { Config } from './config';
import type { Logger } from './logger';
import type { AccessService } from './access/service';

export interface AppContext {
  config: Readonly<Config>;
  log: Logger;
  db: Database;
  owner: Database;
  access: AccessService;
  secretKey: string;
  notice: { text: string; version: string };
  /** The id of the home-only OFFICIAL label, used for events about no particular record. */
  homeLabelId: string;
}

/** One list or search read, as the use case reports it. */
export interface ReadAudit {
  /** The route, e.g. 'GET /partners'. */
  route: string;
  /** The filters as received (hashed, never stored). */
  filters: unknown;
  /** How many records the response returns. */
  count: number;
  /** The ids returned; kept only when a returned label carries `audit_read`. */
  ids?: readonly string[];
}

/** What a use case receives: one transaction in the subject's scope, and the audit trail inside it. */
export interface UseCaseCtx {
  tx: Tx;
  subject: Subject;
  scope: AccessScope;
  access: AccessService;
  app: AppContext;
  audit(
    e: Omit<AuditInput, 'actorKind' | 'actorId' | 'actorOrgId' | 'requestId' | 'sessionId'>,
  ): Promise<number>;
  /**
   * Audit a list or search read (ACCESS.md §7): the route, a hash of the filters, the count returned,
   * and the ids when any returned record carries `audit_read`. Staged in this transaction when the use
   * case returns (no lock; if staging fails, the read fails); chained by the flusher (ADR 0005).
   */
  auditRead(r: ReadAudit): void;
  /** Record a label rendered in the response (for the page banner) and return its portion mark. */
  mark(labelId: string): string;
}
