/** A round's rules: name, aggregation policy, advancement, prize ladder, date and venue. */
import { Button, Card, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AggregationPolicy, PrizeTier, Round } from '@shared/model/types';
import { useServices } from '../../app/services';
import { formatLadder, parseLadder } from './ladder-text';

const POLICIES = [
  { value: 'mean', label: 'Trung bình cộng các giám khảo đã chấm' },
  { value: 'trimmedMean', label: 'Bỏ điểm cao nhất và thấp nhất, lấy trung bình' },
  { value: 'median', label: 'Trung vị' },
  { value: 'zScore', label: 'Chuẩn hóa theo giám khảo (điểm z)' },
];

function policyOf(kind: string, minPanel: number): AggregationPolicy {
  switch (kind) {
    case 'trimmedMean': return { kind, drop: 1, minPanel };
    case 'median': return { kind };
    case 'zScore': return { kind };
    default: return { kind: 'mean' };
  }
}

export function RoundRulesForm({ round }: { round: Round }) {
  const { repos } = useServices();
  const [name, setName] = useState(round.name);
  const [policy, setPolicy] = useState<string>(round.policy.kind);
  const [minPanel, setMinPanel] = useState(round.policy.kind === 'trimmedMean' ? round.policy.minPanel : 5);
  const [perCluster, setPerCluster] = useState(round.advancement?.perCluster ?? 0);
  const [overall, setOverall] = useState(round.advancement?.overall ?? 0);
  const [prizesPerCluster, setPrizesPerCluster] = useState(round.prizesPerCluster);
  const [ladder, setLadder] = useState(formatLadder(round.prizes));
  const [venue, setVenue] = useState(round.venue ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setMessage(null), [round.id]);

  async function save() {
    const parsed = parseLadder(ladder);
    if (!parsed.ok) return setMessage({ ok: false, text: parsed.error });
    const prizes: PrizeTier[] = parsed.tiers;
    try {
      await repos.structure.saveRound({
        ...round, name: name.trim() || round.name, policy: policyOf(policy, minPanel), prizes, prizesPerCluster, venue: venue.trim() || undefined,
        advancement: perCluster || overall ? { perCluster, overall } : undefined,
      });
      setMessage({ ok: true, text: 'Đã lưu quy định của vòng.' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <Card withBorder>
      <Title order={5} mb="xs">Quy định của vòng</Title>
      <Stack gap="xs">
        <Group align="end">
          <TextInput label="Tên vòng" value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} />
          <Select label="Cách tính điểm" data={POLICIES} value={policy} onChange={(v) => v && setPolicy(v)} allowDeselect={false} w={360} />
          {policy === 'trimmedMean' && <NumberInput label="Áp dụng khi có từ … giám khảo" value={minPanel} min={3} max={20} onChange={(v) => setMinPanel(Number(v) || 5)} w={200} />}
          <TextInput label="Địa điểm" value={venue} onChange={(e) => setVenue(e.currentTarget.value)} w={240} />
        </Group>
        <Group align="end">
          <NumberInput label="Vào vòng sau: mỗi cụm lấy" value={perCluster} min={0} max={50} onChange={(v) => setPerCluster(Number(v) || 0)} w={200} />
          <NumberInput label="và thêm … đội cao điểm nhất" value={overall} min={0} max={200} onChange={(v) => setOverall(Number(v) || 0)} w={200} />
          <Checkbox label="Trao giải theo từng cụm thi" checked={prizesPerCluster} onChange={(e) => setPrizesPerCluster(e.currentTarget.checked)} />
        </Group>
        <Textarea label="Cơ cấu giải (mỗi dòng một giải: “Giải Nhất: 1” theo số lượng, hoặc “Công nhận: ≥ 80” theo ngưỡng điểm)" value={ladder} onChange={(e) => setLadder(e.currentTarget.value)} autosize minRows={3} />
        <Group>
          <Button onClick={save} size="xs">Lưu quy định</Button>
          {message && <Text c={message.ok ? 'green' : 'red'} size="sm" role="status">{message.text}</Text>}
        </Group>
      </Stack>
    </Card>
  );
}
