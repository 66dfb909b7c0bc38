/**
 * Larger award rounds (5,000 and 10,000 models) for the bench. The app's UI offers only the
 * 1,045-model sample, so the bench plays "another device whose contest reached this machine": it
 * generates the round with the app's own sample generator (shared/sample/award-round.ts, 9 judges ×
 * 10 criteria, the same rules as the 1,045 sample), turns the setup into 'setup' events
 * (shared/journal/setup-event.ts, in the order the app's createContest writes them) and the scores
 * into score events exactly as "Mở dữ liệu mẫu" does (shared/journal/from-records.ts), seals them
 * as one device's hash chain, and hands them to the running server through its public bridge over
 * HTTP (journal:append, 10,000 events a call, each fsynced by the server, which also writes the
 * contest's setup copy from them). The browser then restores it through the UI — home screen
 * "Khôi phục <contest>" → the contest opens → the app rebuilds its database from the journal
 * ("Đã khôi phục từ sổ điểm") — so every row in IndexedDB is written by the app's own code, as after
 * a wiped browser or on a second laptop.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { decodeFromWire, encodeForWire } from '../../shared/bridge/codec';
import { eventsFromRecords } from '../../shared/journal/from-records';
import {
  canonicalJson,
  GENESIS,
  type JournalEvent,
  type UnsealedEvent,
} from '../../shared/journal/event';
import {
  setupEvent,
  type SetupEntity,
  type AnySetupRecord,
} from '../../shared/journal/setup-event';
import { generateAwardRound } from '../../shared/sample/award-round';

export interface Seeded {
  readonly contestName: string;
  readonly models: number;
  readonly scores: number;
  readonly events: number;
  /** Generating, sealing and sending, in Node (not an app figure). */
  readonly ms: number;
}

/** POST one bridge call to the web-mode server, as its own page would (same Origin). */
function call(port: number, channel: string, args: unknown[]): Promise<unknown> {
  const body = encodeForWire(args);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${channel}`,
        agent: false, // one connection per call: no reuse of a socket the server closed meanwhile
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Origin: `http://127.0.0.1:${port}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const r = decodeFromWire(text) as {
              ok: boolean;
              value?: unknown;
              error?: { message: string };
            };
            if (r.ok) resolve(r.value);
            else reject(new Error(`${channel}: ${r.error?.message}`));
          } catch {
            reject(new Error(`${channel}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function seedAwardRound(port: number, models: number): Promise<Seeded> {
  const t0 = performance.now();
  const newId = () => randomBytes(10).toString('hex');
  const at = new Date().toISOString();
  const data = generateAwardRound({ seed: 2026 + models, newId, now: at, models });
  const contest = {
    ...data.contest,
    name: `${data.contest.name} — ${models.toLocaleString('vi-VN')} mô hình (bench)`,
  };
  const meta = { contestId: contest.id, by: { role: 'system' as const, name: 'Dữ liệu mẫu' }, at };
  const setup = (entity: SetupEntity, records: readonly AnySetupRecord[]) =>
    records.map((r) => setupEvent(entity, null, r, meta));
  const roundOf = new Map(data.entrants.map((e) => [e.id as string, e.roundId as string]));
  const unsealed: UnsealedEvent[] = [
    ...setup('contest', [contest]),
    ...setup(
      'round',
      data.rounds.map((r) => ({ ...r, locked: false })),
    ),
    ...setup('cluster', data.clusters),
    ...setup('criterion', data.criteria),
    ...setup('judge', data.judges),
    ...setup('entrant', data.entrants),
    ...eventsFromRecords({
      contestId: contest.id,
      scores: data.scores,
      objective: data.objective,
      penalties: data.penalties,
      roundOf: (e) => roundOf.get(e)!,
      by: meta.by,
      at,
    }),
  ];
  // Sealed as shared/journal/event.ts seal() does (hash = SHA-256 of the canonical event without
  // its hash), with Node's native SHA-256 for speed; the server re-checks every hash.
  const device = newId();
  let prev = GENESIS;
  for (let i = 0; i < unsealed.length; i += 10_000) {
    const batch: JournalEvent[] = unsealed.slice(i, i + 10_000).map((e, k) => {
      const body = { ...e, deviceId: device, seq: i + k + 1, prev };
      const s = { ...body, hash: createHash('sha256').update(canonicalJson(body)).digest('hex') };
      prev = s.hash;
      return s;
    });
    await call(port, 'journal:append', [contest.id, batch]);
  }
  return {
    contestName: contest.name,
    models,
    scores: data.scores.length,
    events: unsealed.length,
    ms: performance.now() - t0,
  };
}
