/** A round's structure: clusters, parts and criteria with their maxima, steps and weights. */
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { childrenOf, maxTotalCp } from '@shared/model/criteria-tree';
import type { Round } from '@shared/model/types';
import { formatCp } from '@shared/scoring/format';
import { describePolicy } from '@shared/tally/tally';
import type { ContestBundle } from '../../db/repos/setup-repo';

export function SetupPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { t } = useTranslation();
  const criteria = bundle.criteria.filter((c) => c.roundId === round.id);
  const clusters = bundle.clusters.filter((c) => c.roundId === round.id).sort((a, b) => a.order - b.order);
  return (
    <Stack>
      {clusters.length > 0 && (
        <Group gap="xs">
          <Text fw={600}>{t('setup.clusters')}:</Text>
          {clusters.map((c) => <Badge key={c.id} variant="outline">{c.name}</Badge>)}
        </Group>
      )}
      <Card withBorder>
        <Title order={5} mb="xs">{t('setup.criteria')} — {t('setup.total')}: {formatCp(maxTotalCp(criteria))}</Title>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('setup.criteria')}</Table.Th><Table.Th className="gk-num">{t('setup.max')}</Table.Th><Table.Th className="gk-num">{t('setup.step')}</Table.Th><Table.Th className="gk-num">{t('setup.weight')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {childrenOf(criteria, null).flatMap((part) => [
              <Table.Tr key={part.id}><Table.Td fw={700}>{part.name}</Table.Td><Table.Td className="gk-num" fw={700}>{formatCp(part.maxCp)}</Table.Td><Table.Td /><Table.Td className="gk-num">{part.weight}</Table.Td></Table.Tr>,
              ...childrenOf(criteria, part.id).map((c) => (
                <Table.Tr key={c.id}><Table.Td pl="xl">{c.name}</Table.Td><Table.Td className="gk-num">{formatCp(c.maxCp)}</Table.Td><Table.Td className="gk-num">{formatCp(c.stepCp)}</Table.Td><Table.Td className="gk-num">{c.weight}</Table.Td></Table.Tr>
              )),
            ])}
          </Table.Tbody>
        </Table>
      </Card>
      <Text size="sm"><b>{t('setup.policy')}:</b> {describePolicy(round.policy)}</Text>
    </Stack>
  );
}
