/** A round's setup: its rules, its clusters and its criteria tree, all editable. */
import { Stack } from '@mantine/core';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import { ClustersEditor } from './ClustersEditor';
import { CriteriaEditor } from './CriteriaEditor';
import { PrizeRulesForm } from './PrizeRulesForm';
import { RoundRulesForm } from './RoundRulesForm';

export function SetupPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const criteria = bundle.criteria.filter((c) => c.roundId === round.id);
  const clusters = bundle.clusters
    .filter((c) => c.roundId === round.id)
    .sort((a, b) => a.order - b.order);
  return (
    <Stack>
      <RoundRulesForm key={round.id} round={round} />
      <PrizeRulesForm
        key={`${round.id}-prizes-${criteria.length}`}
        round={round}
        criteria={criteria}
      />
      <ClustersEditor round={round} clusters={clusters} />
      <CriteriaEditor
        key={`${round.id}-${criteria.length}`}
        round={round}
        criteria={criteria}
        bundle={bundle}
      />
    </Stack>
  );
}
