/**
 * What the board must decide before signing: ties at a prize boundary (give the tier or not),
 * prize counts changed after the tally (cân đối cơ cấu giải), judges far apart on one entrant
 * (confirm or order a re-score). Every decision needs a reason and is kept on the round.
 */
import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { BoundaryTie } from '@shared/prizes/ladder';
import type { Entrant, EntrantId, Round } from '@shared/model/types';
import type { DiscrepancyFlag } from '@shared/tally/discrepancy';
import { useDecisions } from './useDecisions';

export function DecisionsCard({
  round,
  ties,
  flags,
  entrants,
}: {
  round: Round;
  ties: readonly BoundaryTie[];
  flags: readonly DiscrepancyFlag[];
  entrants: readonly Entrant[];
}) {
  const record = useDecisions(round);
  const [reason, setReason] = useState('');
  const [tier, setTier] = useState<string | null>(null);
  const [count, setCount] = useState<number>(1);
  const [error, setError] = useState<string | null>(null);
  const name = new Map(entrants.map((e) => [e.id as string, e.name]));
  const run = async (p: Promise<void>) => {
    try {
      await p;
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const needReason = !reason.trim();
  const openFlags = flags.filter((f) => f.open);
  return (
    <Stack gap="xs" data-testid="decisions">
      <Title order={6}>Quyết định của Ban giám khảo</Title>
      <TextInput
        label="Lý do (bắt buộc cho mọi quyết định, được ghi lại)"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {error && <Alert color="red">{error}</Alert>}
      {ties.map((t, i) => (
        <Alert key={i} color="yellow">
          {t.message}
          <Group gap="xs" mt="xs">
            {t.entrantIds.map((id: EntrantId) => (
              <Group key={id} gap={4}>
                {t.candidates.map((tier) => (
                  <Button
                    key={tier ?? '∅'}
                    size="compact-xs"
                    variant={tier ? 'filled' : 'default'}
                    disabled={needReason}
                    onClick={() =>
                      run(record('prizeOverrides', { entrantId: id, tier, reason: reason.trim() }))
                    }
                  >
                    {tier
                      ? `Trao ${tier} cho ${name.get(id)}`
                      : `Không trao giải cho ${name.get(id)}`}
                  </Button>
                ))}
              </Group>
            ))}
          </Group>
        </Alert>
      ))}
      {openFlags.map((f) => (
        <Alert key={f.entrantId} color="orange">
          {f.message}
          <Group gap="xs" mt="xs">
            <Button
              size="compact-xs"
              disabled={needReason}
              onClick={() =>
                run(
                  record(
                    'discrepancies',
                    { entrantId: f.entrantId, decision: 'confirmed', reason: reason.trim() },
                    'Trưởng ban',
                  ),
                )
              }
            >
              Xác nhận điểm
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={needReason}
              onClick={() =>
                run(
                  record(
                    'discrepancies',
                    { entrantId: f.entrantId, decision: 'rescore', reason: reason.trim() },
                    'Trưởng ban',
                  ),
                )
              }
            >
              Yêu cầu chấm lại
            </Button>
          </Group>
        </Alert>
      ))}
      <Group align="end">
        <Select
          label="Cân đối cơ cấu giải"
          placeholder="Chọn giải"
          data={round.prizes.filter((p) => p.count !== undefined).map((p) => p.name)}
          value={tier}
          onChange={setTier}
          w={200}
        />
        <NumberInput
          label="Số lượng mới"
          value={count}
          min={0}
          max={500}
          onChange={(v) => setCount(Number(v) || 0)}
          w={120}
        />
        <Button
          size="xs"
          disabled={needReason || !tier}
          onClick={() =>
            tier && run(record('countChanges', { tier, count, reason: reason.trim() }))
          }
        >
          Đổi số lượng
        </Button>
      </Group>
      {round.decisions?.prizeOverrides?.length ||
      round.decisions?.countChanges?.length ||
      round.decisions?.discrepancies?.length ? (
        <List size="xs" c="dimmed">
          {round.decisions?.prizeOverrides?.map((d, i) => (
            <List.Item key={`p${i}`}>
              {name.get(d.entrantId)}: {d.tier ?? 'không trao giải'} — {d.reason} ({d.by},{' '}
              {new Date(d.at).toLocaleString('vi-VN')})
            </List.Item>
          ))}
          {round.decisions?.countChanges?.map((d, i) => (
            <List.Item key={`c${i}`}>
              {d.tier}: {d.count} — {d.reason} ({d.by})
            </List.Item>
          ))}
          {round.decisions?.discrepancies?.map((d, i) => (
            <List.Item key={`d${i}`}>
              {name.get(d.entrantId)}: {d.decision === 'confirmed' ? 'xác nhận điểm' : 'chấm lại'} —{' '}
              {d.reason} ({d.by})
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
