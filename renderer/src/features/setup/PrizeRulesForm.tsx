/**
 * The finer rules boards vary: tie-break chain, shared tiers, prize cap, missing scores, the
 * discrepancy gap, a ladder per khối, side prizes; and for award rounds the pass mark that depends
 * on an entrant attribute (with a floor per standard) and the funnel counts.
 */
import { Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { childrenOf } from '@shared/model/criteria-tree';
import type { Criterion, CriterionId, GroupLadder, PassMarkRule, Round, SidePrizeSpec, TieBreakRule } from '@shared/model/types';
import { formatCp } from '@shared/scoring/format';
import { parseCentipoints } from '@shared/scoring/score-value';
import { useServices } from '../../app/services';
import { formatLadder, parseLadder } from './ladder-text';

const RULES = [
  { value: 'firstPlaces', label: 'Nhiều giám khảo xếp thứ nhất hơn' },
  { value: 'headJudgeTotal', label: 'Điểm của Trưởng ban cao hơn' },
  { value: 'tieBreakQuestion', label: 'Câu hỏi phụ' },
  { value: 'lot', label: 'Bốc thăm (ghi lại mã bốc thăm)' },
];

const ruleKey = (r: TieBreakRule) => (r.kind === 'part' ? `part:${r.criterionId}` : r.kind);

export function PrizeRulesForm({ round, criteria }: { round: Round; criteria: readonly Criterion[] }) {
  const { repos, now } = useServices();
  const parts = childrenOf(criteria, null);
  const [chain, setChain] = useState<string[]>(round.tieBreak.map(ruleKey));
  const [share, setShare] = useState(round.shareTies ?? true);
  const [cap, setCap] = useState<number | ''>(round.prizeCapPercent ?? '');
  const [requireAll, setRequireAll] = useState(round.missingScores === 'requireAll');
  const [gap, setGap] = useState<number | ''>(round.discrepancyGapCp !== undefined ? round.discrepancyGapCp / 100 : '');
  const [perGroup, setPerGroup] = useState(!!round.prizesPerGroup);
  const [groups, setGroups] = useState((round.groupPrizes ?? []).map((g) => `[${g.group}]\n${formatLadder(g.prizes)}`).join('\n'));
  const [bestParts, setBestParts] = useState<string[]>((round.sidePrizes ?? []).flatMap((p) => (p.kind === 'bestPart' ? [p.criterionId] : [])));
  const [chosen, setChosen] = useState((round.sidePrizes ?? []).filter((p) => p.kind === 'chosen').map((p) => p.name).join('; '));
  const [pass, setPass] = useState(round.passMark ? `${round.passMark.marks.map((m) => `${m.value}: ${formatCp(m.cp)}`).join('\n')}` : '');
  const [passAttr, setPassAttr] = useState<PassMarkRule['attribute']>(round.passMark?.attribute ?? 'area');
  const [passDefault, setPassDefault] = useState<number | ''>(round.passMark ? round.passMark.defaultCp / 100 : '');
  const [floor, setFloor] = useState<number>(round.passMark?.standardFloorPercent ?? 50);
  const [funnel, setFunnel] = useState(round.funnel ?? { exemplary: 0, commended: 0 });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function parseGroups(): GroupLadder[] | string {
    const out: GroupLadder[] = [];
    for (const block of groups.split(/^\[/m).map((b) => b.trim()).filter(Boolean)) {
      const [head, ...lines] = block.split(/\r?\n/);
      const group = head.replace(/\]\s*$/, '').trim();
      const ladder = parseLadder(lines.join('\n'));
      if (!ladder.ok) return `Khối “${group}”: ${ladder.error}`;
      out.push({ group, prizes: ladder.tiers });
    }
    return out;
  }

  function parsePass(): PassMarkRule | undefined | string {
    if (passDefault === '') return undefined;
    const marks: { value: string; cp: number }[] = [];
    for (const line of pass.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      const m = /^(.+?)\s*:\s*([\d.,]+)$/.exec(line);
      const cp = m ? parseCentipoints(m[2]) : null;
      if (!m || typeof cp !== 'number') return `Ngưỡng công nhận “${line}”: cần dạng “miền núi, hải đảo: 60”.`;
      marks.push({ value: m[1].trim(), cp });
    }
    return { attribute: passAttr, marks, defaultCp: Math.round(Number(passDefault) * 100), standardFloorPercent: floor };
  }

  async function save() {
    const groupPrizes = parseGroups();
    if (typeof groupPrizes === 'string') return setMessage({ ok: false, text: groupPrizes });
    const passMark = parsePass();
    if (typeof passMark === 'string') return setMessage({ ok: false, text: passMark });
    const tieBreak: TieBreakRule[] = chain.map((k) => (k.startsWith('part:') ? { kind: 'part', criterionId: k.slice(5) as CriterionId } : k === 'lot' ? { kind: 'lot', seed: now().getTime() % 1_000_000 } : { kind: k as 'firstPlaces' }));
    const sidePrizes: SidePrizeSpec[] = [
      ...bestParts.map((id) => ({ kind: 'bestPart' as const, criterionId: id as CriterionId, name: `Phần thi ${parts.find((p) => p.id === id)?.name ?? ''} hay nhất` })),
      ...chosen.split(';').map((n) => n.trim()).filter(Boolean).map((name) => ({ kind: 'chosen' as const, name })),
    ];
    try {
      await repos.structure.saveRound({
        ...round, tieBreak, shareTies: share, prizeCapPercent: cap === '' ? undefined : cap, missingScores: requireAll ? 'requireAll' : 'meanOfPresent',
        discrepancyGapCp: gap === '' ? undefined : Math.round(gap * 100), prizesPerGroup: perGroup, groupPrizes, sidePrizes, passMark,
        funnel: passMark ? funnel : round.funnel,
      });
      setMessage({ ok: true, text: 'Đã lưu.' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <Card withBorder data-testid="prize-rules">
      <Title order={5} mb="xs">Xếp hạng, giải thưởng và công nhận</Title>
      <Stack gap="xs">
        <MultiSelect label="Khi bằng điểm, xét lần lượt" value={chain} onChange={setChain} w={640}
          data={[...parts.map((p) => ({ value: `part:${p.id}`, label: `Điểm phần ${p.name}` })), ...RULES]} />
        <Group>
          <Checkbox label="Bằng điểm thì đồng giải (số giải tăng thêm)" checked={share} onChange={(e) => setShare(e.currentTarget.checked)} />
          <Checkbox label="Chỉ xếp hạng khi đủ điểm của mọi giám khảo" checked={requireAll} onChange={(e) => setRequireAll(e.currentTarget.checked)} />
          <Checkbox label="Cơ cấu giải riêng cho từng khối" checked={perGroup} onChange={(e) => setPerGroup(e.currentTarget.checked)} />
        </Group>
        <Group align="end">
          <NumberInput label="Tổng số giải không quá (% số đội)" value={cap} onChange={(v) => setCap(v === '' ? '' : Number(v))} min={1} max={100} w={230} />
          <NumberInput label="Cảnh báo chênh lệch điểm giữa 2 giám khảo trên (điểm)" value={gap} onChange={(v) => setGap(v === '' ? '' : Number(v))} min={0} w={330} placeholder="20 % điểm tối đa" decimalSeparator="," />
        </Group>
        {perGroup && <Textarea label="Giải theo khối: “[Tên khối]” rồi các dòng “Giải Nhất: 1”" value={groups} onChange={(e) => setGroups(e.currentTarget.value)} autosize minRows={3} />}
        <Group align="end">
          <MultiSelect label="Giải phụ: phần thi hay nhất" data={parts.map((p) => ({ value: p.id, label: p.name }))} value={bestParts} onChange={setBestParts} w={360} />
          <TextInput label="Giải phụ do Ban giám khảo chọn (cách nhau bởi ;)" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} w={360} placeholder="Giải phong cách" />
        </Group>
        {round.stage === 'award' && (<>
        <Text size="sm" fw={600} mt="xs">Bình xét mô hình: ngưỡng công nhận</Text>
        <Group align="end">
          <Select label="Ngưỡng theo" value={passAttr} onChange={(v) => v && setPassAttr(v as PassMarkRule['attribute'])} allowDeselect={false} w={170}
            data={[{ value: 'area', label: 'Địa bàn' }, { value: 'level', label: 'Cấp' }, { value: 'field', label: 'Lĩnh vực' }, { value: 'rubric', label: 'Tập thể / cá nhân' }, { value: 'group', label: 'Khối' }]} />
          <NumberInput label="Ngưỡng chung (điểm)" value={passDefault} onChange={(v) => setPassDefault(v === '' ? '' : Number(v))} w={170} decimalSeparator="," />
          <NumberInput label="Mỗi tiêu chuẩn tối thiểu (%)" value={floor} onChange={(v) => setFloor(Number(v) || 0)} min={0} max={100} w={200} />
          <NumberInput label="Số mô hình tiêu biểu" value={funnel.exemplary} onChange={(v) => setFunnel({ ...funnel, exemplary: Number(v) || 0 })} min={0} w={170} />
          <NumberInput label="Số mô hình khen thưởng" value={funnel.commended} onChange={(v) => setFunnel({ ...funnel, commended: Number(v) || 0 })} min={0} w={170} />
        </Group>
        <Textarea label="Ngưỡng riêng (mỗi dòng “giá trị: điểm”, ví dụ “đô thị: 90”, “miền núi, hải đảo: 60”)" value={pass} onChange={(e) => setPass(e.currentTarget.value)} autosize minRows={2} />
        </>)}
        <Group>
          <Button size="xs" onClick={save}>Lưu quy định giải</Button>
          {message && <Text c={message.ok ? 'green' : 'red'} size="sm" role="status">{message.text}</Text>}
        </Group>
      </Stack>
    </Card>
  );
}
