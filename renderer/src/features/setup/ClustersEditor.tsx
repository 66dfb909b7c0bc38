/** Clusters (cụm thi) of a round: add, rename, delete (refused while teams are in it). */
import { ActionIcon, Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Cluster, ClusterId, Round } from '@shared/model/types';
import { useServices } from '../../app/services';

export function ClustersEditor({
  round,
  clusters,
}: {
  round: Round;
  clusters: readonly Cluster[];
}) {
  const { repos, newId } = useServices();
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>Cụm thi</Title>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            run(
              repos.structure.saveCluster({
                id: newId() as ClusterId,
                roundId: round.id,
                name: `Cụm ${clusters.length + 1}`,
                order: clusters.length,
              }),
            )
          }
        >
          Thêm cụm
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group gap="xs">
        {clusters.length === 0 && (
          <Text c="dimmed" size="sm">
            Vòng này không chia cụm.
          </Text>
        )}
        {clusters.map((c) => (
          <Group key={c.id} gap={2}>
            <TextInput
              size="xs"
              w={120}
              defaultValue={c.name}
              aria-label={`Tên cụm ${c.name}`}
              onBlur={(e) =>
                e.currentTarget.value !== c.name &&
                run(repos.structure.saveCluster({ ...c, name: e.currentTarget.value.trim() }))
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Xóa ${c.name}`}
              onClick={() => run(repos.structure.deleteCluster(c.id))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
      </Group>
    </Card>
  );
}
