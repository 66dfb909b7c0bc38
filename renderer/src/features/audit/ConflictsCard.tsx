/**
 * Cells that two devices set to different values (listed by the projection of the journal on
 * disk): a person picks the right value with a reason; the choice is written as an event that
 * names the conflicting ones (`settles`). Never settled by time or device.
 */
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { resolutionTemplate, valueText, type Conflict } from '@shared/journal/projection';
import type { ContestBundle } from '@shared/model/bundle';
import { formatCp } from '@shared/scoring/format';
import { useServices } from '../../app/services';

export function ConflictsCard({
  bundle,
  conflicts,
  onDone,
}: {
  bundle: ContestBundle;
  conflicts: readonly Conflict[];
  onDone: () => void;
}) {
  const { saver, now } = useServices();
  const [reason, setReason] = useState('');
  const judge = new Map(bundle.judges.map((j) => [j.id as string, j.name]));
  const entrant = new Map(bundle.entrants.map((e) => [e.id as string, e.name]));
  const criterion = new Map(bundle.criteria.map((c) => [c.id as string, c]));
  const round = new Map(bundle.rounds.map((r) => [r.id as string, r]));
  const show = (c: Conflict, v: unknown) => {
    const k = c.criterionId ? criterion.get(c.criterionId) : undefined;
    return typeof v === 'number' && k && c.scope !== 'penalty'
      ? formatCp(v * k.stepCp)
      : valueText(v as never);
  };
  if (conflicts.length === 0) return null;
  return (
    <Alert
      color="red"
      title={`${conflicts.length} ô có giá trị khác nhau từ các máy — cần người có thẩm quyền quyết định`}
      data-testid="conflicts"
    >
      <Stack gap="xs">
        <TextInput
          label="Lý do quyết định (bắt buộc)"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {conflicts.map((c) => (
          <Group key={c.id} gap="xs">
            <Text size="sm">
              {[
                c.judgeId && judge.get(c.judgeId),
                c.entrantId && entrant.get(c.entrantId),
                c.criterionId && criterion.get(c.criterionId)?.name,
              ]
                .filter(Boolean)
                .join(' · ')}
              :
            </Text>
            {c.candidates.map((cand) => (
              <Button
                key={cand.ref}
                size="compact-xs"
                disabled={!reason.trim()}
                onClick={async () => {
                  await saver.save(
                    resolutionTemplate(c, cand.value, {
                      contestId: bundle.contest.id,
                      by: {
                        role: 'head',
                        name: bundle.judges.find((j) => j.role === 'head')?.name ?? '',
                      },
                      at: now().toISOString(),
                      reason: reason.trim(),
                      locked: round.get(c.roundId)?.locked,
                    }),
                  );
                  onDone();
                }}
              >
                Giữ {show(c, cand.value)} ({cand.by.name || cand.by.role})
              </Button>
            ))}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
