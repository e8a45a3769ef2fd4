/**
 * `GET /evaluations/:id/report.pdf`: the stored evaluation drawn by the report renderer. Loading
 * is the JSON export's (404, decide(export), step-up at HC or above, audited as an export, in the
 * request's transaction); drawing happens after that transaction, so no connection waits on it.
 */
import type { UseCaseCtx } from '../context';
import { loadForExport } from './export-evaluation';
import { renderEvaluationReport, type EvaluationReportInput } from './report/index';

/** In the request's transaction: what the renderer needs. */
export async function loadReportInput(uc: UseCaseCtx, id: string): Promise<EvaluationReportInput> {
  const e = await loadForExport(uc, id, 'pdf');
  const page = uc.access.pageLabel([e.labelId]);
  return {
    title: e.title,
    subject: { kind: e.subjectKind, code: e.subjectCode, title: e.subjectTitle },
    result: e.result,
    request: e.request,
    banner: { lines: [{ text: page.banner, background: page.colour, foreground: page.textColour }] },
    generatedAt: new Date().toISOString(),
    generatedBy: uc.subject.id,
    dataVersions: [
      {
        dataset: e.dataVersions.dataset.code,
        version: e.dataVersions.dataset.version,
        ...(e.dataVersions.dataset.contentSha256
          ? { contentSha256: e.dataVersions.dataset.contentSha256 }
          : {}),
        batches: e.dataVersions.batches.map((b) => ({ id: b.id, status: b.status })),
      },
    ],
    portion: e.portion,
    exportId: e.exportId,
  };
}

/** After the transaction: the PDF and its file name. */
export async function renderStoredReport(
  input: EvaluationReportInput,
): Promise<{ body: Buffer; fileName: string }> {
  const slug =
    input.title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'evaluation';
  return { body: await renderEvaluationReport(input), fileName: `entente-evaluation_${slug}.pdf` };
}
