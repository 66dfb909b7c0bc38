/**
 * Editing the criteria tree: parts and their criteria, each with maximum, step and weight. A row
 * saves when it loses focus; the repository refuses changes that would break stored scores.
 */
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { childrenOf, maxTotalCp } from '@shared/model/criteria-tree';
import type { ContestBundle } from '@shared/model/bundle';
import type { Criterion, CriterionId, Round } from '@shared/model/types';
import { formatCp } from '@shared/scoring/format';
import { parseCentipoints } from '@shared/scoring/score-value';
import { useServices } from '../../app/services';
import { ExportList } from '../import/ExportList';
import { ImportWizard } from '../import/ImportWizard';

/** Award rounds score collective and individual models on different standards (Criterion.appliesTo). */
const RUBRICS = [
  { value: 'all', label: 'Mọi mô hình' },
  { value: 'tap-the', label: 'Mô hình tập thể' },
  { value: 'ca-nhan', label: 'Mô hình cá nhân' },
];

function CriterionRow({
  c,
  isPart,
  onError,
}: {
  c: Criterion;
  isPart: boolean;
  onError: (m: string | null) => void;
}) {
  const { repos } = useServices();
  const [name, setName] = useState(c.name);
  const [max, setMax] = useState(formatCp(c.maxCp));
  const [step, setStep] = useState(formatCp(c.stepCp));
  const [weight, setWeight] = useState(String(c.weight));

  async function setObjective(objective: boolean) {
    try {
      await repos.structure.saveCriterion({ ...c, objective });
      onError(null);
    } catch (err) {
      onError((err as Error).message);
    }
  }
  async function commit() {
    const maxCp = parseCentipoints(max);
    const stepCp = parseCentipoints(step);
    if (!isPart && (typeof maxCp !== 'number' || typeof stepCp !== 'number'))
      return onError(`“${name}”: điểm tối đa và bước điểm phải là số (ví dụ 10 và 0,5).`);
    const next: Criterion = {
      ...c,
      name: name.trim(),
      weight: Number(weight),
      ...(isPart ? {} : { maxCp: maxCp as number, stepCp: stepCp as number }),
    };
    if (
      next.name === c.name &&
      next.maxCp === c.maxCp &&
      next.stepCp === c.stepCp &&
      next.weight === c.weight
    )
      return;
    try {
      await repos.structure.saveCriterion(next);
      onError(null);
    } catch (err) {
      onError((err as Error).message);
      setName(c.name);
      setMax(formatCp(c.maxCp));
      setStep(formatCp(c.stepCp));
      setWeight(String(c.weight));
    }
  }
  async function remove() {
    try {
      await repos.structure.deleteCriterion(c);
      onError(null);
    } catch (err) {
      onError((err as Error).message);
    }
  }
  const cell = (
    value: string,
    set: (v: string) => void,
    label: string,
    w = 80,
    disabled = false,
  ) => (
    <TextInput
      size="xs"
      w={w}
      value={value}
      disabled={disabled}
      aria-label={`${label} — ${c.name}`}
      onChange={(e) => set(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
  return (
    <Table.Tr>
      <Table.Td pl={isPart ? undefined : 'xl'}>
        {cell(name, setName, 'Tên', isPart ? 320 : 300)}
      </Table.Td>
      <Table.Td>
        {isPart ? (
          <Text fw={700} size="sm">
            {formatCp(c.maxCp)}
          </Text>
        ) : (
          cell(max, setMax, 'Điểm tối đa')
        )}
      </Table.Td>
      <Table.Td>{isPart ? null : cell(step, setStep, 'Bước điểm')}</Table.Td>
      <Table.Td>{cell(weight, setWeight, 'Hệ số', 60)}</Table.Td>
      <Table.Td>
        {isPart ? (
          <Select
            size="xs"
            w={150}
            aria-label={`Áp dụng cho — ${c.name}`}
            value={c.appliesTo?.[0] ?? 'all'}
            allowDeselect={false}
            data={RUBRICS}
            onChange={(v) =>
              repos.structure
                .saveCriterion({ ...c, appliesTo: v && v !== 'all' ? [v] : undefined })
                .then(
                  () => onError(null),
                  (e: Error) => onError(e.message),
                )
            }
          />
        ) : (
          <Checkbox
            size="xs"
            checked={!!c.objective}
            onChange={(e) => setObjective(e.currentTarget.checked)}
            aria-label={`Khách quan — ${c.name}`}
          />
        )}
      </Table.Td>
      <Table.Td>
        <ActionIcon variant="subtle" color="red" onClick={remove} aria-label={`Xóa ${c.name}`}>
          ✕
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

export function CriteriaEditor({
  round,
  criteria,
  bundle,
}: {
  round: Round;
  criteria: readonly Criterion[];
  bundle: ContestBundle;
}) {
  const { repos, newId } = useServices();
  const [error, setError] = useState<string | null>(null);
  const parts = childrenOf(criteria, null);
  const add = async (parentId: CriterionId | null) => {
    const siblings = childrenOf(criteria, parentId);
    const order = siblings.reduce((m, s) => Math.max(m, s.order), -1) + 1;
    try {
      await repos.structure.saveCriterion({
        id: newId() as CriterionId,
        roundId: round.id,
        parentId,
        order,
        weight: 1,
        name: parentId ? `Tiêu chí ${siblings.length + 1}` : `Phần thi ${parts.length + 1}`,
        maxCp: 1000,
        stepCp: 50,
      });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          Phần thi và tiêu chí — tổng điểm tối đa {formatCp(maxTotalCp(criteria))}
        </Title>
        <Group gap="xs">
          <ImportWizard target="criteria" bundle={bundle} round={round} />
          <ExportList target="criteria" bundle={bundle} round={round} />
          <Button size="xs" variant="light" onClick={() => add(null)}>
            Thêm phần thi
          </Button>
        </Group>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert" mb="xs">
          {error}
        </Text>
      )}
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tên</Table.Th>
            <Table.Th>Điểm tối đa</Table.Th>
            <Table.Th>Bước điểm</Table.Th>
            <Table.Th>Hệ số</Table.Th>
            <Table.Th title="Phần thi: áp dụng cho loại mô hình nào. Tiêu chí: thư ký nhập một điểm chính thức, giám khảo không chấm">
              Áp dụng / Khách quan
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parts.flatMap((p) => [
            <CriterionRow key={p.id} c={p} isPart onError={setError} />,
            ...childrenOf(criteria, p.id).map((c) => (
              <CriterionRow key={c.id} c={c} isPart={false} onError={setError} />
            )),
            <Table.Tr key={`${p.id}-add`}>
              <Table.Td colSpan={6} pl="xl">
                <Button size="compact-xs" variant="subtle" onClick={() => add(p.id)}>
                  + Thêm tiêu chí vào “{p.name}”
                </Button>
              </Table.Td>
            </Table.Tr>,
          ])}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
