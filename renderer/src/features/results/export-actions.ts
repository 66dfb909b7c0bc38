/**
 * Exports from the results screen. Each one first flushes the outbox, re-reads the journal from
 * disk and runs the independent recount; while the recount and the tally disagree the export is
 * refused and the differences are listed. Then the document model is built here, rendered to
 * bytes on the main side, and saved (a dialog in Electron, a download in web mode).
 */
import { buildCertificateDoc } from '@shared/documents/certificate-doc';
import { buildScoreboardDoc } from '@shared/documents/scoreboard-doc';
import { chainHead } from '@shared/journal/event';
import type { ContestBundle } from '@shared/model/bundle';
import type { EntrantId, Round } from '@shared/model/types';
import type { Services } from '../../app/services';
import { recountDifferences } from './recount-check';
import type { ResultGroup } from './results-model';

export interface ExportOutcome {
  readonly ok: boolean;
  readonly message: string;
  readonly differences?: readonly string[];
}

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const safeName = (s: string) => s.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);

/** Journal on disk → chain head, after checking the recount. Null outcome = go ahead. */
async function verifiedHead(s: Services, bundle: ContestBundle, round: Round, groups: readonly ResultGroup[]): Promise<{ head: string } | ExportOutcome> {
  const flushed = await s.saver.flush(bundle.contest.id);
  if (!flushed.ok) return { ok: false, message: `Chưa ghi được mọi điểm vào sổ điểm trên đĩa: ${flushed.message ?? ''} Không xuất khi sổ điểm chưa đầy đủ.` };
  const journal = await s.bridge['journal:read'](bundle.contest.id);
  if (!journal.ok) return { ok: false, message: journal.error.message };
  const differences = recountDifferences(journal.value, bundle, round, groups);
  if (differences.length > 0) {
    return { ok: false, message: 'Kiểm đếm độc lập từ sổ điểm không khớp với bảng kết quả. Chưa xuất tệp.', differences };
  }
  return { head: chainHead(journal.value) };
}

function prizeLookup(groups: readonly ResultGroup[]) {
  const all = new Map<string, string>();
  for (const g of groups) for (const [id, tier] of g.prizes) all.set(id, tier);
  return (id: EntrantId) => all.get(id);
}

async function save(s: Services, name: string, bytes: Uint8Array, kind: 'xlsx' | 'pdf'): Promise<ExportOutcome> {
  const r = await s.bridge['file:save']({ suggestedName: name, bytes, kind });
  if (!r.ok) return { ok: false, message: r.error.message };
  return r.value.path ? { ok: true, message: `Đã xuất: ${r.value.path}` } : { ok: false, message: 'Đã hủy.' };
}

export async function exportScoreboard(s: Services, bundle: ContestBundle, round: Round, groups: readonly ResultGroup[]): Promise<ExportOutcome> {
  const checked = await verifiedHead(s, bundle, round, groups);
  if (!('head' in checked)) return checked;
  const judges = [...bundle.judges].sort((a, b) => a.order - b.order);
  const doc = buildScoreboardDoc({
    contest: bundle.contest,
    roundName: round.name,
    venue: round.venue,
    groups: groups.map((g) => ({ title: g.title, tally: g.tally })),
    judges,
    prizeOf: prizeLookup(groups),
    prizes: round.prizes,
    chainHead: checked.head,
  });
  const bytes = await s.bridge['export:scoreboardXlsx'](doc);
  if (!bytes.ok) return { ok: false, message: bytes.error.message };
  return save(s, `Bảng tổng hợp điểm - ${safeName(bundle.contest.name)} - ${safeName(round.name)}.xlsx`, bytes.value, 'xlsx');
}

export async function exportCertificates(s: Services, bundle: ContestBundle, round: Round, groups: readonly ResultGroup[]): Promise<ExportOutcome> {
  const prizeOf = prizeLookup(groups);
  const ranked = groups.flatMap((g) => g.tally.results.map((r) => r.entrant));
  if (!ranked.some((e) => prizeOf(e.id))) return { ok: false, message: 'Chưa có đội thi / mô hình nào đạt giải để in giấy khen.' };
  const checked = await verifiedHead(s, bundle, round, groups);
  if (!('head' in checked)) return checked;
  const scopeOf = (id: EntrantId) => {
    const g = groups.find((x) => x.cluster && x.tally.results.some((r) => r.entrant.id === id));
    return g ? `${round.name.replace(/^Vòng/, 'vòng')} ${g.title}` : undefined;
  };
  const doc = buildCertificateDoc({ contest: bundle.contest, entrants: ranked, prizeOf, scopeOf, date: isoDate(s.now()), chainHead: checked.head });
  const bytes = await s.bridge['export:certificatesPdf'](doc);
  if (!bytes.ok) return { ok: false, message: bytes.error.message };
  return save(s, `Giấy khen - ${safeName(bundle.contest.name)} - ${safeName(round.name)}.pdf`, bytes.value, 'pdf');
}
