import { describe, expect, it } from 'vitest';
import { APP_SCHEMA_VERSION, openDatabase } from '../../renderer/src/db/database';
import { createRepos } from '../../renderer/src/db/repos';
import { ReadOnlyDatabaseError } from '../../renderer/src/db/repos/guard';
import { instantiateTemplate } from '@shared/templates/templates';
import { aJudge } from '../support/builders';

let n = 0;
const ids = () => `id${++n}`;
const fresh = () => `db-${Math.random().toString(36).slice(2)}`;

describe('database opening', () => {
  it('stamps a new database with the app schema version', async () => {
    const name = fresh();
    const { db, readOnlyReason } = await openDatabase(name);
    expect(readOnlyReason).toBeNull();
    expect((await db.meta.get('schema'))?.value).toBe(APP_SCHEMA_VERSION);
    db.close();
  });

  it('refuses to write into a database stamped by a newer app version', async () => {
    const name = fresh();
    const first = await openDatabase(name);
    await first.db.meta.put({ key: 'schema', value: APP_SCHEMA_VERSION + 1 });
    first.db.close();
    const opened = await openDatabase(name);
    expect(opened.readOnlyReason).toMatch(/phiên bản mới hơn/);
    const repos = createRepos(opened, ids);
    await expect(repos.setup.saveJudge(aJudge())).rejects.toBeInstanceOf(ReadOnlyDatabaseError);
    expect(await opened.db.judges.count()).toBe(0);
    // and the stamp was not lowered
    expect((await opened.db.meta.get('schema'))?.value).toBe(APP_SCHEMA_VERSION + 1);
    opened.db.close();
  });

  it('opens with strict durability so "saved" means flushed', async () => {
    const { db } = await openDatabase(fresh());
    expect(
      (db as unknown as { _options: { chromeTransactionDurability?: string } })._options
        .chromeTransactionDurability,
    ).toBe('strict');
    db.close();
  });

  it('requests persistent storage when offered', async () => {
    let asked = 0;
    const { db } = await openDatabase(fresh(), async () => {
      asked++;
      return true;
    });
    expect(asked).toBe(1);
    db.close();
  });
});

describe('setup repository', () => {
  it('creates a contest from the Hội thi template in one transaction and loads it back', async () => {
    const opened = await openDatabase(fresh());
    const repos = createRepos(opened, ids);
    const t = instantiateTemplate('hoi-thi', {
      newId: ids,
      now: '2026-11-23T00:00:00Z',
      year: 2026,
    });
    const id = await repos.setup.createContest(t);
    const b = await repos.setup.loadBundle(id);
    expect(b?.contest.name).toBe('Hội thi “Dân vận khéo” năm 2026');
    expect(b?.rounds.map((r) => r.name)).toEqual(['Vòng sơ khảo', 'Vòng chung khảo']);
    expect(b?.clusters).toHaveLength(6);
    expect(b?.criteria.filter((c) => c.parentId === null).map((c) => c.name)).toEqual(
      expect.arrayContaining(['Chào hỏi', 'Kiến thức', 'Tiểu phẩm']),
    );
    opened.db.close();
  });

  it('rolls the whole contest back when one record fails', async () => {
    const opened = await openDatabase(fresh());
    const repos = createRepos(opened, ids);
    const t = instantiateTemplate('binh-xet', {
      newId: ids,
      now: '2026-11-23T00:00:00Z',
      year: 2026,
    });
    const broken = { ...t, criteria: [...t.criteria, t.criteria[0]] }; // duplicate key
    await expect(repos.setup.createContest(broken)).rejects.toThrow();
    expect(await opened.db.contests.count()).toBe(0);
    expect(await opened.db.criteria.count()).toBe(0);
    opened.db.close();
  });

  it('refuses a second entrant with the same code in a round', async () => {
    const opened = await openDatabase(fresh());
    const repos = createRepos(opened, ids);
    const t = instantiateTemplate('hoi-thi', {
      newId: ids,
      now: '2026-11-23T00:00:00Z',
      year: 2026,
    });
    await repos.setup.createContest(t);
    const base = {
      roundId: t.rounds[0].id,
      kind: 'team',
      unit: 'U',
      clusterId: null,
      order: 1,
    } as const;
    await repos.setup.saveEntrant({ ...base, id: 'a', code: 'D001', name: 'Đội A' } as never);
    await expect(
      repos.setup.saveEntrant({ ...base, id: 'b', code: 'D001', name: 'Đội B' } as never),
    ).rejects.toThrow(/D001/);
    opened.db.close();
  });
});
