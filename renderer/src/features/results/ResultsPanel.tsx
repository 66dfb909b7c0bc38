/**
 * The live scoreboard: judges' totals, the aggregate (2 decimals, half-up), rank with shared ranks
 * and the rule that separated ties, prizes; and the exports (Excel scoreboard, PDF certificates),
 * which run only after the independent recount agrees with the tally.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '@shared/model/types';
import { formatPoints } from '@shared/scoring/format';
import { useServices } from '../../app/services';
import type { ContestBundle } from '@shared/model/bundle';
import { exportCertificates, exportScoreboard, type ExportOutcome } from './export-actions';
import { resultGroups } from './results-model';

export function ResultsPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { t } = useTranslation();
  const services = useServices();
  const scores = useLiveQuery(() => services.repos.journal.scores(round.id), [round.id]);
  const judges = useMemo(() => [...bundle.judges].sort((a, b) => a.order - b.order), [bundle.judges]);
  const groups = useMemo(
    () => (scores ? resultGroups(round, bundle.clusters, bundle.criteria, bundle.entrants, judges, scores) : []),
    [round, bundle, judges, scores],
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);

  async function run(action: typeof exportScoreboard) {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action(services, bundle, round, groups));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Group>
        <Button onClick={() => run(exportScoreboard)} loading={busy}>{t('results.exportXlsx')}</Button>
        <Button onClick={() => run(exportCertificates)} loading={busy} variant="light" color="red">{t('results.exportPdf')}</Button>
      </Group>
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} data-testid="export-outcome" role="status">
          {outcome.message}
          {outcome.differences && <ul>{outcome.differences.map((d) => <li key={d}>{d}</li>)}</ul>}
        </Alert>
      )}
      {groups.map((g) => (
        <Card withBorder key={g.cluster?.id ?? 'all'}>
          <Title order={5} mb="xs">{t('results.scoreboard')} — {g.title}</Title>
          <Table striped withTableBorder data-testid="scoreboard">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>STT</Table.Th><Table.Th>{t('entrants.name')}</Table.Th><Table.Th>{t('entrants.unit')}</Table.Th>
                {judges.map((j, i) => <Table.Th key={j.id} className="gk-num" title={j.name}>GK{i + 1}</Table.Th>)}
                <Table.Th className="gk-num">{t('results.mean')}</Table.Th><Table.Th className="gk-num">{t('results.rank')}</Table.Th><Table.Th>{t('results.prize')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.tally.results.map((r, i) => (
                <Table.Tr key={r.entrant.id} data-entrant={r.entrant.name}>
                  <Table.Td>{i + 1}</Table.Td><Table.Td>{r.entrant.name}</Table.Td><Table.Td>{r.entrant.unit}</Table.Td>
                  {judges.map((j) => {
                    const jt = r.judgeTotals.find((x) => x.judgeId === j.id);
                    return (
                      <Table.Td key={j.id} className="gk-num" c={jt?.trimmed ? 'dimmed' : undefined} td={jt?.trimmed ? 'line-through' : undefined}>
                        {jt?.totalCp != null ? formatPoints(jt.totalCp) : jt?.absence === 'conflict' ? 'XĐ' : '—'}
                      </Table.Td>
                    );
                  })}
                  <Table.Td className="gk-num" fw={700} data-testid="mean">{r.result ? formatPoints(r.result) : <Text span c="dimmed" size="xs">{t('results.noResult')}</Text>}</Table.Td>
                  <Table.Td className="gk-num" data-testid="rank">
                    {r.rank ?? ''} {r.tied && <Badge size="xs" color="yellow">{t('results.tie')}</Badge>}
                    {r.decidedBy && <Text size="xs" c="dimmed">{r.decidedBy}</Text>}
                  </Table.Td>
                  <Table.Td data-testid="prize">{g.prizes.get(r.entrant.id) ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">{t('results.rule')}: {g.tally.ruleText} XĐ: không chấm do cùng đơn vị (xung đột lợi ích).</Text>
        </Card>
      ))}
    </Stack>
  );
}
