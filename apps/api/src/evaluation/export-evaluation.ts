/**
 * `GET /evaluations/:id/export.json`: one stored evaluation as a self-describing document — the
 * request, the result, the data versions used, the label and banner, the §8 source line,
 * attribution and caveats. decide(export) per record; HC or above asks for the factor again
 * (ACCESS.md §8), like the register's exports; audited as an export.
 */
import { forbidden } from '@entente/core';
import type { StoredEvaluation } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { requireRecentMfaForExport } from '../http/step-up';
import { loadStored } from './get-evaluation';
import { presentStored } from './present-evaluation';

export const EVALUATION_EXPORT_FORMAT = 'entente.evaluation/1';

/** Load a stored evaluation for an export (404, decide(export), step-up) and audit the export. */
export async function loadForExport(
  uc: UseCaseCtx,
  id: string,
  format: 'json' | 'pdf',
): Promise<StoredEvaluation & { exportId: string }> {
  const { row, subject } = await loadStored(uc, id);
  const d = uc.access.decide(uc.subject, 'export', row.labelId, {
    kind: 'evaluation',
    communityId: row.communityId,
    ownerOrgId: row.ownerOrgId,
    originatorOrgId: row.ownerOrgId,
    partyOrgIds: row.partyOrgIds,
  });
  if (d.effect !== 'permit') {
    await uc.audit({
      action: 'evaluation.export',
      entity: 'evaluation',
      entityId: id,
      labelId: row.labelId,
      decision: 'deny',
      reason: d.reason,
    });
    throw forbidden('You cannot export this evaluation.');
  }
  requireRecentMfaForExport(uc, [row.labelId]);
  const seq = await uc.audit({
    action: 'evaluation.exported',
    entity: 'evaluation',
    entityId: id,
    entityVersion: row.version,
    labelId: row.labelId,
    decision: 'permit',
    details: { format, inputsHash: row.inputsHash },
  });
  return { ...presentStored(uc, row, subject), exportId: String(seq) };
}

/** The §8 source line of a stored result. */
export function sourceLine(e: StoredEvaluation, title: string): string {
  const v = e.dataVersions;
  const statuses = [...new Set(v.batches.map((b) => b.status))].join(', ') || 'no batch';
  return `${title}, version ${v.dataset.version}${v.dataset.accessedOn ? `, accessed ${v.dataset.accessedOn}` : ''}, batch status ${statuses}, ${e.result.dataset.licence}. ${e.result.dataset.attribution}`;
}

export async function exportEvaluationJson(
  uc: UseCaseCtx,
  id: string,
): Promise<{ body: string; fileName: string }> {
  const e = await loadForExport(uc, id, 'json');
  const ds = (await scoped.listDatasetRows(uc.tx)).find((d) => d.code === e.dataVersions.dataset.code);
  const page = uc.access.pageLabel([e.labelId]);
  const excluded = Object.entries(e.result.excluded).filter(([, n]) => n > 0);
  const doc = {
    format: EVALUATION_EXPORT_FORMAT,
    description:
      'A stored Entente evaluation: the run request, the result of the evaluation engine (EVALUATION.md §4), and the data versions its panel was built from.',
    exportedAt: new Date().toISOString(),
    classification: { banner: page.banner, portion: e.portion, labelId: e.labelId },
    evaluation: {
      id: e.id,
      title: e.title,
      subject: { kind: e.subjectKind, id: e.subjectId, code: e.subjectCode, title: e.subjectTitle },
      status: e.status,
      statusReason: e.statusReason,
      createdAt: e.createdAt,
      lastRunAt: e.lastRunAt,
      version: e.version,
      inputsHash: e.inputsHash,
      engineVersion: e.engineVersion,
      profile: e.profile,
    },
    request: e.request,
    result: e.result,
    dataVersions: e.dataVersions,
    sourceLine: sourceLine(e, ds?.title ?? e.dataVersions.dataset.code),
    attribution: { dataset: e.result.dataset.attribution, licence: e.result.dataset.licence },
    caveats: [
      e.result.note,
      ...(ds?.caveats ?? []).map((c) => (c.date ? `${c.date}: ${c.text}` : c.text)),
      ...excluded.map(
        ([k, n]) =>
          `${n} incidents excluded: ${k === 'datePrecision' ? 'date' : 'location'} coarser than the analysis needs.`,
      ),
      'Below design level 4 an effect is described as "contributed to", never "caused".',
    ],
  };
  const slug =
    e.title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'evaluation';
  return { body: JSON.stringify(doc, null, 2) + '\n', fileName: `entente-evaluation_${slug}.json` };
}
