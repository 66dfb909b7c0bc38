/**
 * Printable score sheets (phiếu chấm điểm) per judge and cluster, laid out like the screen: blank
 * for paper scoring, or pre-filled with the scores entered so far for signing.
 */
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { buildScoreSheetDoc } from '@shared/documents/score-sheet-doc';
import { chainHead } from '@shared/journal/event';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import { useServices } from '../../app/services';

export function PrintSheets({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { bridge, repos } = useServices();
  const [message, setMessage] = useState<string | null>(null);
  async function print(filled: boolean) {
    setMessage(null);
    const journal = await bridge['journal:read'](bundle.contest.id);
    const doc = buildScoreSheetDoc({
      contest: bundle.contest,
      roundName: round.name,
      criteria: bundle.criteria.filter((c) => c.roundId === round.id),
      judges: [...bundle.judges].sort((a, b) => a.order - b.order),
      clusters: bundle.clusters.filter((c) => c.roundId === round.id),
      entrants: bundle.entrants
        .filter((e) => e.roundId === round.id)
        .sort((a, b) => a.order - b.order),
      scores: filled ? await repos.journal.scores(round.id) : undefined,
      chainHead: journal.ok ? chainHead(journal.value) : '',
    });
    const bytes = await bridge['export:scoreSheetsPdf'](doc);
    if (!bytes.ok) return setMessage(bytes.error.message);
    const saved = await bridge['file:save']({
      suggestedName: `Phiếu chấm điểm - ${round.name}${filled ? ' (đã chấm)' : ''}.pdf`.replace(
        /[\\/:*?"<>|]/g,
        ' ',
      ),
      bytes: bytes.value,
      kind: 'pdf',
    });
    setMessage(
      saved.ok
        ? saved.value.path
          ? `Đã xuất: ${saved.value.path}`
          : 'Đã hủy.'
        : saved.error.message,
    );
  }
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={() => print(false)}>
        In phiếu chấm trắng
      </Button>
      <Button size="xs" variant="default" onClick={() => print(true)}>
        In phiếu đã chấm
      </Button>
      {message && (
        <Text size="xs" data-testid="print-sheets">
          {message}
        </Text>
      )}
    </Group>
  );
}
