/** Side prizes (best part, style…) and, in award rounds, the funnel recognised → exemplary → commended. */
import { Alert, Badge, Card, Group, List, Text, Title } from '@mantine/core';
import type { Entrant } from '@shared/model/types';
import { formatPoints } from '@shared/scoring/format';
import type { RoundResults } from './results-model';

export function AwardsCard({ results, entrants }: { results: RoundResults; entrants: readonly Entrant[] }) {
  const name = new Map(entrants.map((e) => [e.id as string, e.name]));
  if (results.sidePrizes.length === 0 && !results.funnel) return null;
  return (
    <Card withBorder data-testid="awards">
      {results.sidePrizes.length > 0 && (
        <>
          <Title order={5} mb="xs">Giải phụ</Title>
          <List size="sm" data-testid="side-prizes">
            {results.sidePrizes.map((p) => (
              <List.Item key={p.name}>
                <b>{p.name}:</b> {p.winners.map((w) => name.get(w)).join(', ') || '—'}
                {p.value && ` (${formatPoints(p.value)} điểm)`} {p.shared && <Badge size="xs" color="yellow">Đồng giải</Badge>}
                {p.status === 'pending' && <Text span size="xs" c="orange"> — {p.note}</Text>}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {results.funnel && (
        <>
          <Title order={5} mt="sm" mb="xs">Kết quả bình xét</Title>
          <Text data-testid="funnel-summary">{results.funnel.summary}</Text>
          {results.funnel.openTies.length > 0 && <Alert color="yellow" mt="xs"><List size="sm">{results.funnel.openTies.map((t, i) => <List.Item key={i}>{t.message}</List.Item>)}</List></Alert>}
          <Group gap="xs" mt="xs">
            {results.funnel.commended.slice(0, 30).map((id) => <Badge key={id} color="red" variant="light">{name.get(id)}</Badge>)}
          </Group>
        </>
      )}
    </Card>
  );
}
