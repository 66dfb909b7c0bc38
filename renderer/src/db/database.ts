/**
 * The renderer's IndexedDB database (Dexie). Versioned schema: one `version(n)` step per change,
 * never edited once shipped (see migrations in this file's history and tests/db/migrations.test.ts).
 *
 * Durability is strict: a transaction resolves only after the browser has flushed it, because a
 * score is shown as saved only after that AND after the main side has it in the journal file.
 * Only repositories (./repos/*) touch tables.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Cluster,
  Contest,
  Criterion,
  Entrant,
  Judge,
  Round,
  Score,
} from '@shared/model/types';
import type { JournalEvent } from '@shared/journal/event';

/** Bumped with every schema step; stored in `meta` so an older app refuses a newer database. */
export const APP_SCHEMA_VERSION = 2;

/** A journal event as kept locally. */
export type StoredEvent = JournalEvent;

/** An event not yet confirmed on disk by the main side. A small table of its own, so finding what
 * to send never scans the (large) events table. */
export interface OutboxRow {
  readonly contestId: string;
  readonly deviceId: string;
  readonly seq: number;
}

/** Events are keyed per contest: each contest has its own journal file and its own device chains. */
export type EventKey = [contestId: string, deviceId: string, seq: number];

export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

export class GiamKhaoDb extends Dexie {
  contests!: EntityTable<Contest, 'id'>;
  rounds!: EntityTable<Round, 'id'>;
  clusters!: EntityTable<Cluster, 'id'>;
  criteria!: EntityTable<Criterion, 'id'>;
  judges!: EntityTable<Judge, 'id'>;
  entrants!: EntityTable<Entrant, 'id'>;
  /** Current scores: a projection of the events, kept for fast reads. */
  scores!: Table<Score, [string, string, string, string]>;
  /** The local copy of the journal: every score change, never edited (the audit log). */
  events!: Table<StoredEvent, EventKey>;
  outbox!: Table<OutboxRow, EventKey>;
  /** Copies of the secretary's events (objective parts, penalties, tie-break answers): the results
   * screen projects these few instead of reading every score event of a large round. */
  extraEvents!: Table<StoredEvent, EventKey>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'giamkhao') {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      contests: 'id',
      rounds: 'id, contestId',
      clusters: 'id, roundId',
      criteria: 'id, roundId',
      judges: 'id, contestId',
      entrants: 'id, roundId, [roundId+code]',
      scores:
        '[roundId+judgeId+entrantId+criterionId], roundId, [roundId+judgeId], [roundId+entrantId]',
      events: '[contestId+deviceId+seq], contestId, [roundId+judgeId]',
      outbox: '[contestId+deviceId+seq], contestId',
      extraEvents: '[contestId+deviceId+seq], roundId',
      meta: 'key',
    });
    // 2: one judge's sheet without reading the judge's every event. `[roundId+judgeId+kind]` finds a
    // sheet's few submit/reopen/comment/verify events by equality; `[roundId+judgeId+pass]` holds only
    // double-key pass entries (a null pass is no key, so direct entries are not in it).
    this.version(2).stores({
      events:
        '[contestId+deviceId+seq], contestId, [roundId+judgeId], [roundId+judgeId+kind], [roundId+judgeId+pass]',
    });
  }
}

export class NewerDatabaseError extends Error {
  constructor(readonly found: number) {
    super(
      `Dữ liệu được tạo bởi phiên bản mới hơn của Giám khảo (lược đồ ${found} > ${APP_SCHEMA_VERSION}). Hãy cập nhật ứng dụng; dữ liệu chỉ được mở để xem.`,
    );
  }
}

export interface OpenedDb {
  readonly db: GiamKhaoDb;
  /** Set when the data was written by a newer app: reading is allowed, writing is refused. */
  readonly readOnlyReason: string | null;
}

/**
 * Open the database, stamp it with our schema version, and ask the browser not to evict it.
 * Never writes into a database stamped by a newer version.
 */
export async function openDatabase(
  name?: string,
  persist?: () => Promise<boolean>,
): Promise<OpenedDb> {
  const db = new GiamKhaoDb(name);
  try {
    await db.open();
  } catch (err) {
    if ((err as Error).name === 'VersionError') {
      return { db, readOnlyReason: new NewerDatabaseError(Number.NaN).message };
    }
    throw err;
  }
  const stamp = (await db.meta.get('schema'))?.value as number | undefined;
  if (stamp !== undefined && stamp > APP_SCHEMA_VERSION)
    return { db, readOnlyReason: new NewerDatabaseError(stamp).message };
  if (stamp !== APP_SCHEMA_VERSION) await db.meta.put({ key: 'schema', value: APP_SCHEMA_VERSION });
  if (persist) await persist().catch(() => false);
  return { db, readOnlyReason: null };
}
