/**
 * A judge opens their own sheet: pick your name, type your PIN if the secretariat set one. The
 * session then shows only that judge's sheet (see JudgeSession).
 */
import { Button, Modal, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Judge } from '@shared/model/types';
import { pinMatches } from '@shared/scoring/judge-pin';

export function JudgeSignIn({
  judges,
  onSignIn,
}: {
  judges: readonly Judge[];
  onSignIn: (j: Judge) => void;
}) {
  const [open, setOpen] = useState(false);
  const [judgeId, setJudgeId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const judge = judges.find((j) => j.id === judgeId);
  function go() {
    if (!judge) return;
    if (!pinMatches(judge, pin)) return setError('Mã PIN không đúng.');
    setOpen(false);
    setPin('');
    setError(null);
    onSignIn(judge);
  }
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="grape"
        onClick={() => setOpen(true)}
        disabled={judges.length === 0}
      >
        Giám khảo vào chấm
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Giám khảo vào chấm điểm">
        <Stack
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            go();
          }}
        >
          <Select
            label="Tôi là"
            data={judges.map((j) => ({ value: j.id, label: j.name }))}
            value={judgeId}
            onChange={setJudgeId}
            searchable
          />
          {judge?.pinHash && (
            <PasswordInput
              label="Mã PIN"
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
              autoFocus
            />
          )}
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Button type="submit" disabled={!judge}>
            Mở phiếu của tôi
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
