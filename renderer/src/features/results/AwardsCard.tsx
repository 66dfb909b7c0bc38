/** Side prizes (best part, style…) and, in award rounds, the funnel recognised → exemplary → commended. */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Entrant, EntrantId, Round } from '@shared/model/types';
import { useDecisions } from './useDecisions';
import { formatPoints } from '@shared/scoring/format';
import type { RoundResults } from '@shared/results/round-results';

/** The panel's pick for a side prize it chooses itself (giải phong cách…), with a reason. */
function ChooseSidePrize({
  prize,
  round,
  entrants,
}: {
  prize: string;
  round: Round;
  entrants: readonly Entrant[];
}) {
  const record = useDecisions(round);
  const [who, setWho] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Group gap="xs" align="end">
      <Select
        size="xs"
        label={`Chọn đội nhận “${prize}”`}
        searchable
        data={entrants.map((e) => ({ value: e.id, label: e.name }))}
        value={who}
        onChange={setWho}
        w={280}
      />
      <TextInput
        size="xs"
        label="Lý do"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        w={280}
      />
      <Button
        size="xs"
        disabled={!who || !reason.trim()}
        onClick={() =>
          who &&
          record('chosenSidePrizes', {
            name: prize,
            entrantIds: [who as EntrantId],
            reason: reason.trim(),
          })
        }
      >
        Trao giải
      </Button>
    </Group>
  );
}

export function AwardsCard({
  results,
  entrants,
  round,
}: {
  results: RoundResults;
  entrants: readonly Entrant[];
  round: Round;
}) {
  const name = useMemo(() => new Map(entrants.map((e) => [e.id as string, e.name])), [entrants]);
  const inRound = useMemo(
    () => entrants.filter((e) => e.roundId === round.id),
    [entrants, round.id],
  );
  if (results.sidePrizes.length === 0 && !results.funnel) return null;
  return (
    <Card withBorder data-testid="awards">
      {results.sidePrizes.length > 0 && (
        <>
          <Title order={5} mb="xs">
            Giải phụ
          </Title>
          <List size="sm" data-testid="side-prizes">
            {results.sidePrizes.map((p) => (
              <List.Item key={p.name}>
                <b>{p.name}:</b> {p.winners.map((w) => name.get(w)).join(', ') || '—'}
                {p.value && ` (${formatPoints(p.value)} điểm)`}{' '}
                {p.shared && (
                  <Badge size="xs" color="yellow">
                    Đồng giải
                  </Badge>
                )}
                {p.status === 'pending' && (
                  <Text span size="xs" c="orange">
                    {' '}
                    — {p.note}
                  </Text>
                )}
                {p.kind === 'chosen' && p.status === 'pending' && (
                  <ChooseSidePrize prize={p.name} round={round} entrants={inRound} />
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {results.funnel && (
        <>
          <Title order={5} mt="sm" mb="xs">
            Kết quả bình xét
          </Title>
          <Text data-testid="funnel-summary">{results.funnel.summary}</Text>
          {results.funnel.openTies.length > 0 && (
            <Alert color="yellow" mt="xs">
              <List size="sm">
                {results.funnel.openTies.map((t, i) => (
                  <List.Item key={i}>{t.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group gap="xs" mt="xs">
            {results.funnel.commended.slice(0, 30).map((id) => (
              <Badge key={id} color="red" variant="light">
                {name.get(id)}
              </Badge>
            ))}
          </Group>
        </>
      )}
    </Card>
  );
}
