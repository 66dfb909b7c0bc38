/**
 * "Kiểm tra bản in": type or paste the code printed at the foot of a scoreboard, certificate or
 * score sheet; the main side finds the state of the journal file the document was made from
 * (shared/journal/printout.ts) and answers with a summary — the journal itself never comes here.
 * The card says whether today's data still gives exactly that document, lists what came after it
 * (time, who, what, old → new), or warns that the printed state is no longer in the data.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { auditTrail, type AuditRow } from '@shared/audit/audit-trail';
import type { ListedEvent, PrintCheck } from '@shared/journal/printout';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import { useServices } from '../../app/services';

/** Short names of event kinds for the summary line (the table's wording comes from auditTrail). */
const KIND_NAMES: Record<string, string> = {
  enter: 'nhập điểm',
  edit: 'sửa điểm',
  clear: 'xóa điểm',
  submit: 'nộp phiếu',
  reopen: 'mở lại phiếu',
  verifyConfirm: 'xác nhận nhập kép',
  verifyReject: 'từ chối nhập kép',
  lock: 'khóa kết quả',
  amend: 'điều chỉnh sau khóa',
  penalty: 'trừ điểm',
  objective: 'điểm khách quan',
  tieBreak: 'câu hỏi phụ',
  comment: 'nhận xét',
  setup: 'thiết lập',
  decision: 'quyết định của Ban giám khảo',
};

const ALL = '';
const time = (at: string) => new Date(at).toLocaleString('vi-VN');
const when = (first: string | null, last: string | null) =>
  !first || !last
    ? ''
    : first === last
      ? `, lúc ${time(first)}`
      : `, từ ${time(first)} đến ${time(last)}`;

export function PrintCheckCard({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { bridge } = useServices();
  const [code, setCode] = useState('');
  const [roundId, setRoundId] = useState<string>(round.id);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<
    { check: PrintCheck; roundId: string | null } | { error: string } | null
  >(null);

  async function run() {
    setBusy(true);
    try {
      const asked = roundId === ALL ? null : roundId;
      const r = await bridge['journal:checkPrint'](bundle.contest.id, { code, roundId: asked });
      setAnswer(r.ok ? { check: r.value, roundId: asked } : { error: r.error.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder data-testid="print-check-card">
      <Title order={5} mb="xs">
        Kiểm tra bản in
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Gõ hoặc dán mã in ở cuối bảng điểm, giấy khen hay phiếu chấm (sau chữ “Mã kiểm tra nhật ký
        chấm điểm:”). Ứng dụng tìm lại dữ liệu lúc in và cho biết dữ liệu hôm nay có còn cho đúng
        văn bản đó không.
      </Text>
      <Group align="end" mb="xs">
        <TextInput
          label="Mã trên bản in"
          placeholder="VD: 3F2A9C01B7DE"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !busy) void run();
          }}
          w={320}
        />
        <Select
          label="Văn bản của vòng"
          data={[
            { value: ALL, label: 'Mọi vòng' },
            ...[...bundle.rounds]
              .sort((a, b) => a.order - b.order)
              .map((r) => ({ value: r.id, label: r.name })),
          ]}
          value={roundId}
          onChange={(v) => setRoundId(v ?? ALL)}
          allowDeselect={false}
          w={240}
        />
        <Button onClick={run} loading={busy}>
          Kiểm tra bản in
        </Button>
      </Group>
      {answer && 'error' in answer && (
        <Alert color="red" data-testid="print-check">
          {answer.error}
        </Alert>
      )}
      {answer && 'check' in answer && (
        <Verdict bundle={bundle} check={answer.check} roundId={answer.roundId} />
      )}
    </Card>
  );
}

function Verdict({
  bundle,
  check,
  roundId,
}: {
  bundle: ContestBundle;
  check: PrintCheck;
  roundId: string | null;
}) {
  const roundName = (id: string) =>
    id === '*' ? 'toàn cuộc thi' : (bundle.rounds.find((r) => r.id === id)?.name ?? id);
  const scope = roundId === null ? 'mọi vòng' : roundName(roundId);
  if (check.status === 'badCode')
    return (
      <Alert color="orange" data-testid="print-check" title="Mã chưa đúng dạng">
        {check.message}
      </Alert>
    );
  const notes = check.notes.length > 0 && (
    <Text size="sm" c="dimmed">
      {check.notes.join(' ')}
    </Text>
  );
  if (check.status === 'notFound') {
    return (
      <Alert
        color="red"
        data-testid="print-check"
        data-verdict="notFound"
        title={`Không tìm thấy trong dữ liệu trạng thái đã dùng để in mã ${check.code}`}
      >
        <Stack gap={4}>
          {notes}
          {check.why === 'empty' && (
            <Text size="sm">
              Sổ điểm của cuộc thi này không có sự kiện nào: các dòng đã bị xóa, hoặc bản in thuộc
              cuộc thi khác.
            </Text>
          )}
          {check.why === 'damaged' && check.damage && (
            <Text size="sm">
              Sổ điểm có dòng bị sửa hoặc hỏng — {check.damage.reason} Chạy “Kiểm tra toàn vẹn” để
              xem chi tiết.
            </Text>
          )}
          {check.why === 'unknown' && (
            <>
              <Text size="sm" fw={600}>
                Cảnh báo: sổ điểm có thể đã bị viết lại sau khi in.
              </Text>
              <Text size="sm">
                Sổ điểm hiện nay nguyên vẹn theo kiểm tra trên máy, nhưng không có lúc nào trong đó
                cho ra mã này. Máy không phân biệt được các trường hợp: sổ điểm đã bị sửa rồi tính
                lại toàn bộ chuỗi mã; các dòng cuối đã bị xóa sau khi in; mã bị gõ nhầm; bản in
                thuộc cuộc thi khác hoặc được in từ một máy khác có sổ điểm khác. Hãy đối chiếu lại
                từng ký tự với bản in. Nếu mã đúng và bản in là của cuộc thi này, trên máy này, thì
                dữ liệu hôm nay không còn là dữ liệu đã dùng để in — bản in có chữ ký là căn cứ, cần
                người có thẩm quyền kiểm tra.
              </Text>
            </>
          )}
          <Text size="xs" c="dimmed">
            Mã hiện nay của sổ điểm: {check.head} ({check.events.toLocaleString('vi-VN')} sự kiện).
          </Text>
        </Stack>
      </Alert>
    );
  }
  const { since, cut } = check;
  const at =
    cut.line !== null
      ? `đến dòng ${cut.line} của tệp sổ điểm`
      : `gồm ${cut.events.toLocaleString('vi-VN')} sự kiện đầu của sổ điểm`;
  const made =
    cut.events === 0
      ? 'Bản in được lập khi sổ điểm chưa có sự kiện nào.'
      : `Bản in được lập từ dữ liệu ${at} (${cut.events.toLocaleString('vi-VN')} sự kiện; ${cut.devices.map((d) => `máy ${d.deviceId.slice(0, 8)} đến số ${d.seq}`).join(', ')}).`;
  const others = since.rounds.filter(
    (r) => roundId !== null && r.roundId !== roundId && r.roundId !== '*',
  );
  const kinds = since.kinds.map((k) => `${k.events} ${KIND_NAMES[k.kind] ?? k.kind}`).join(', ');
  return (
    <Alert
      color={check.matches ? 'green' : check.damage ? 'red' : 'yellow'}
      data-testid="print-check"
      data-verdict={check.matches ? 'matches' : 'changed'}
      title={
        check.matches
          ? `Khớp: dữ liệu hôm nay vẫn cho đúng văn bản đã in (${scope}).`
          : check.damage
            ? 'Tìm thấy lúc in, nhưng sổ điểm hiện có dòng bị sửa hoặc hỏng'
            : `Không còn khớp: sau khi in có ${since.affecting} thay đổi có thể làm khác kết quả (${scope}).`
      }
    >
      <Stack gap={4}>
        {notes}
        <Text size="sm">{made}</Text>
        {since.events === 0 ? (
          <Text size="sm">Từ đó đến nay không có sự kiện nào mới.</Text>
        ) : (
          <Text size="sm">
            Sau khi in có {since.events.toLocaleString('vi-VN')} sự kiện ({kinds})
            {when(since.firstAt, since.lastAt)}.
            {roundId !== null &&
              ` Thuộc ${scope}: ${since.inScope.toLocaleString('vi-VN')}, trong đó ${since.affecting.toLocaleString('vi-VN')} có thể làm thay đổi kết quả.`}
            {since.inScope > 0 &&
              ` ${since.entrants.length} đội thi / mô hình, ${since.judges.length} giám khảo liên quan.`}
          </Text>
        )}
        {others.length > 0 && (
          <Text size="sm" c="dimmed">
            Các vòng khác (không ảnh hưởng văn bản này):{' '}
            {others.map((r) => `${roundName(r.roundId)}: ${r.events} sự kiện`).join('; ')}.
          </Text>
        )}
        {check.damage && (
          <Text size="sm" c="red">
            Sổ điểm có dòng bị sửa hoặc hỏng — {check.damage.reason} Dữ liệu hôm nay có thể khác bản
            in; chạy “Kiểm tra toàn vẹn” để xem chi tiết.
          </Text>
        )}
        {since.listed.length > 0 && (
          <Changes
            bundle={bundle}
            listed={since.listed}
            total={since.inScope}
            showRound={roundId === null}
            roundName={roundName}
          />
        )}
      </Stack>
    </Alert>
  );
}

/** The events after the cut as audit rows, each with its value before (from the event that set it). */
function Changes({
  bundle,
  listed,
  total,
  showRound,
  roundName,
}: {
  bundle: ContestBundle;
  listed: readonly ListedEvent[];
  total: number;
  showRound: boolean;
  roundName: (id: string) => string;
}) {
  const ctx = { judges: bundle.judges, entrants: bundle.entrants, criteria: bundle.criteria };
  const rows: (AuditRow & { affects: boolean; roundId: string })[] = listed.map((l) => {
    const ref = `${l.event.deviceId}#${l.event.seq}`;
    const row = auditTrail(l.previous ? [l.previous, l.event] : [l.event], ctx).find(
      (r) => r.ref === ref,
    )!;
    return { ...row, affects: l.affects, roundId: l.event.roundId };
  });
  return (
    <>
      <Table withTableBorder fz="xs" data-testid="print-check-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Thời gian</Table.Th>
            <Table.Th>Người thực hiện</Table.Th>
            <Table.Th>Thao tác</Table.Th>
            {showRound && <Table.Th>Vòng</Table.Th>}
            <Table.Th>Giám khảo</Table.Th>
            <Table.Th>Đội thi / Mô hình</Table.Th>
            <Table.Th>Tiêu chí</Table.Th>
            <Table.Th>Cũ → Mới</Table.Th>
            <Table.Th>Lý do</Table.Th>
            <Table.Th>Ảnh hưởng kết quả</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.ref} data-ref={r.ref}>
              <Table.Td>{time(r.at)}</Table.Td>
              <Table.Td>{r.who}</Table.Td>
              <Table.Td>{r.action}</Table.Td>
              {showRound && <Table.Td>{roundName(r.roundId)}</Table.Td>}
              <Table.Td>{r.judge}</Table.Td>
              <Table.Td>{r.entrant}</Table.Td>
              <Table.Td>{r.criterion}</Table.Td>
              <Table.Td>
                {r.from || '∅'} → {r.to || '∅'}
              </Table.Td>
              <Table.Td>{r.reason}</Table.Td>
              <Table.Td>{r.affects ? 'Có thể' : 'Không'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > listed.length && (
        <List size="xs">
          <List.Item>
            … và {(total - listed.length).toLocaleString('vi-VN')} sự kiện khác (xem bảng nhật ký
            bên dưới).
          </List.Item>
        </List>
      )}
    </>
  );
}
