/**
 * Editing one entrant's record: for a model — name, unit, field, level, lead person, area, summary;
 * for a team — name, unit, cluster, khối, members (one per line).
 */
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ContestBundle } from '@shared/model/bundle';
import type { ClusterId, Entrant } from '@shared/model/types';
import { useServices } from '../../app/services';

export function EntrantEditor({
  entrant,
  bundle,
  onClose,
}: {
  entrant: Entrant;
  bundle: ContestBundle;
  onClose: () => void;
}) {
  const { repos } = useServices();
  const [e, setE] = useState<Entrant>(entrant);
  const [error, setError] = useState<string | null>(null);
  const clusters = bundle.clusters
    .filter((c) => c.roundId === entrant.roundId)
    .sort((a, b) => a.order - b.order);
  const set = <K extends keyof Entrant>(k: K, v: Entrant[K]) => setE((x) => ({ ...x, [k]: v }));
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  async function save() {
    if (!e.name.trim() || !e.code.trim()) return setError('Cần có mã và tên.');
    try {
      await repos.setup.saveEntrant({
        ...e,
        name: e.name.trim(),
        unit: e.unit.trim(),
        code: e.code.trim(),
      });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  const model = e.kind === 'model';
  return (
    <Modal opened onClose={onClose} title={`Sửa ${model ? 'mô hình' : 'đội thi'}`} size="lg">
      <Stack gap="xs">
        <Group grow>
          <TextInput
            label="Mã"
            value={e.code}
            onChange={(x) => set('code', x.currentTarget.value)}
          />
          <TextInput
            label={model ? 'Tên mô hình' : 'Tên đội thi'}
            value={e.name}
            onChange={(x) => set('name', x.currentTarget.value)}
          />
        </Group>
        <Group grow>
          <TextInput
            label="Đơn vị"
            value={e.unit}
            onChange={(x) => set('unit', x.currentTarget.value)}
          />
          {clusters.length > 0 && (
            <Select
              label="Cụm thi"
              value={e.clusterId}
              data={clusters.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(v) => set('clusterId', v as ClusterId | null)}
            />
          )}
          <TextInput
            label="Khối"
            value={e.group ?? ''}
            onChange={(x) => set('group', opt(x.currentTarget.value))}
          />
        </Group>
        {model ? (
          <>
            <Group grow>
              <Select
                label="Lĩnh vực"
                value={e.field ?? null}
                data={[...bundle.contest.fields]}
                onChange={(v) => set('field', v ?? undefined)}
                clearable
              />
              <TextInput
                label="Cấp"
                value={e.level ?? ''}
                onChange={(x) => set('level', opt(x.currentTarget.value))}
                placeholder="xã / huyện / tỉnh"
              />
              <TextInput
                label="Địa bàn"
                value={e.area ?? ''}
                onChange={(x) => set('area', opt(x.currentTarget.value))}
                placeholder="đô thị / miền núi, hải đảo"
              />
              <Select
                label="Loại mô hình"
                value={e.rubric ?? null}
                clearable
                data={[
                  { value: 'tap-the', label: 'Tập thể' },
                  { value: 'ca-nhan', label: 'Cá nhân' },
                ]}
                onChange={(v) => set('rubric', v ?? undefined)}
              />
            </Group>
            <TextInput
              label="Người phụ trách"
              value={e.lead ?? ''}
              onChange={(x) => set('lead', opt(x.currentTarget.value))}
            />
            <Textarea
              label="Tóm tắt"
              value={e.summary ?? ''}
              onChange={(x) => set('summary', opt(x.currentTarget.value))}
              autosize
              minRows={3}
            />
          </>
        ) : (
          <Textarea
            label="Thành viên (mỗi dòng một người)"
            value={(e.members ?? []).join('\n')}
            onChange={(x) =>
              set(
                'members',
                x.currentTarget.value
                  .split('\n')
                  .map((m) => m.trim())
                  .filter(Boolean),
              )
            }
            autosize
            minRows={3}
          />
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={save}>Lưu</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
