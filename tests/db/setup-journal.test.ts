/**
 * "Nothing changes a result silently", at the database layer: every setup change is a journal
 * event written with its table row in one transaction, a save that changes nothing writes nothing,
 * removals of scored judges need a reason, locks and decisions are events and the round's fields are
 * derived from them — and a fresh device rebuilds exactly the same setup from the journal alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/src/db/database';
import { createRepos } from '../../renderer/src/db/repos';
import { SetupRuleError } from '../../renderer/src/db/repos/structure-repo';
import { projectSetup } from '@shared/journal/setup-projection';
import { project } from '@shared/journal/projection';
import { instantiateTemplate } from '@shared/templates/templates';
import type {
  ContestId,
  Criterion,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  Round,
} from '@shared/model/types';
import { aScoreEvent } from '../support/builders';

const fresh = () => `db-${Math.random().toString(36).slice(2)}`;

async function contest() {
  const opened = await openDatabase(fresh());
  let n = 0;
  const ids = () => `id${++n}`;
  let t = 0;
  const repos = createRepos(
    opened,
    ids,
    () => undefined,
    () => new Date(Date.UTC(2026, 10, 23, 8, 0, t++)),
  );
  const tpl = instantiateTemplate('hoi-thi', {
    newId: ids,
    now: '2026-11-23T00:00:00Z',
    year: 2026,
  });
  const contestId = await repos.setup.createContest(tpl);
  const final = tpl.rounds.find((r) => r.stage === 'final')!;
  return { opened, repos, contestId, tpl, final, events: () => repos.journal.events(contestId) };
}

const judge = (id: string, o: Partial<Judge> = {}): Judge => ({
  id: id as JudgeId,
  contestId: '' as ContestId,
  name: `GK ${id}`,
  title: '',
  unit: `Đơn vị ${id}`,
  role: 'member',
  clusterIds: [],
  fields: [],
  order: 1,
  ...o,
});

describe('setup changes are journal events', () => {
  it('creating a contest journals every record, contest first', async () => {
    const { repos, contestId, tpl, events } = await contest();
    const list = await events();
    expect(list.every((e) => e.kind === 'setup')).toBe(true);
    expect(list).toHaveLength(1 + tpl.rounds.length + tpl.clusters.length + tpl.criteria.length);
    expect((list[0].data as { entity: string }).entity).toBe('contest');
    expect(projectSetup(list, contestId).bundle).toEqual(await repos.setup.loadBundle(contestId));
  });

  it('finding: saving the prize rules without editing anything changed them — a save that changes nothing writes nothing', async () => {
    const { repos, final, events } = await contest();
    const before = (await events()).length;
    const round = (await repos.setup.loadBundle(final.contestId))!.rounds.find(
      (r) => r.id === final.id,
    )!;
    await repos.structure.saveRound({ ...round });
    await repos.structure.saveRound(JSON.parse(JSON.stringify(round)) as Round);
    expect((await events()).length).toBe(before);
    await repos.structure.saveRound({ ...round, venue: 'Nhà hát lớn' });
    const after = await events();
    expect(after.length).toBe(before + 1);
    expect((after.at(-1)!.data as { record: Round }).record.venue).toBe('Nhà hát lớn');
  });

  it('finding: "Xóa" on a judge who has scored deleted at once, with no trace — now refused without a reason, recorded with one', async () => {
    const { repos, contestId, final, events } = await contest();
    const j = judge('jx', { contestId });
    await repos.setup.saveJudge(j);
    await repos.journal.record(
      aScoreEvent({
        contestId,
        roundId: final.id,
        judgeId: j.id,
        entrantId: 'e1',
        criterionId: 'q1',
        steps: 10,
      }),
    );
    await expect(repos.setup.deleteJudge(j.id)).rejects.toThrow(/phải ghi lý do/);
    expect(await repos.setup.judgeScoreCount(j.id)).toBe(1);
    expect((await repos.setup.loadBundle(contestId))!.judges.map((x) => x.id)).toContain(j.id);
    await repos.setup.deleteJudge(j.id, { reason: 'Giám khảo có xung đột lợi ích với đội thi' });
    const last = (await events()).at(-1)!;
    expect(last).toMatchObject({
      kind: 'setup',
      judgeId: j.id,
      reason: 'Giám khảo có xung đột lợi ích với đội thi',
      data: { entity: 'judge', id: j.id, record: null },
    });
    expect((await repos.setup.loadBundle(contestId))!.judges.map((x) => x.id)).not.toContain(j.id);
  });

  it('a judge who has not scored is removed without a reason, still as an event', async () => {
    const { repos, contestId, events } = await contest();
    await repos.setup.saveJudge(judge('jy', { contestId }));
    await repos.setup.deleteJudge('jy' as JudgeId);
    expect((await events()).at(-1)).toMatchObject({
      kind: 'setup',
      data: { entity: 'judge', id: 'jy', record: null },
      reason: null,
    });
  });

  it('finding: the lock was written twice, not atomically — now one lock event, the round locked by projection', async () => {
    const { repos, contestId, final, events } = await contest();
    await repos.structure.lockRound(
      final,
      { role: 'head', name: 'Trưởng ban' },
      'Ký xác nhận kết quả',
    );
    const locks = (await events()).filter((e) => e.kind === 'lock');
    expect(locks).toHaveLength(1);
    expect(
      (await repos.setup.loadBundle(contestId))!.rounds.find((r) => r.id === final.id)!.locked,
    ).toBe(true);
    expect(
      projectSetup(await events(), contestId).bundle!.rounds.find((r) => r.id === final.id)!.locked,
    ).toBe(true);
    // After the lock, a change of the round's rules needs a reason.
    const locked = (await repos.setup.loadBundle(contestId))!.rounds.find(
      (r) => r.id === final.id,
    )!;
    await expect(repos.structure.saveRound({ ...locked, venue: 'Khác' })).rejects.toThrow(
      /ghi lý do/,
    );
    await repos.structure.saveRound({ ...locked, venue: 'Khác' }, { reason: 'Ghi đúng địa điểm' });
    expect((await events()).at(-1)!.reason).toBe('Ghi đúng địa điểm');
  });

  it('finding: board decisions lived on the mutable round record — now decision events, never overwritten', async () => {
    const { repos, contestId, final, events } = await contest();
    const by = { role: 'head' as const, name: 'Trưởng ban' };
    await repos.structure.recordDecision(
      final,
      'prizeOverrides',
      { entrantId: 'e1' as EntrantId, tier: 'Giải Nhì' },
      'Đồng điểm tại ranh giới giải',
      by,
    );
    const round = (await repos.setup.loadBundle(contestId))!.rounds.find((r) => r.id === final.id)!;
    await repos.structure.recordDecision(
      round,
      'prizeOverrides',
      { entrantId: 'e2' as EntrantId, tier: null },
      'Rút giải theo đề nghị',
      by,
    );
    const live = (await repos.setup.loadBundle(contestId))!.rounds.find((r) => r.id === final.id)!
      .decisions!.prizeOverrides!;
    expect(live.map((d) => [d.entrantId, d.tier, d.reason])).toEqual([
      ['e1', 'Giải Nhì', 'Đồng điểm tại ranh giới giải'],
      ['e2', null, 'Rút giải theo đề nghị'],
    ]);
    expect(
      projectSetup(await events(), contestId).bundle!.rounds.find((r) => r.id === final.id)!
        .decisions!.prizeOverrides,
    ).toEqual(live);
    // A round saved from a form never touches its decisions.
    await repos.structure.saveRound({ ...round, decisions: undefined, venue: 'Hội trường' });
    expect(
      (await repos.setup.loadBundle(contestId))!.rounds.find((r) => r.id === final.id)!.decisions!
        .prizeOverrides,
    ).toHaveLength(2);
    await expect(
      repos.structure.recordDecision(
        final,
        'countChanges',
        { tier: 'Giải Ba', count: 2 },
        '  ',
        by,
      ),
    ).rejects.toThrow(/lý do/);
  });
});

type Op =
  | { kind: 'judge'; id: string; name: string; unit: string; role: 'head' | 'member' }
  | { kind: 'removeJudge'; id: string }
  | { kind: 'entrant'; id: string; name: string; cluster: number }
  | { kind: 'removeEntrant'; id: string }
  | { kind: 'criterion'; name: string; maxCp: number; weight: number }
  | { kind: 'rules'; policy: 'mean' | 'median'; venue: string; prizes: number }
  | { kind: 'decision'; entrantId: string; tier: string | null }
  | { kind: 'score'; judgeId: string; entrantId: string; steps: number }
  | { kind: 'lock' };

const anOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('judge' as const),
    id: fc.constantFrom('j1', 'j2', 'j3'),
    name: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình'),
    unit: fc.constantFrom('Quận Ba Đình', 'Huyện Sóc Sơn'),
    role: fc.constantFrom('head' as const, 'member' as const),
  }),
  fc.record({ kind: fc.constant('removeJudge' as const), id: fc.constantFrom('j1', 'j2', 'j3') }),
  fc.record({
    kind: fc.constant('entrant' as const),
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
    name: fc.constantFrom('Đội A', 'Đội B', 'Đội Ba Đình'),
    cluster: fc.nat(2),
  }),
  fc.record({
    kind: fc.constant('removeEntrant' as const),
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
  }),
  fc.record({
    kind: fc.constant('criterion' as const),
    name: fc.constantFrom('Nội dung', 'Hình thức'),
    maxCp: fc.constantFrom(1000, 2000),
    weight: fc.constantFrom(1, 2),
  }),
  fc.record({
    kind: fc.constant('rules' as const),
    policy: fc.constantFrom('mean' as const, 'median' as const),
    venue: fc.constantFrom('', 'Hội trường A'),
    prizes: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('decision' as const),
    entrantId: fc.constantFrom('e1', 'e2'),
    tier: fc.constantFrom('Giải Nhất', null),
  }),
  fc.record({
    kind: fc.constant('score' as const),
    judgeId: fc.constantFrom('j1', 'j2', 'j3'),
    entrantId: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
    steps: fc.nat(20),
  }),
  fc.constant({ kind: 'lock' as const }),
);

describe('replay from the journal alone', () => {
  it('random setup edits, decisions and scores, replayed on a fresh device, give the same setup and scores as the live tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anOp, { maxLength: 25 }), async (ops) => {
        const { opened, repos, contestId, tpl, events } = await contest();
        const round = tpl.rounds[0];
        const reason = 'Theo biên bản họp Ban tổ chức';
        const current = async () => (await repos.setup.loadBundle(contestId))!;
        for (const op of ops) {
          const b = await current();
          const r = b.rounds.find((x) => x.id === round.id)!;
          const meta = r.locked ? { reason } : {};
          try {
            switch (op.kind) {
              case 'judge':
                await repos.setup.saveJudge(
                  judge(op.id, { contestId, name: op.name, unit: op.unit, role: op.role }),
                );
                break;
              case 'removeJudge':
                if (b.judges.some((j) => j.id === op.id))
                  await repos.setup.deleteJudge(op.id as JudgeId, { reason });
                break;
              case 'entrant': {
                const e: Entrant = {
                  id: op.id as EntrantId,
                  roundId: round.id,
                  code: op.id.toUpperCase(),
                  kind: 'team',
                  name: op.name,
                  unit: op.name,
                  clusterId: tpl.clusters[op.cluster]?.id ?? null,
                  order: 1,
                };
                await repos.setup.saveEntrant(e, meta);
                break;
              }
              case 'removeEntrant':
                await repos.setup.deleteEntrant(op.id as EntrantId, meta);
                break;
              case 'criterion': {
                const leaf = b.criteria.find(
                  (c) => c.roundId === round.id && !b.criteria.some((k) => k.parentId === c.id),
                )!;
                await repos.structure.saveCriterion(
                  { ...leaf, name: op.name, maxCp: op.maxCp, weight: op.weight } as Criterion,
                  meta,
                );
                break;
              }
              case 'rules':
                await repos.structure.saveRound(
                  {
                    ...r,
                    policy: { kind: op.policy },
                    venue: op.venue || undefined,
                    prizes: [{ name: 'Giải Nhất', count: op.prizes }],
                  },
                  meta,
                );
                break;
              case 'decision':
                await repos.structure.recordDecision(
                  r,
                  'prizeOverrides',
                  { entrantId: op.entrantId as EntrantId, tier: op.tier },
                  reason,
                  { role: 'head', name: 'Trưởng ban' },
                );
                break;
              case 'score': {
                const leaf = b.criteria.find(
                  (c) => c.roundId === round.id && !b.criteria.some((k) => k.parentId === c.id),
                )!;
                await repos.journal.record(
                  aScoreEvent({
                    contestId,
                    roundId: round.id,
                    judgeId: op.judgeId,
                    entrantId: op.entrantId,
                    criterionId: leaf.id,
                    kind: r.locked ? 'amend' : 'enter',
                    steps: op.steps,
                    reason: r.locked ? reason : null,
                  }),
                );
                break;
              }
              case 'lock':
                if (!r.locked)
                  await repos.structure.lockRound(
                    r,
                    { role: 'head', name: 'Trưởng ban' },
                    'Ký xác nhận',
                  );
                break;
            }
          } catch (err) {
            // Refusals (a scored entrant, a criterion edit that would break stored scores) are allowed; nothing was written then.
            if (!(err instanceof SetupRuleError)) throw err;
          }
        }
        const journal = await events();
        const live = await current();
        const replayed = projectSetup(journal, contestId);
        expect(replayed.issues).toEqual([]);
        expect(replayed.bundle).toEqual(live);
        const scores = await repos.journal.scores(round.id);
        expect(
          project(journal)
            .scores.filter((s) => s.roundId === round.id)
            .sort((a, b) => (a.judgeId + a.entrantId < b.judgeId + b.entrantId ? -1 : 1)),
        ).toEqual(
          scores.sort((a, b) => (a.judgeId + a.entrantId < b.judgeId + b.entrantId ? -1 : 1)),
        );
        opened.db.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
