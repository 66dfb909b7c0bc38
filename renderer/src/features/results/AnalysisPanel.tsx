/**
 * Before the result is signed: would another aggregation rule change the podium, a prize or the
 * advancement cut (sensitivity), and is any judge markedly harsher or more lenient than the panel
 * (consistency, Kendall's W).
 */
import { Alert, Card, List, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { judgeConsistency } from '@shared/tally/consistency';
import { sensitivity } from '@shared/tally/sensitivity';
import type { Judge, Round } from '@shared/model/types';
import type { ResultGroup } from '@shared/results/round-results';

const pts = (cp: number) => (cp / 100).toFixed(2).replace('.', ',');

export function AnalysisPanel({
  group,
  round,
  judges,
}: {
  group: ResultGroup;
  round: Round;
  judges: readonly Judge[];
}) {
  const report = useMemo(
    () =>
      sensitivity(group.input, { prizes: round, cut: round.advancement?.perCluster || undefined }),
    [group, round],
  );
  const consistency = useMemo(
    () =>
      judgeConsistency(
        group.tally,
        judges.map((j) => j.id),
      ),
    [group, judges],
  );
  const name = new Map(judges.map((j) => [j.id as string, j.name]));
  return (
    <Card withBorder data-testid="analysis">
      <Title order={6} mb="xs">
        Độ nhạy của kết quả — {group.title}
      </Title>
      <Alert color={report.robust ? 'green' : 'orange'} mb="sm" data-testid="sensitivity">
        {report.robust
          ? 'Mọi cách tính điểm khác đều cho cùng nhóm dẫn đầu, cùng giải và cùng danh sách vào vòng sau.'
          : 'Có cách tính điểm khác làm thay đổi kết quả:'}
        {report.summary.length > 0 && (
          <List size="sm">
            {report.summary.map((s, i) => (
              <List.Item key={i}>{s}</List.Item>
            ))}
          </List>
        )}
      </Alert>
      <Title order={6} mb="xs">
        Mức độ thống nhất của giám khảo
      </Title>
      <Table withTableBorder fz="xs" data-testid="consistency">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Giám khảo</Table.Th>
            <Table.Th>Số bài chấm</Table.Th>
            <Table.Th>Điểm TB</Table.Th>
            <Table.Th>Độ lệch chuẩn</Table.Th>
            <Table.Th>So với hội đồng</Table.Th>
            <Table.Th>Tương quan thứ hạng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {consistency.judges.map((j) => (
            <Table.Tr key={j.judgeId}>
              <Table.Td>{name.get(j.judgeId) ?? j.judgeId}</Table.Td>
              <Table.Td>{j.scored}</Table.Td>
              <Table.Td>{pts(j.meanCp)}</Table.Td>
              <Table.Td>{pts(j.sdCp)}</Table.Td>
              <Table.Td c={Math.abs(j.biasCp) > group.tally.maxCp * 0.1 ? 'orange' : undefined}>
                {j.biasCp >= 0 ? '+' : ''}
                {pts(j.biasCp)}
              </Table.Td>
              <Table.Td>
                {j.rankCorrelation === null ? '—' : j.rankCorrelation.toFixed(2).replace('.', ',')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" mt="xs" data-testid="kendall">
        {consistency.note}
      </Text>
    </Card>
  );
}
