/** "Xuất Excel" beside each list: the same columns the importer reads, so a round trip is lossless. */
import { Button } from '@mantine/core';
import { useState } from 'react';
import { criteriaToSheet, entrantsToSheet, judgesToSheet, type ImportTarget } from '@shared/import';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import { useServices } from '../../app/services';

const NAMES: Record<ImportTarget, string> = {
  entrants: 'Danh sách đội thi - mô hình',
  judges: 'Danh sách giám khảo',
  criteria: 'Phần thi và tiêu chí',
};

export function ExportList({
  target,
  bundle,
  round,
}: {
  target: ImportTarget;
  bundle: ContestBundle;
  round: Round;
}) {
  const { bridge } = useServices();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const clusters = bundle.clusters.filter((c) => c.roundId === round.id);
      const sheet =
        target === 'entrants'
          ? entrantsToSheet(
              bundle.entrants
                .filter((e) => e.roundId === round.id)
                .sort((a, b) => a.order - b.order),
              clusters,
            )
          : target === 'judges'
            ? judgesToSheet(
                [...bundle.judges].sort((a, b) => a.order - b.order),
                clusters,
              )
            : criteriaToSheet(bundle.criteria.filter((c) => c.roundId === round.id));
      const bytes = await bridge['export:listXlsx']({
        sheets: [
          { name: sheet.name, headers: [...sheet.headers], rows: sheet.rows.map((r) => [...r]) },
        ],
      });
      if (bytes.ok)
        await bridge['file:save']({
          suggestedName: `${NAMES[target]} - ${round.name}.xlsx`,
          bytes: bytes.value,
          kind: 'xlsx',
        });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button size="xs" variant="default" onClick={run} loading={busy}>
      Xuất Excel
    </Button>
  );
}
