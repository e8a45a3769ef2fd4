/** What the evaluation PDF report is drawn from (issue 3, item 6). */
import type { EvaluationRunRequest, EvaluationRunResult } from '@entente/contracts';

export interface ReportBannerLine {
  text: string;
  background: string;
  foreground: string;
}

export interface EvaluationReportInput {
  title: string;
  /** What is evaluated, e.g. { kind: 'engagement', code: 'ENG-2008-001', title: 'Operation Atalanta' }. */
  subject?: { kind: string; code?: string; title: string };
  result: EvaluationRunResult;
  request: EvaluationRunRequest;
  /** The page high-water mark: one line per policy (ACCESS.md §6), repeated top and bottom on every page. */
  banner: { lines: ReportBannerLine[] };
  /** ISO timestamp (UTC). */
  generatedAt: string;
  /** The user id (watermark). */
  generatedBy: string;
  dataVersions?: {
    dataset: string;
    version: number;
    contentSha256?: string;
    batches?: { id: string; status: string }[];
  }[];
  /** Portion mark of the result (e.g. "(HR//REL TO XHN)"), shown before each section and table. */
  portion?: string;
  /** Export id for the watermark (ACCESS.md §6: user id, UTC time, export id). */
  exportId?: string;
}
