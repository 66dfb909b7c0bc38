/**
 * A round's rules: name, aggregation policy, advancement, prize ladder and venue. What the form
 * shows and saves is shared/setup/round-rules-form.ts; this component only holds and renders it.
 */
import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Round } from '@shared/model/types';
import {
  applyRoundRulesForm,
  DEFAULT_MIN_PANEL,
  roundRulesForm,
  type RoundRulesFormValues,
} from '@shared/setup/round-rules-form';
import { useServices } from '../../app/services';

const POLICIES = [
  { value: 'mean', label: 'Trung bình cộng các giám khảo đã chấm' },
  { value: 'trimmedMean', label: 'Bỏ điểm cao nhất và thấp nhất, lấy trung bình' },
  { value: 'median', label: 'Trung vị' },
  { value: 'zScore', label: 'Chuẩn hóa theo giám khảo (điểm z)' },
];

export function RoundRulesForm({ round }: { round: Round }) {
  const { repos } = useServices();
  const [form, setForm] = useState<RoundRulesFormValues>(() => roundRulesForm(round));
  const set = <K extends keyof RoundRulesFormValues>(key: K, value: RoundRulesFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const { name, policy, minPanel, perCluster, overall, prizesPerCluster, ladder, venue } = form;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setMessage(null), [round.id]);

  async function save() {
    const out = applyRoundRulesForm(round, form);
    if (!out.ok)
      return setMessage({ ok: false, text: out.problems.map((p) => p.message).join('\n') });
    try {
      await repos.structure.saveRound(out.round);
      setMessage({ ok: true, text: 'Đã lưu quy định của vòng.' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        Quy định của vòng
      </Title>
      <Stack gap="xs">
        <Group align="end">
          <TextInput
            label="Tên vòng"
            value={name}
            onChange={(e) => set('name', e.currentTarget.value)}
            w={260}
          />
          <Select
            label="Cách tính điểm"
            data={POLICIES}
            value={policy}
            onChange={(v) => v && set('policy', v as RoundRulesFormValues['policy'])}
            allowDeselect={false}
            w={360}
          />
          {policy === 'trimmedMean' && (
            <NumberInput
              label="Áp dụng khi có từ … giám khảo"
              value={minPanel}
              min={3}
              max={20}
              onChange={(v) => set('minPanel', Number(v) || DEFAULT_MIN_PANEL)}
              w={200}
            />
          )}
          <TextInput
            label="Địa điểm"
            value={venue}
            onChange={(e) => set('venue', e.currentTarget.value)}
            w={240}
          />
        </Group>
        <Group align="end">
          <NumberInput
            label="Vào vòng sau: mỗi cụm lấy"
            value={perCluster}
            min={0}
            max={50}
            onChange={(v) => set('perCluster', Number(v) || 0)}
            w={200}
          />
          <NumberInput
            label="và thêm … đội cao điểm nhất"
            value={overall}
            min={0}
            max={200}
            onChange={(v) => set('overall', Number(v) || 0)}
            w={200}
          />
          <Checkbox
            label="Trao giải theo từng cụm thi"
            checked={prizesPerCluster}
            onChange={(e) => set('prizesPerCluster', e.currentTarget.checked)}
          />
        </Group>
        <Textarea
          label="Cơ cấu giải (mỗi dòng một giải: “Giải Nhất: 1” theo số lượng, “Công nhận: ≥ 80” theo ngưỡng điểm, “Giải Khuyến khích: còn lại” cho các đội còn lại)"
          value={ladder}
          onChange={(e) => set('ladder', e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <Group>
          <Button onClick={save} size="xs">
            Lưu quy định
          </Button>
          {message && (
            <Text
              c={message.ok ? 'green' : 'red'}
              size="sm"
              role="status"
              style={{ whiteSpace: 'pre-line' }}
            >
              {message.text}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
