/** Recording the board's decisions on a round (with who, when and why) through the round record. */
import type { Decided, Round, RoundDecisions } from '@shared/model/types';
import { useServices } from '../../app/services';

export function useDecisions(round: Round) {
  const { repos, now } = useServices();
  return async function record<K extends keyof RoundDecisions>(key: K, item: Omit<NonNullable<RoundDecisions[K]>[number], keyof Decided> & { reason: string }, by = 'Ban giám khảo'): Promise<void> {
    const list = [...((round.decisions?.[key] ?? []) as readonly object[]), { ...item, by, at: now().toISOString() }];
    await repos.structure.saveRound({ ...round, decisions: { ...round.decisions, [key]: list } });
  };
}
