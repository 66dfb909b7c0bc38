/** Per-judge settings in the panel list: clusters they score, their PIN, removal. */
import { ActionIcon, Button, Group, Modal, MultiSelect, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Cluster, ClusterId, Judge } from '@shared/model/types';
import { hashPin, pinProblem } from '@shared/scoring/judge-pin';
import { useServices } from '../../app/services';

export function JudgeClusters({ judge, clusters }: { judge: Judge; clusters: readonly Cluster[] }) {
  const { repos } = useServices();
  if (clusters.length === 0) return null;
  return (
    <MultiSelect size="xs" w={220} placeholder="Tất cả các cụm" aria-label={`Cụm chấm của ${judge.name}`}
      data={clusters.map((c) => ({ value: c.id, label: c.name }))}
      value={judge.clusterIds.filter((id) => clusters.some((c) => c.id === id))}
      onChange={(v) => repos.setup.saveJudge({ ...judge, clusterIds: [...judge.clusterIds.filter((id) => !clusters.some((c) => c.id === id)), ...(v as ClusterId[])] })} />
  );
}

/** Field panel (tổ thẩm định): the fields this judge scores; none = every field. */
export function JudgeFields({ judge, fields }: { judge: Judge; fields: readonly string[] }) {
  const { repos } = useServices();
  if (fields.length === 0) return null;
  return (
    <MultiSelect size="xs" w={240} placeholder="Mọi lĩnh vực" aria-label={`Lĩnh vực chấm của ${judge.name}`} data={[...fields]}
      value={[...judge.fields]} onChange={(v) => repos.setup.saveJudge({ ...judge, fields: v })} />
  );
}

export function JudgePin({ judge }: { judge: Judge }) {
  const { repos } = useServices();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const problem = pin ? pinProblem(pin) : null;
  return (
    <>
      <Group gap={4}>
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>{judge.pinHash ? 'Đổi PIN' : 'Đặt PIN'}</Button>
        {judge.pinHash && <ActionIcon size="xs" variant="subtle" color="red" aria-label={`Bỏ PIN của ${judge.name}`} onClick={() => repos.setup.saveJudge({ ...judge, pinHash: undefined })}>✕</ActionIcon>}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Mã PIN của ${judge.name}`}>
        <Stack component="form" onSubmit={async (e) => { e.preventDefault(); if (pinProblem(pin)) return; await repos.setup.saveJudge({ ...judge, pinHash: hashPin(judge.id, pin) }); setPin(''); setOpen(false); }}>
          <PasswordInput label="PIN mới (4–8 chữ số)" value={pin} onChange={(e) => setPin(e.currentTarget.value)} autoFocus />
          {problem && <Text c="red" size="sm">{problem}</Text>}
          <Button type="submit" disabled={!pin || !!problem}>Lưu PIN</Button>
        </Stack>
      </Modal>
    </>
  );
}
