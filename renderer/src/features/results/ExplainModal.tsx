/** "Vì sao?": one entrant's result from each judge's criterion scores to the final rank. */
import { Badge, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { EntrantId } from '@shared/model/types';
import { explainEntrant } from '@shared/tally/explain';
import type { ResultGroup } from '@shared/results/round-results';

export function ExplainModal({
  group,
  entrantId,
  onClose,
}: {
  group: ResultGroup | null;
  entrantId: EntrantId | null;
  onClose: () => void;
}) {
  const x = group && entrantId ? explainEntrant(group.input, group.tally, entrantId) : null;
  const criteria = x?.judges[0]?.criteria ?? [];
  return (
    <Modal opened={!!x} onClose={onClose} title={x?.title} size="90%">
      {x && (
        <Stack data-testid="explain">
          <Table withTableBorder fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Giám khảo</Table.Th>
                {criteria.map((c) => (
                  <Table.Th key={c.criterionId} title={c.partName}>
                    {c.name}
                  </Table.Th>
                ))}
                <Table.Th>Tổng</Table.Th>
                <Table.Th>Tình trạng</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.judges.map((j) => (
                <Table.Tr key={j.judgeId}>
                  <Table.Td>
                    {j.label} — {j.name}
                  </Table.Td>
                  {j.criteria.map((c) => (
                    <Table.Td key={c.criterionId} className="gk-num">
                      {c.display}
                    </Table.Td>
                  ))}
                  <Table.Td className="gk-num" fw={700}>
                    {j.totalCp === null ? '—' : (j.totalCp / 100).toFixed(2).replace('.', ',')}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" color={j.status === 'counted' ? 'green' : 'gray'}>
                      {j.statusLabel}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={6}>Từ điểm của giám khảo đến xếp hạng</Title>
          <List type="ordered" size="sm">
            {x.steps.map((s, i) => (
              <List.Item key={i}>
                <b>{s.label}:</b> {s.display}
                {s.detail.length > 0 && (
                  <List size="xs" withPadding>
                    {s.detail.map((d, k) => (
                      <List.Item key={k}>{d}</List.Item>
                    ))}
                  </List>
                )}
              </List.Item>
            ))}
          </List>
          {x.issues.length > 0 && (
            <List size="sm" c="orange">
              {x.issues.map((m, i) => (
                <List.Item key={i}>{m}</List.Item>
              ))}
            </List>
          )}
          <Text size="xs" c="dimmed">
            {x.ruleText}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
