/**
 * Contests whose copy is on disk (main side) but not in this browser's database — after a wiped
 * or reset IndexedDB, or in a new browser. One click puts the setup back; opening the contest then
 * rebuilds its scores from the journal.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '@shared/model/bundle';
import type { ContestId } from '@shared/model/types';
import { useServices } from '../../app/services';

export function DiskContests({ onOpen }: { onOpen: (id: ContestId) => void }) {
  const { bridge, repos } = useServices();
  const local = useLiveQuery(() => repos.setup.listContests(), []);
  const [onDisk, setOnDisk] = useState<SnapshotInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void bridge['contest:listSnapshots']().then((r) => (r.ok ? setOnDisk(r.value) : setError(r.error.message)));
  }, [bridge]);
  if (!local) return null;
  const missing = onDisk.filter((s) => !local.some((c) => c.id === s.contestId));
  if (missing.length === 0 && !error) return null;

  async function restore(s: SnapshotInfo) {
    const r = await bridge['contest:readSnapshot'](s.contestId);
    if (!r.ok) return setError(r.error.message);
    await repos.setup.restoreBundle(r.value);
    onOpen(s.contestId as ContestId);
  }

  return (
    <Alert color="yellow" title="Có cuộc thi trên đĩa chưa có trong dữ liệu của trình duyệt này" data-testid="disk-contests">
      <Stack gap="xs">
        {error && <Text c="red">{error}</Text>}
        {missing.map((s) => (
          <Group key={s.contestId} justify="space-between">
            <Text>{s.name} ({s.year}) — lưu lúc {new Date(s.savedAt).toLocaleString('vi-VN')}</Text>
            <Button size="xs" onClick={() => restore(s)} aria-label={`Khôi phục ${s.name}`}>Khôi phục</Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
