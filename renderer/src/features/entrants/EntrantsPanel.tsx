/** Entrants of a round: add one by one, search without diacritics, delete. */
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterId, Entrant, EntrantId, Round } from '@shared/model/types';
import { foldVietnamese, viCollator } from '@shared/text/vietnamese';
import { useServices } from '../../app/services';
import { ExportList } from '../import/ExportList';
import { EntrantEditor } from './EntrantEditor';
import { ImportWizard } from '../import/ImportWizard';
import type { ContestBundle } from '@shared/model/bundle';

export function EntrantsPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { t } = useTranslation();
  const { repos, newId } = useServices();
  const clusters = bundle.clusters
    .filter((c) => c.roundId === round.id)
    .sort((a, b) => a.order - b.order);
  const entrants = bundle.entrants.filter((e) => e.roundId === round.id);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [clusterId, setClusterId] = useState<string | null>(clusters[0]?.id ?? null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Entrant | null>(null);
  const clusterName = new Map(clusters.map((c) => [c.id, c.name]));
  const kind = bundle.contest.kind === 'contest' ? 'team' : 'model';

  const shown = useMemo(() => {
    const q = foldVietnamese(query);
    return entrants
      .filter((e) => !q || foldVietnamese(`${e.code} ${e.name} ${e.unit}`).includes(q))
      .sort((a, b) => a.order - b.order || viCollator.compare(a.name, b.name));
  }, [entrants, query]);

  async function add() {
    setError(null);
    if (!name.trim() || !unit.trim()) return setError(t('entrants.required'));
    const order = entrants.reduce((m, e) => Math.max(m, e.order), 0) + 1;
    const entrant: Entrant = {
      id: newId() as EntrantId,
      roundId: round.id,
      code: `${kind === 'team' ? 'D' : 'MH'}${String(order).padStart(3, '0')}`,
      kind,
      name: name.trim(),
      unit: unit.trim(),
      clusterId: (clusterId as ClusterId) ?? null,
      order,
    };
    try {
      await repos.setup.saveEntrant(entrant);
      setName('');
      setUnit('');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Stack>
      <Group
        align="end"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextInput
          label={t('entrants.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={300}
        />
        <TextInput
          label={t('entrants.unit')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          w={260}
        />
        {clusters.length > 0 && (
          <Select
            label={t('entrants.cluster')}
            data={clusters.map((c) => ({ value: c.id, label: c.name }))}
            value={clusterId}
            onChange={setClusterId}
            w={140}
            allowDeselect={false}
          />
        )}
        <Button type="submit">{t('entrants.add')}</Button>
      </Group>
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      <Group justify="space-between">
        <TextInput
          placeholder={t('entrants.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={320}
          aria-label={t('entrants.search')}
        />
        <Group gap="xs">
          <ImportWizard target="entrants" bundle={bundle} round={round} />
          <ExportList target="entrants" bundle={bundle} round={round} />
          <Text size="sm" c="dimmed">
            {t('entrants.count', { count: entrants.length })}
          </Text>
        </Group>
      </Group>
      {entrants.length === 0 ? (
        <Text c="dimmed">{t('entrants.none')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="entrants-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('entrants.code')}</Table.Th>
              <Table.Th>{t('entrants.name')}</Table.Th>
              <Table.Th>{t('entrants.unit')}</Table.Th>
              {clusters.length > 0 && <Table.Th>{t('entrants.cluster')}</Table.Th>}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.code}</Table.Td>
                <Table.Td>{e.name}</Table.Td>
                <Table.Td>{e.unit}</Table.Td>
                {clusters.length > 0 && (
                  <Table.Td>{e.clusterId ? clusterName.get(e.clusterId) : ''}</Table.Td>
                )}
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(e)}>
                      Sửa
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        repos.setup.deleteEntrant(e.id).catch((err: Error) => setError(err.message))
                      }
                    >
                      {t('entrants.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <EntrantEditor entrant={editing} bundle={bundle} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
