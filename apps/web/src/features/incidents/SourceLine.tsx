/** The §8 source line of a dataset: title, publisher, version, access date, batch status, licence, attribution. */
import { formatDate, formatNumber } from '../../lib/format';
import type { DatasetItem } from './incidentsApi';
import { outcomeLabel } from './labels';

type Props = {
  dataset: DatasetItem;
  /** Status of the latest import batch, when known (§8.1 "batch status"). */
  batchStatus?: string | null | undefined;
  /** True when any current batch was committed with rejections. */
  withRejections?: boolean | undefined;
};

export function sourceLineText({ dataset: d, batchStatus, withRejections }: Props): string {
  const parts = [
    `Source: ${d.title} (${d.publisher})`,
    `Entente dataset version ${formatNumber(d.version)}${d.sourceVersion ? ` (source version ${d.sourceVersion})` : ''}`,
    `accessed ${d.accessedOn ? formatDate(d.accessedOn) : 'not recorded'}`,
  ];
  if (batchStatus) parts.push(`latest batch ${outcomeLabel(batchStatus).toLowerCase()}`);
  if (withRejections) parts.push('includes a batch committed with rejections');
  parts.push(`licence ${d.licence}`);
  return `${parts.join('; ')}.`;
}

export function SourceLine(props: Props) {
  return (
    <p className="source-line">
      {sourceLineText(props)} <span className="source-line__attribution">{props.dataset.attribution}</span>
    </p>
  );
}
