/*
 * The IndexedDB floors, run inside Chromium on the app's own origin (a page of the bench's server
 * that is not the app) with the same Dexie the app ships (node_modules/dexie/dist/dexie.js, loaded
 * by the bench), in a database of its own (deleted by drop()); strict durability like the app.
 *
 * Tables shaped like the app's rows: scores (the same compound key and indexes as the app's score
 * projection) and, for the bulk floor, events (a journal event's fields).
 *   populate(p): a fresh database; bulk put of the events (one strict transaction; only when
 *                p.events) and of the scores (100,000 rows per strict transaction), timed;
 *   attach(p):   open the database populate(p) made (from another page: the bench opens a floor
 *                page only for the time of one measurement);
 *   readRound(n): read the whole round by its index, best of n;
 *   readSheet(n): read one judge's sheet by the compound index, best of n;
 *   puts(n):      single puts of one score row, each its own strict transaction, p50/p95;
 *   drop():       delete the database.
 * The file is one expression (an object of functions); the bench evaluates it in the floor page.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- the file is one expression, evaluated by the bench
({
  db: null,
  p: null,
  ids: null,

  hex: function (prefix, i, len) {
    var s = prefix + i.toString(16);
    while (s.length < len) s += ((i * 2654435761 + s.length * 40503) >>> 0).toString(16);
    return s.slice(0, len);
  },

  attach: async function (p, fresh) {
    var Dexie = window.Dexie;
    var name = 'gk-bench-floor';
    if (fresh) await Dexie.delete(name);
    var db = new Dexie(name, { chromeTransactionDurability: 'strict' });
    db.version(1).stores({
      scores:
        '[roundId+judgeId+entrantId+criterionId], roundId, [roundId+judgeId], [roundId+entrantId]',
      events: '[contestId+deviceId+seq], contestId, [roundId+judgeId]',
    });
    await db.open();
    this.db = db;
    this.p = p;
    var ids = {
      round: this.hex('r', 1, 20),
      contest: this.hex('c', 1, 20),
      judges: [],
      entrants: [],
      criteria: [],
    };
    for (var j = 0; j < p.judges; j++) ids.judges.push(this.hex('j', j, 20));
    for (var e = 0; e < p.models; e++) ids.entrants.push(this.hex('e', e, 20));
    for (var c = 0; c < p.criteria; c++) ids.criteria.push(this.hex('k', c, 20));
    this.ids = ids;
  },

  populate: async function (p) {
    await this.attach(p, true);
    var db = this.db;
    var ids = this.ids;
    var hex = this.hex;
    var out = { rows: p.models * p.judges * p.criteria };

    if (p.events) {
      var events = [];
      var seq = 0;
      for (var e2 = 0; e2 < p.models; e2++)
        for (var j2 = 0; j2 < p.judges; j2++)
          for (var c2 = 0; c2 < p.criteria; c2++) {
            seq++;
            events.push({
              v: 1,
              contestId: ids.contest,
              roundId: ids.round,
              judgeId: ids.judges[j2],
              entrantId: ids.entrants[e2],
              criterionId: ids.criteria[c2],
              kind: 'enter',
              steps: (e2 + j2 + c2) % 21,
              pass: null,
              by: { role: 'system', name: 'Dữ liệu mẫu' },
              deviceId: hex('d', 1, 20),
              seq: seq,
              at: '2026-05-12T09:00:00.000Z',
              reason: null,
              prev: hex('p', seq - 1, 64),
              hash: hex('h', seq, 64),
            });
          }
      var t = performance.now();
      await db.events.bulkPut(events);
      out.bulkEventsMs = performance.now() - t;
      events = null;
    }

    var chunk = [];
    var bulk = 0;
    var flush = async function () {
      var t1 = performance.now();
      await db.scores.bulkPut(chunk);
      bulk += performance.now() - t1;
      chunk = [];
    };
    for (var e3 = 0; e3 < p.models; e3++) {
      for (var j3 = 0; j3 < p.judges; j3++)
        for (var c3 = 0; c3 < p.criteria; c3++) {
          chunk.push({
            roundId: ids.round,
            judgeId: ids.judges[j3],
            entrantId: ids.entrants[e3],
            criterionId: ids.criteria[c3],
            steps: (e3 + j3 + c3) % 21,
          });
        }
      if (chunk.length >= 100000) await flush();
    }
    if (chunk.length) await flush();
    out.bulkScoresMs = bulk;
    out.stored = await db.scores.count();
    return out;
  },

  readRound: async function (n) {
    var best = Infinity,
      rows = 0;
    for (var i = 0; i < n; i++) {
      var t = performance.now();
      rows = (await this.db.scores.where('roundId').equals(this.ids.round).toArray()).length;
      best = Math.min(best, performance.now() - t);
    }
    return { ms: best, rows: rows };
  },

  readSheet: async function (n) {
    var best = Infinity,
      rows = 0;
    for (var i = 0; i < n; i++) {
      var t = performance.now();
      rows = (
        await this.db.scores
          .where('[roundId+judgeId]')
          .equals([this.ids.round, this.ids.judges[i % this.p.judges]])
          .toArray()
      ).length;
      best = Math.min(best, performance.now() - t);
    }
    return { ms: best, rows: rows };
  },

  puts: async function (n) {
    var lat = [];
    for (var k = 0; k < n; k++) {
      var row = {
        roundId: this.ids.round,
        judgeId: this.ids.judges[k % this.p.judges],
        entrantId: this.ids.entrants[(k * 7919) % this.p.models],
        criterionId: this.ids.criteria[k % this.p.criteria],
        steps: (k % 20) + 1,
      };
      var t = performance.now();
      await this.db.scores.put(row);
      lat.push(performance.now() - t);
    }
    lat.sort(function (a, b) {
      return a - b;
    });
    var pct = function (q) {
      return lat[Math.min(lat.length - 1, Math.floor((q / 100) * lat.length))];
    };
    return { p50: pct(50), p95: pct(95), n: lat.length, stored: await this.db.scores.count() };
  },

  close: function () {
    if (this.db) this.db.close();
    this.db = null;
  },

  drop: async function () {
    this.close();
    await window.Dexie.delete('gk-bench-floor');
  },
});
