/** The audit trail shows setup changes and board decisions: who, when, which fields old → new, why. */
import { describe, expect, it } from 'vitest';
import { auditTrail } from '@shared/audit/audit-trail';
import { decisionEvent, setupEvent } from '@shared/journal/setup-event';
import { aJudge, aRound } from '../support/builders';
import { aDevice } from './journal-builders';

const meta = {
  contestId: 'c1',
  by: { role: 'secretary' as const, name: 'Phạm Thu' },
  at: '2026-11-23T08:00:00.000Z',
};

describe('audit of setup changes', () => {
  it('a changed field is shown old → new, and a removed judge keeps their name in the trail', () => {
    const d = aDevice('D');
    d.emit(setupEvent('judge', undefined, aJudge({ name: 'Lê Văn Bình', unit: 'Quận 1' }), meta));
    d.emit(
      setupEvent('judge', aJudge(), aJudge({ name: 'Lê Văn Bình', unit: 'Quận 3' }), {
        ...meta,
        at: '2026-11-23T08:01:00.000Z',
      }),
    );
    d.emit(
      setupEvent('judge', aJudge(), null, {
        ...meta,
        at: '2026-11-23T08:02:00.000Z',
        reason: 'Vắng mặt',
      }),
    );
    const rows = auditTrail(d.events, { judges: [], entrants: [], criteria: [] });
    expect(rows.map((r) => [r.action, r.from, r.to, r.reason])).toEqual([
      ['Thiết lập: giám khảo “Lê Văn Bình”', '', 'thêm mới', ''],
      ['Thiết lập: giám khảo “Lê Văn Bình”', 'unit: "Quận 1"', 'unit: "Quận 3"', ''],
      ['Thiết lập: giám khảo “Lê Văn Bình”', 'có', 'đã xóa', 'Vắng mặt'],
    ]);
    expect(rows.every((r) => r.judge === 'Lê Văn Bình' && r.who === 'Thư ký Phạm Thu')).toBe(true);
  });

  it('a round rule change and a board decision are listed with their reason', () => {
    const d = aDevice('D');
    d.emit(setupEvent('round', undefined, aRound(), meta));
    d.emit(
      setupEvent('round', aRound(), aRound({ policy: { kind: 'median' } }), {
        ...meta,
        at: '2026-11-23T08:01:00.000Z',
        reason: 'Theo quy chế mới',
      }),
    );
    d.emit(
      decisionEvent(
        'r1',
        'countChanges',
        { tier: 'Giải Ba', count: 3 },
        { ...meta, at: '2026-11-23T08:02:00.000Z', reason: 'Cân đối cơ cấu giải' },
      ),
    );
    const rows = auditTrail(d.events, { judges: [], entrants: [], criteria: [] });
    expect(rows[1]).toMatchObject({
      from: 'policy: {"kind":"mean"}',
      to: 'policy: {"kind":"median"}',
      reason: 'Theo quy chế mới',
    });
    expect(rows[2]).toMatchObject({
      action: 'Quyết định của Ban giám khảo: đổi số giải',
      reason: 'Cân đối cơ cấu giải',
    });
    expect(rows[2].to).toContain('Giải Ba');
  });
});
