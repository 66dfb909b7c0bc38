/**
 * Advancement from this round to the next: the best N per cluster and best K overall, ties at the
 * cut line listed for a decision, and one click to create the next round's entrants — which, while
 * the round's results are provisional (a sheet missing), needs an explicit confirmation.
 */
import { Alert, Badge, Button, Card, Group, List, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import { advancement, createFinalEntrants } from '@shared/tally/advancement';
import { useServices } from '../../app/services';
import type { Completeness } from '@shared/results/completeness';
import type { ResultGroup } from '@shared/results/round-results';
import { ProvisionalConfirm } from './ProvisionalConfirm';

export function AdvancementCard({
  bundle,
  round,
  groups,
  completeness,
}: {
  bundle: ContestBundle;
  round: Round;
  groups: readonly ResultGroup[];
  completeness: Completeness | null;
}) {
  const { repos, newId } = useServices();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rule = round.advancement!;
  const outcome = useMemo(
    () =>
      advancement(
        groups.flatMap((g) => g.tally.results),
        { perCluster: rule.perCluster, overall: rule.overall },
        {
          tieBreak: round.tieBreak,
          clusters: bundle.clusters.filter((c) => c.roundId === round.id),
        },
      ),
    [groups, rule, round, bundle.clusters],
  );
  const next = bundle.rounds.find((r) => r.order === round.order + 1);
  const nextHas = next ? bundle.entrants.some((e) => e.roundId === next.id) : false;
  async function create() {
    setConfirming(false);
    if (!next) return;
    await repos.setup.upsertEntrants(
      next.id,
      createFinalEntrants(outcome.qualified, next.id, newId),
    );
    setMessage(`Đã tạo ${outcome.qualified.length} đội thi cho ${next.name}.`);
  }
  return (
    <Card withBorder data-testid="advancement">
      <Title order={5} mb="xs">
        Vào vòng sau: mỗi cụm {rule.perCluster}
        {rule.overall ? `, tổng cộng ${rule.overall}` : ''}
      </Title>
      <Group gap="xs" mb="xs">
        {outcome.qualified.map((e) => (
          <Badge key={e.id} variant="light">
            {e.name}
          </Badge>
        ))}
      </Group>
      {outcome.cutTies.length > 0 && (
        <Alert
          color="yellow"
          mb="xs"
          title="Đồng điểm tại vị trí lấy vào vòng sau — cần Ban tổ chức quyết định"
        >
          <List size="sm">
            {outcome.cutTies.map((t, i) => (
              <List.Item key={i}>{t.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {next && (
        <Group>
          <Button
            size="xs"
            onClick={() => (completeness?.provisional ? setConfirming(true) : create())}
            disabled={
              !completeness ||
              nextHas ||
              outcome.cutTies.length > 0 ||
              outcome.qualified.length === 0
            }
          >
            Tạo danh sách {next.name}
          </Button>
          {nextHas && (
            <Text size="sm" c="dimmed">
              {next.name} đã có danh sách đội thi.
            </Text>
          )}
          {message && (
            <Text size="sm" c="green">
              {message}
            </Text>
          )}
        </Group>
      )}
      {next && (
        <ProvisionalConfirm
          opened={confirming}
          completeness={completeness}
          onCancel={() => setConfirming(false)}
          onConfirm={create}
          title={`Tạo danh sách ${next.name} khi kết quả còn tạm thời?`}
          consequence={`Danh sách ${next.name} sẽ lấy theo kết quả hiện tại; khi đủ phiếu chấm, thứ hạng có thể thay đổi và danh sách phải được xem lại.`}
          confirmLabel="Vẫn tạo danh sách theo kết quả tạm thời"
        />
      )}
    </Card>
  );
}
