/**
 * What the data folder holds that this browser's database does not: contests whose journal and
 * setup copy are on disk (after a wiped or reset IndexedDB, or in a new browser), and every file
 * there that could not be used, named with what can be recovered. One click rebuilds a contest
 * from its journal (setup and scores); nothing on disk is ever skipped without a word.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { DiskContests as OnDisk } from '@shared/bridge/contract';
import type { ContestId } from '@shared/model/types';
import { useServices } from '../../app/services';
import { restoreContestFromDisk } from '../../journal/recover';

export function DiskContests({ onOpen }: { onOpen: (id: ContestId) => void }) {
  const { bridge, repos } = useServices();
  const local = useLiveQuery(() => repos.setup.listContests(), []);
  const [onDisk, setOnDisk] = useState<OnDisk>({ contests: [], problems: [] });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void bridge['contest:listSnapshots']().then((r) =>
      r.ok ? setOnDisk(r.value) : setError(r.error.message),
    );
  }, [bridge]);
  if (!local) return null;
  const isLocal = (id: string | null) => local.some((c) => c.id === id);
  const missing = onDisk.contests.filter((s) => !isLocal(s.contestId));
  const problems = onDisk.problems;
  if (missing.length === 0 && problems.length === 0 && !error) return null;

  async function restore(contestId: string) {
    setBusy(contestId);
    setError(null);
    const r = await restoreContestFromDisk(contestId as ContestId, repos, bridge).catch(
      (err: Error) => ({ ok: false as const, message: err.message }),
    );
    setBusy(null);
    if (!r.ok) return setError(r.message);
    onOpen(contestId as ContestId);
  }

  return (
    <Stack gap="sm">
      {problems.length > 0 && (
        <Alert
          color="red"
          title="Có tệp dữ liệu trên đĩa bị hỏng hoặc thiếu"
          data-testid="disk-problems"
        >
          <Stack gap="xs">
            {problems.map((p) => (
              <Group key={p.file} justify="space-between" wrap="nowrap">
                <Text size="sm">{p.message}</Text>
                {p.recoverable && p.contestId && !isLocal(p.contestId) && (
                  <Button
                    size="xs"
                    style={{ flexShrink: 0 }}
                    loading={busy === p.contestId}
                    onClick={() => restore(p.contestId!)}
                    aria-label={`Khôi phục ${p.name ?? p.contestId} từ sổ điểm`}
                  >
                    Khôi phục từ sổ điểm
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {(missing.length > 0 || error) && (
        <Alert
          color="yellow"
          title="Có cuộc thi trên đĩa chưa có trong dữ liệu của trình duyệt này"
          data-testid="disk-contests"
        >
          <Stack gap="xs">
            {error && <Text c="red">{error}</Text>}
            {missing.map((s) => (
              <Group key={s.contestId} justify="space-between">
                <Text>
                  {s.name} ({s.year}) — lưu lúc {new Date(s.savedAt).toLocaleString('vi-VN')}
                </Text>
                <Button
                  size="xs"
                  loading={busy === s.contestId}
                  onClick={() => restore(s.contestId)}
                  aria-label={`Khôi phục ${s.name}`}
                >
                  Khôi phục
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
