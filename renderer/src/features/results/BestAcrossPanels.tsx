/**
 * Award rounds scored by field panels: the best K models across panels, compared either on plain
 * totals or after per-judge standardisation (panels differ in severity), side by side, with a tie
 * at the K-th place left for the board to decide.
 */
import { Badge, Card, Group, NumberInput, Switch, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { bestAcrossPanels } from '@shared/awards/best-k';
import type { ResultGroup } from '@shared/results/round-results';

export function BestAcrossPanels({ group }: { group: ResultGroup }) {
  const [k, setK] = useState(10);
  const [standardise, setStandardise] = useState(true);
  const best = useMemo(
    () => bestAcrossPanels(group.input, k, { standardise }),
    [group, k, standardise],
  );
  const plain = useMemo(
    () => bestAcrossPanels(group.input, k, { standardise: !standardise }),
    [group, k, standardise],
  );
  const name = new Map(group.tally.results.map((r) => [r.entrant.id as string, r.entrant.name]));
  const moved = best.selected.filter((id) => !plain.selected.includes(id));
  return (
    <Card withBorder data-testid="best-k">
      <Title order={6} mb="xs">
        Chọn mô hình tốt nhất giữa các tổ thẩm định
      </Title>
      <Group align="end" mb="xs">
        <NumberInput
          label="Số mô hình (K)"
          value={k}
          min={1}
          max={500}
          onChange={(v) => setK(Number(v) || 1)}
          w={140}
        />
        <Switch
          label="Chuẩn hóa điểm theo từng giám khảo (điểm z)"
          checked={standardise}
          onChange={(e) => setStandardise(e.currentTarget.checked)}
        />
      </Group>
      <Group gap="xs">
        {best.selected.map((id) => (
          <Badge key={id} variant="light" color={moved.includes(id) ? 'orange' : 'blue'}>
            {name.get(id)}
          </Badge>
        ))}
      </Group>
      {best.tiedAtCut.length > 0 && (
        <Text size="sm" c="orange" mt="xs">
          Đồng điểm ở vị trí thứ {k}: {best.tiedAtCut.map((id) => name.get(id)).join(', ')} — còn{' '}
          {best.slotsLeft} chỗ, cần Ban tổ chức quyết định.
        </Text>
      )}
      {moved.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Màu cam: chỉ được chọn khi {standardise ? 'chuẩn hóa' : 'không chuẩn hóa'} điểm.
        </Text>
      )}
    </Card>
  );
}
