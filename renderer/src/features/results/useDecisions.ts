/**
 * Recording the board's decisions on a round (with who, when and why) as decision events in the
 * journal; the round's `decisions` are their projection.
 */
import type { DecisionKey } from '@shared/journal/setup-event';
import type { Decided, Round, RoundDecisions } from '@shared/model/types';
import { useServices } from '../../app/services';

export function useDecisions(round: Round) {
  const { repos } = useServices();
  return async function record<K extends keyof RoundDecisions & DecisionKey>(
    key: K,
    item: Omit<NonNullable<RoundDecisions[K]>[number], keyof Decided> & { reason: string },
    by = 'Ban giám khảo',
  ): Promise<void> {
    const { reason, ...rest } = item;
    await repos.structure.recordDecision(
      round,
      key,
      rest as Omit<NonNullable<RoundDecisions[K]>[number], keyof Decided>,
      reason,
      { role: by === 'Trưởng ban' ? 'head' : 'secretary', name: by },
    );
  };
}
