/**
 * The demo's reference evaluations and watch area (issue 3: "imported and evaluated on start"),
 * stored in the background after the server listens, never blocking start. They run through the
 * normal use cases (saveEvaluation, createMonitor) as the analyst demo user, so access decisions,
 * labels and audit events are exactly those of a user's request. Skipped when already stored.
 *
 * - Counter-piracy (DOMAIN.md §5.1, EVALUATION.md §6.2–6.3): Crime at Sea, treated the HoA preset
 *   box, comparisons the Gulf of Guinea preset box plus the other seas that exist in this deployment
 *   (Strait of Malacca, South China Sea, Caribbean, Bay of Bengal marine polygons with demo data;
 *   the synthetic demo's Indonesia, Philippines and Venezuela country areas without), t0 2008-12-08
 *   (Operation Atalanta), 2000–2014, before/after, ITS, DiD and SCM; attached to the first XHN
 *   Atalanta rotation (HOA-MTF-ATA-2008, from 2008-12-10).
 * - CAR (DOMAIN.md §5.4): UCDP GED, national monthly events (country:CAF) around MINUSCA's transfer
 *   of authority, 2014-09-15, 2010–2019, before/after and ITS (a national series has no untreated
 *   comparison; the province DiD and displacement check need the analyst's choice of prefectures);
 *   attached to the staff-officer contribution that started that day (CF-PKO-SO-2014).
 * - One watch area on the HoA box (Crime at Sea, CUSUM/BOCPD defaults).
 */
import { sql } from 'drizzle-orm';
import { EvaluationSaveRequest, MonitorCreate, type EvaluationRunRequest } from '@entente/contracts';
import { users, type Database } from '@entente/db';
import type { AppContext } from './context';
import type { Logger } from './logger';
import { runAsUser, subjectForUser } from './background/as-user';
import { saveEvaluation } from './evaluation/save-evaluation';
import { createMonitor } from './monitors/create-monitor';

export const DEMO_ANALYST = 'analyst';
export const HOA_WATCH_NAME = 'Horn of Africa box — reported piracy (demo watch area)';

interface ReferenceEvaluation {
  engagementCode: string;
  title: string;
  request: Omit<EvaluationRunRequest, 'comparisonAreas'>;
  /** Candidates in order of preference; only those that exist in this deployment are used. */
  comparisonCandidates: readonly string[];
}

export const REFERENCE_EVALUATIONS: readonly ReferenceEvaluation[] = [
  {
    engagementCode: 'HOA-MTF-ATA-2008',
    title:
      'Reference: Operation Atalanta — HoA box vs Gulf of Guinea and other seas (Crime at Sea, 2000–2014)',
    request: {
      source: 'crime_at_sea',
      types: [],
      treatedArea: 'poly:preset-hoa',
      neighbourAreas: [],
      t0: '2008-12-08',
      interventionLabel: 'EU NAVFOR Operation Atalanta',
      from: '2000-01-01',
      to: '2014-12-31',
      methods: ['before_after', 'interrupted_time_series', 'difference_in_differences', 'synthetic_control'],
      profile: 'screening',
      seed: 'entente',
    },
    comparisonCandidates: [
      'poly:preset-gulf-of-guinea',
      'marine:strait-of-malacca',
      'marine:south-china-sea',
      'marine:caribbean-sea',
      'marine:bay-of-bengal',
      // Without marine polygons (the synthetic demo), the other seas' coastal states stand in.
      'country:IDN',
      'country:PHL',
      'country:VEN',
    ],
  },
  {
    engagementCode: 'CF-PKO-SO-2014',
    title: 'Reference: MINUSCA transfer of authority — national monthly events in CAR (UCDP GED, 2010–2019)',
    request: {
      source: 'ucdp_ged',
      types: [],
      treatedArea: 'country:CAF',
      neighbourAreas: [],
      t0: '2014-09-15',
      interventionLabel: 'MINUSCA takes over from MISCA',
      from: '2010-01-01',
      to: '2019-12-31',
      methods: ['before_after', 'interrupted_time_series'],
      profile: 'screening',
      seed: 'entente',
    },
    comparisonCandidates: [],
  },
];

/** Comparison areas: the candidates that exist, marine seas first; country stand-ins only without them. */
async function comparisons(owner: Database, candidates: readonly string[]): Promise<string[]> {
  if (!candidates.length) return [];
  const r = await owner.pool.query<{ key: string }>(
    'SELECT key FROM analysis_area WHERE key = ANY($1::text[])',
    [candidates],
  );
  const have = new Set(r.rows.map((x) => x.key));
  const seas = candidates.filter((k) => have.has(k) && !k.startsWith('country:'));
  return seas.length > 1 ? seas : candidates.filter((k) => have.has(k));
}

async function engagementId(owner: Database, code: string): Promise<string | null> {
  const r = await owner.db.execute<{ id: string }>(sql`SELECT id FROM engagement WHERE code = ${code}`);
  return r.rows[0]?.id ?? null;
}

/** Store what is missing; returns what it did (for the log and tests). */
export async function storeDemoEvaluations(app: AppContext, owner: Database, log: Logger): Promise<string[]> {
  const done: string[] = [];
  const user = await users.userByUsername(owner.db, DEMO_ANALYST);
  const subject = user ? await subjectForUser(app, user.id) : null;
  if (!subject) {
    log.warn(`demo evaluations: no '${DEMO_ANALYST}' user; nothing stored`);
    return done;
  }
  for (const ref of REFERENCE_EVALUATIONS) {
    const id = await engagementId(owner, ref.engagementCode);
    if (!id) continue;
    const have = await owner.pool.query('SELECT 1 FROM evaluation WHERE subject_id = $1 AND title = $2', [
      id,
      ref.title,
    ]);
    if (have.rowCount) continue;
    const data = await owner.pool.query('SELECT 1 FROM incident_dataset WHERE code = $1 AND row_count > 0', [
      ref.request.source,
    ]);
    if (!data.rowCount) continue;
    const q = EvaluationSaveRequest.parse({
      subjectKind: 'engagement',
      subjectId: id,
      title: ref.title,
      request: { ...ref.request, comparisonAreas: await comparisons(owner, ref.comparisonCandidates) },
    });
    await runAsUser(app, subject, (uc) => saveEvaluation(uc, q));
    done.push(`evaluation ${ref.engagementCode}`);
  }
  const watch = await owner.pool.query('SELECT 1 FROM monitor WHERE name = $1', [HOA_WATCH_NAME]);
  const piracy = await owner.pool.query(
    "SELECT 1 FROM incident_dataset WHERE code = 'crime_at_sea' AND row_count > 0",
  );
  if (!watch.rowCount && piracy.rowCount) {
    const q = MonitorCreate.parse({
      name: HOA_WATCH_NAME,
      areaKey: 'poly:preset-hoa',
      source: 'crime_at_sea',
      seriesFrom: '2000-01',
    });
    await runAsUser(app, subject, (uc) => createMonitor(uc, q));
    done.push('watch area poly:preset-hoa');
  }
  return done;
}

/** Fire and forget after `listen`: a failure is logged, never fatal. */
export function storeDemoEvaluationsInBackground(app: AppContext, owner: Database, log: Logger): void {
  const t0 = Date.now();
  setImmediate(() => {
    storeDemoEvaluations(app, owner, log).then(
      (done) => {
        if (done.length) log.info({ done, ms: Date.now() - t0 }, 'demo evaluations stored');
      },
      (e: unknown) => log.warn({ err: e }, 'demo evaluations: not stored'),
    );
  });
}
