/** The panel: judges with title, unit (for conflicts of interest) and role. */
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Judge, JudgeId, JudgeRole, Round } from '@shared/model/types';
import { useServices } from '../../app/services';
import { JudgeClusters, JudgeFields, JudgePin, RemoveJudge } from './JudgeRowActions';
import { ExportList } from '../import/ExportList';
import { ImportWizard } from '../import/ImportWizard';
import type { ContestBundle } from '@shared/model/bundle';

export function JudgesPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const clusters = bundle.clusters
    .filter((c) => c.roundId === round.id)
    .sort((a, b) => a.order - b.order);
  const award = bundle.contest.kind === 'award';
  const { t } = useTranslation();
  const { repos, newId } = useServices();
  const judges = [...bundle.judges].sort((a, b) => a.order - b.order);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [unit, setUnit] = useState('');
  const [role, setRole] = useState<JudgeRole>('member');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    setError(null);
    if (!name.trim()) return setError(t('judges.required'));
    const judge: Judge = {
      id: newId() as JudgeId,
      contestId: bundle.contest.id,
      name: name.trim(),
      title: title.trim(),
      unit: unit.trim(),
      role,
      clusterIds: [],
      fields: [],
      order: judges.reduce((m, j) => Math.max(m, j.order), 0) + 1,
    };
    await repos.setup.saveJudge(judge);
    setName('');
    setTitle('');
    setUnit('');
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
          label={t('judges.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={240}
        />
        <TextInput
          label={t('judges.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          w={200}
        />
        <TextInput
          label={t('judges.unit')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          w={220}
        />
        <Select
          label={t('judges.role')}
          value={role}
          onChange={(v) => v && setRole(v as JudgeRole)}
          allowDeselect={false}
          w={140}
          data={[
            { value: 'member', label: t('judges.member') },
            { value: 'head', label: t('judges.head') },
          ]}
        />
        <Button type="submit">{t('judges.add')}</Button>
        <ImportWizard target="judges" bundle={bundle} round={round} />
        <ExportList target="judges" bundle={bundle} round={round} />
      </Group>
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      {judges.length === 0 ? (
        <Text c="dimmed">{t('judges.none')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="judges-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('judges.name')}</Table.Th>
              <Table.Th>{t('judges.title')}</Table.Th>
              <Table.Th>{t('judges.unit')}</Table.Th>
              <Table.Th>{t('judges.role')}</Table.Th>
              {clusters.length > 0 && <Table.Th>Cụm chấm</Table.Th>}
              {award && <Table.Th>Lĩnh vực chấm</Table.Th>}
              <Table.Th>PIN</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {judges.map((j, i) => (
              <Table.Tr key={j.id}>
                <Table.Td>GK{i + 1}</Table.Td>
                <Table.Td>{j.name}</Table.Td>
                <Table.Td>{j.title}</Table.Td>
                <Table.Td>{j.unit}</Table.Td>
                <Table.Td>
                  {j.role === 'head' ? (
                    <Badge color="red">{t('judges.head')}</Badge>
                  ) : (
                    t('judges.member')
                  )}
                </Table.Td>
                {clusters.length > 0 && (
                  <Table.Td>
                    <JudgeClusters judge={j} clusters={clusters} />
                  </Table.Td>
                )}
                {award && (
                  <Table.Td>
                    <JudgeFields judge={j} fields={bundle.contest.fields} />
                  </Table.Td>
                )}
                <Table.Td>
                  <JudgePin judge={j} />
                </Table.Td>
                <Table.Td>
                  <RemoveJudge judge={j} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
