/** A judge's own session: their sheet only, for the chosen round; "Thoát" returns to the contest. */
import { Button, Group, Title } from '@mantine/core';
import type { ContestBundle } from '@shared/model/bundle';
import type { Judge, Round } from '@shared/model/types';
import { ScoringPanel } from '../scoring/ScoringPanel';

export function JudgeSession({
  bundle,
  round,
  judge,
  onExit,
}: {
  bundle: ContestBundle;
  round: Round;
  judge: Judge;
  onExit: () => void;
}) {
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={4} data-testid="judge-session">
          Phiếu chấm của giám khảo {judge.name} — {round.name}
        </Title>
        <Button size="xs" variant="default" onClick={onExit}>
          Thoát
        </Button>
      </Group>
      <ScoringPanel bundle={bundle} round={round} lockedJudge={judge} />
    </>
  );
}
