/**
 * The head judge signs off a round: a 'lock' event in the journal, from which the round is locked.
 * After that every score change is an amendment with a reason.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import { useServices } from '../../app/services';

export function LockRound({
  bundle,
  round,
  openIssues,
}: {
  bundle: ContestBundle;
  round: Round;
  openIssues: number;
}) {
  const { repos } = useServices();
  const [open, setOpen] = useState(false);
  const head = bundle.judges.find((j) => j.role === 'head');
  if (round.locked)
    return (
      <Text size="sm" c="dimmed" data-testid="round-locked">
        Kết quả vòng đã khóa.
      </Text>
    );
  async function lock() {
    // One event; the round's `locked` is derived from it in the same transaction.
    await repos.structure.lockRound(
      round,
      { role: 'head', name: head?.name ?? '' },
      'Trưởng Ban giám khảo ký xác nhận kết quả',
    );
    setOpen(false);
  }
  return (
    <>
      <Button variant="outline" color="dark" onClick={() => setOpen(true)} disabled={!head}>
        Khóa kết quả (Trưởng ban)
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Khóa kết quả ${round.name}`}>
        <Stack>
          {openIssues > 0 && (
            <Text c="orange" size="sm">
              Còn {openIssues} việc chờ quyết định (đồng điểm tại ranh giới giải, chênh lệch điểm
              lớn).
            </Text>
          )}
          <Text size="sm">
            Trưởng ban {head?.name} xác nhận kết quả. Sau khi khóa, mọi thay đổi điểm phải ghi lý do
            điều chỉnh.
          </Text>
          <Group justify="flex-end">
            <Button onClick={lock}>Khóa kết quả</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
