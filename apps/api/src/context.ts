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

/** What a use case receives: one transaction in the subject's scope, and the audit trail inside it. */
export interface UseCaseCtx {
  tx: Tx;
  subject: Subject;
  scope: AccessScope;
  access: AccessService;
  app: AppContext;
  audit(e: Omit<AuditInput, 'actorKind' | 'actorId' | 'actorOrgId' | 'requestId' | 'sessionId'>): Promise<number>;
  /** Record a label rendered in the response (for the page banner) and return its portion mark. */
  mark(labelId: string): string;
}
