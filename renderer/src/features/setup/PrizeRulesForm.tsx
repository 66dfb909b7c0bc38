/**
 * The finer rules boards vary: tie-break chain, shared tiers, prize cap, missing scores, the
 * discrepancy gap, a ladder per khối, side prizes; and for award rounds the pass mark that depends
 * on an entrant attribute (with a floor per standard) and the funnel counts. What the form shows
 * and saves is shared/setup/prize-rules-form.ts; this component only holds and renders the values.
 */
import {
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { childrenOf } from '@shared/model/criteria-tree';
import type { Criterion, PassMarkRule, Round } from '@shared/model/types';
import {
  applyPrizeRulesForm,
  prizeRulesForm,
  type PrizeRulesFormValues,
} from '@shared/setup/prize-rules-form';
import { useServices } from '../../app/services';

const RULES = [
  { value: 'firstPlaces', label: 'Nhiều giám khảo xếp thứ nhất hơn' },
  { value: 'headJudgeTotal', label: 'Điểm của Trưởng ban cao hơn' },
  { value: 'tieBreakQuestion', label: 'Câu hỏi phụ' },
  { value: 'lot', label: 'Bốc thăm (ghi lại mã bốc thăm)' },
];

export function PrizeRulesForm({
  round,
  criteria,
}: {
  round: Round;
  criteria: readonly Criterion[];
}) {
  const { repos, now } = useServices();
  const parts = childrenOf(criteria, null);
  const [form, setForm] = useState<PrizeRulesFormValues>(() => prizeRulesForm(round));
  const set = <K extends keyof PrizeRulesFormValues>(key: K, value: PrizeRulesFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const {
    chain,
    shareTies: share,
    capPercent: cap,
    requireAll,
    gapPoints: gap,
    perGroup,
    groups,
    bestParts,
    chosen,
    pass,
    passAttribute: passAttr,
    passDefault,
    floorPercent: floor,
    funnel,
  } = form;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save() {
    // Only a lot rule added by this save gets this seed; a lot already in the chain keeps its own.
    const out = applyPrizeRulesForm(round, form, {
      newSeed: now().getTime() % 1_000_000,
      criteria,
    });
    if (!out.ok)
      return setMessage({ ok: false, text: out.problems.map((p) => p.message).join('\n') });
    try {
      await repos.structure.saveRound(out.round);
      setMessage({ ok: true, text: 'Đã lưu.' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <Card withBorder data-testid="prize-rules">
      <Title order={5} mb="xs">
        Xếp hạng, giải thưởng và công nhận
      </Title>
      <Stack gap="xs">
        <MultiSelect
          label="Khi bằng điểm, xét lần lượt"
          value={[...chain]}
          onChange={(v) => set('chain', v)}
          w={640}
          data={[
            ...parts.map((p) => ({ value: `part:${p.id}`, label: `Điểm phần ${p.name}` })),
            ...RULES,
          ]}
        />
        <Group>
          <Checkbox
            label="Bằng điểm thì đồng giải (số giải tăng thêm)"
            checked={share}
            onChange={(e) => set('shareTies', e.currentTarget.checked)}
          />
          <Checkbox
            label="Chỉ xếp hạng khi đủ điểm của mọi giám khảo"
            checked={requireAll}
            onChange={(e) => set('requireAll', e.currentTarget.checked)}
          />
          <Checkbox
            label="Cơ cấu giải riêng cho từng khối"
            checked={perGroup}
            onChange={(e) => set('perGroup', e.currentTarget.checked)}
          />
        </Group>
        <Group align="end">
          <NumberInput
            label="Tổng số giải không quá (% số đội)"
            value={cap}
            onChange={(v) => set('capPercent', v === '' ? '' : Number(v))}
            min={1}
            max={100}
            w={230}
          />
          <NumberInput
            label="Cảnh báo chênh lệch điểm giữa 2 giám khảo trên (điểm)"
            value={gap}
            onChange={(v) => set('gapPoints', v === '' ? '' : Number(v))}
            min={0}
            w={330}
            placeholder="20 % điểm tối đa"
            decimalSeparator=","
          />
        </Group>
        {perGroup && (
          <Textarea
            label="Giải theo khối: “[Tên khối]” rồi các dòng “Giải Nhất: 1”"
            value={groups}
            onChange={(e) => set('groups', e.currentTarget.value)}
            autosize
            minRows={3}
          />
        )}
        <Group align="end">
          <MultiSelect
            label="Giải phụ: phần thi hay nhất"
            data={parts.map((p) => ({ value: p.id, label: p.name }))}
            value={[...bestParts]}
            onChange={(v) => set('bestParts', v)}
            w={360}
          />
          <TextInput
            label="Giải phụ do Ban giám khảo chọn (cách nhau bởi ;)"
            value={chosen}
            onChange={(e) => set('chosen', e.currentTarget.value)}
            w={360}
            placeholder="Giải phong cách"
          />
        </Group>
        {round.stage === 'award' && (
          <>
            <Text size="sm" fw={600} mt="xs">
              Bình xét mô hình: ngưỡng công nhận
            </Text>
            <Group align="end">
              <Select
                label="Ngưỡng theo"
                value={passAttr}
                onChange={(v) => v && set('passAttribute', v as PassMarkRule['attribute'])}
                allowDeselect={false}
                w={170}
                data={[
                  { value: 'area', label: 'Địa bàn' },
                  { value: 'level', label: 'Cấp' },
                  { value: 'field', label: 'Lĩnh vực' },
                  { value: 'rubric', label: 'Tập thể / cá nhân' },
                  { value: 'group', label: 'Khối' },
                ]}
              />
              <NumberInput
                label="Ngưỡng chung (điểm)"
                value={passDefault}
                onChange={(v) => set('passDefault', v === '' ? '' : Number(v))}
                w={170}
                decimalSeparator=","
              />
              <NumberInput
                label="Mỗi tiêu chuẩn tối thiểu (%)"
                value={floor}
                onChange={(v) => set('floorPercent', Number(v) || 0)}
                min={0}
                max={100}
                w={200}
              />
              <NumberInput
                label="Số mô hình tiêu biểu"
                value={funnel.exemplary}
                onChange={(v) => set('funnel', { ...funnel, exemplary: Number(v) || 0 })}
                min={0}
                w={170}
              />
              <NumberInput
                label="Số mô hình khen thưởng"
                value={funnel.commended}
                onChange={(v) => set('funnel', { ...funnel, commended: Number(v) || 0 })}
                min={0}
                w={170}
              />
            </Group>
            <Textarea
              label="Ngưỡng riêng (mỗi dòng “giá trị: điểm”, ví dụ “đô thị: 90”, “miền núi, hải đảo: 60”)"
              value={pass}
              onChange={(e) => set('pass', e.currentTarget.value)}
              autosize
              minRows={2}
            />
          </>
        )}
        <Group>
          <Button size="xs" onClick={save}>
            Lưu quy định giải
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
