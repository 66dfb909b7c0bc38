/**
 * Double-key verification of a paper sheet: the two typings are compared cell by cell; matching
 * cells are confirmed in one go, every mismatch is listed for a person to pick the right value
 * (looking at the paper). Only confirmed values count in the official tally.
 */
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { DoubleKeyCell } from '@shared/journal/projection';
import type { Criterion, Entrant } from '@shared/model/types';
import { formatCp } from '@shared/scoring/format';
import { passValue } from './sheet-model';

export interface DoubleKeyReviewProps {
  readonly cells: readonly DoubleKeyCell[];
  readonly entrants: readonly Entrant[];
  readonly criteria: readonly Criterion[];
  readonly onConfirm: (
    cells: readonly { cell: DoubleKeyCell; steps: number | null; reason: string | null }[],
  ) => Promise<void>;
}

export function DoubleKeyReview({ cells, entrants, criteria, onConfirm }: DoubleKeyReviewProps) {
  const name = new Map(entrants.map((e) => [e.id as string, e.name]));
  const crit = new Map(criteria.map((c) => [c.id as string, c]));
  const open = cells.filter((c) => !c.decided);
  const matches = open.filter((c) => c.state === 'match');
  const mismatches = open.filter((c) => c.state === 'mismatch' || c.state === 'conflict');
  const waiting = open.filter((c) => c.state === 'waiting');
  const show = (c: DoubleKeyCell, pass: 1 | 2) => {
    const v = passValue(c, pass);
    const k = crit.get(c.criterionId);
    return v === undefined ? '—' : v === null ? '(trống)' : k ? formatCp(v * k.stepCp) : String(v);
  };
  return (
    <Stack data-testid="double-key">
      <Group>
        <Text size="sm">
          {cells.filter((c) => c.decided).length} ô đã xác nhận · {matches.length} ô khớp chờ xác
          nhận · {mismatches.length} ô lệch · {waiting.length} ô mới nhập một lần
        </Text>
        <Button
          size="xs"
          disabled={matches.length === 0}
          onClick={() =>
            onConfirm(
              matches.map((cell) => ({ cell, steps: passValue(cell, 1) ?? null, reason: null })),
            )
          }
        >
          Xác nhận {matches.length} ô khớp
        </Button>
      </Group>
      {mismatches.length > 0 && (
        <Alert
          color="red"
          title={`${mismatches.length} ô hai lần nhập khác nhau — đối chiếu với phiếu giấy`}
        >
          <Table data-testid="mismatches" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đội thi / Mô hình</Table.Th>
                <Table.Th>Tiêu chí</Table.Th>
                <Table.Th>Lần 1</Table.Th>
                <Table.Th>Lần 2</Table.Th>
                <Table.Th>Chọn giá trị đúng</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mismatches.map((c) => (
                <Table.Tr key={`${c.entrantId}|${c.criterionId}`}>
                  <Table.Td>{name.get(c.entrantId)}</Table.Td>
                  <Table.Td>{crit.get(c.criterionId)?.name}</Table.Td>
                  <Table.Td>{show(c, 1)}</Table.Td>
                  <Table.Td>{show(c, 2)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {([1, 2] as const).map((p) => (
                        <Button
                          key={p}
                          size="compact-xs"
                          variant="light"
                          onClick={() =>
                            onConfirm([
                              {
                                cell: c,
                                steps: passValue(c, p) ?? null,
                                reason: `Đối chiếu phiếu giấy: giữ giá trị lần ${p}`,
                              },
                            ])
                          }
                        >
                          Lấy lần {p} ({show(c, p)})
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
      {open.length === 0 && cells.length > 0 && (
        <Alert color="green">Phiếu đã được xác nhận đầy đủ.</Alert>
      )}
    </Stack>
  );
}
