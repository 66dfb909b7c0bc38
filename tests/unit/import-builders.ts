/**
 * Builders for import tests: raw workbooks as the main side would return them, with defaults, so
 * each test states only the cells it is about.
 */
import type { RawCell, RawSheet, RawWorkbook } from '../../shared/import/types';
import type { Cluster, ClusterId, RoundId } from '../../shared/model/types';
import type { PreviewContext } from '../../shared/import/preview';

export function aSheet(
  rows: readonly (readonly RawCell[])[],
  opts: { name?: string; merges?: string[] } = {},
): RawSheet {
  return { name: opts.name ?? 'Danh sách', rows, merges: opts.merges ?? [] };
}

export function aWorkbook(
  sheets: RawSheet | readonly RawSheet[],
  opts: { fileName?: string; format?: 'xlsx' | 'csv' } = {},
): RawWorkbook {
  return {
    fileName: opts.fileName ?? 'danh-sach.xlsx',
    format: opts.format ?? 'xlsx',
    sheets: Array.isArray(sheets) ? sheets : [sheets as RawSheet],
  };
}

export function aCluster(name: string, order = 1): Cluster {
  return { id: `cl-${order}` as ClusterId, roundId: 'r1' as RoundId, name, order };
}

export const SIX_CLUSTERS: readonly Cluster[] = [1, 2, 3, 4, 5, 6].map((n) =>
  aCluster(`Cụm ${n}`, n),
);

export function aContext(over: Partial<PreviewContext> = {}): PreviewContext {
  return { clusters: SIX_CLUSTERS, existingCodes: [], ...over };
}
