/** Assemble the application context from configuration: database, access service, notice. */
import { createHash } from 'node:crypto';
import { canonicalLabel, labelId } from '@entente/core';
import { saveLabel } from '@entente/db';
import type { Config } from './config';
import type { Logger } from './logger';
import type { AppContext } from './context';
import { bootDatabase, type Booted } from './boot';
import { createAccessService } from './access/service';

export const NOTICE_TEXT = `You are accessing an Entente information system of the Ministry of Defence of the Home Nation (XHN). It is provided for authorised use only. Use of this system constitutes consent to monitoring: every access is recorded in a tamper-evident audit log. Information is labelled; handle it according to its marking and do not release it beyond its releasability. Unauthorised use may result in disciplinary action and criminal penalties.`;

/** Boot the database and build the context. */
export async function createContext(config: Readonly<Config>, log: Logger): Promise<{ ctx: AppContext; booted: Booted }> {
  const booted = await bootDatabase(config, log);
  const home = canonicalLabel({ policy: 'HUB', level: 'HUB-OFFICIAL', restrictive: [], releasableTo: ['XHN'], handling: [] });
  const homeLabelId = labelId(home);
  await saveLabel(booted.owner.db, { id: homeLabelId, ...home });
  const access = await createAccessService(booted.app);
  const ctx: AppContext = {
    config,
    log,
    db: booted.app,
    owner: booted.owner,
    access,
    secretKey: booted.secretKey,
    notice: { text: NOTICE_TEXT, version: createHash('sha256').update(NOTICE_TEXT).digest('hex').slice(0, 16) },
    homeLabelId,
  };
  return { ctx, booted };
}
