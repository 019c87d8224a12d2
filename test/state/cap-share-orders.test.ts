// Schema 16, cap_share_orders (reissue-9217-step2.test.ts): for each cap share a --record run
// records (a voucher counting toward its cap money of another voucher of its window holding none of
// its orders), each of the counted voucher's orders with the voucher of that run holding it ('' none).
// Older ledgers exist on users' machines: test/fixtures/state/v15-seed9217.db was written by the
// build of c7a7918f (schema 15) from seed 9217's first two exports (e1, e2, then e2 --reissue all,
// reissue-9217-step2.test.ts; the file VACUUMed INTO one file, user_version 15 kept). Opened by
// this build it is migrated in place by the first --record run: every voucher row and claim as it
// was, the ledger's total as it was (1500.00), and the share recorded before (X = Q {01} counting
// B = Q {04,06}'s 500.00) gets its orders with holder '?': not known, read as not moved, so the
// migrated ledger pays what the schema 15 build paid (2000.00 on the third export, as before this
// change: where o04 and o06 were when X counted B was never written down, and is not guessed).
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cliAsync, tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const asOf = '2026-07-01 00:00:00';
const run = recorderIn(tz, asOf);
const FIXTURE = path.join(FIXTURES, 'state', 'v15-seed9217.db');
const id = (n: string) => `61000000000009217${n}`;
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-${at}:00`, `2026-${ship}:00`);
// The exports of reissue-9217-step2.test.ts.
const e1 = [
  late('01', 'P', '9000.00', '04-06 23:02', '04-09 14:02'),
  late('04', 'Q', '1000.00', '04-07 02:30', '04-09 14:30'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('06', 'Q', '3000.00', '04-08 00:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const e2 = [
  late('01', 'Q', '9000.00', '04-06 05:02', '04-09 14:02'),
  late('30', 'P', '100.00', '04-07 10:26', '04-11 14:26'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('04', 'P', '1000.00', '04-07 21:30', '04-09 14:30'),
  late('06', 'Q', '3000.00', '04-08 10:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const e3 = [
  late('01', 'Q', '9000.00', '04-06 05:02', '04-09 14:02'),
  late('30', 'Q', '100.00', '04-07 10:26', '04-11 14:26'),
  late('04', 'P', '1000.00', '04-07 10:30', '04-09 14:30'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('06', 'Q', '3000.00', '04-08 10:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const short = (ids: string) => (JSON.parse(ids) as string[]).map((x) => x.slice(-2)).join(',');

/** Every table a migration must keep, dumped in rowid order. */
const dump = (file: string) => {
  const db = new Database(file, { readonly: true });
  const out = {
    vouchers: db.prepare('SELECT * FROM vouchers ORDER BY rowid').all(),
    claims: db.prepare('SELECT * FROM voucher_orders ORDER BY rowid').all(),
  };
  db.close();
  return out;
};
const version = (file: string) => {
  const db = new Database(file, { readonly: true });
  const v = db.pragma('user_version', { simple: true }) as number;
  const t = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'cap_share_orders'").pluck().get();
  db.close();
  return { v, table: t !== undefined };
};
/** cap_share_orders as taker's orders <- counted's orders, order, holder's orders ('' none, '?' not known). */
const shares = (file: string) => {
  const db = new Database(file, { readonly: true });
  const ids = db.prepare('SELECT order_ids FROM vouchers WHERE voucher_key = ?').pluck();
  const rows = (db.prepare('SELECT taker, counted, order_id, holder FROM cap_share_orders ORDER BY taker, counted, order_id').all() as Record<string, string>[]).map((r) => [
    short(ids.get(r.taker) as string),
    short(ids.get(r.counted) as string),
    r.order_id!.slice(-2),
    r.holder === '' || r.holder === '?' ? r.holder : short((ids.get(r.holder) as string | undefined) ?? '[]') || `(not recorded) ${r.holder!.slice(0, 6)}`,
  ]);
  db.close();
  return rows;
};

describe('schema 16: a schema 15 ledger (c7a7918f) migrated by --record', () => {
  it('vouchers, claims and the total unchanged; the old share held with holder "?"', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    fs.copyFileSync(FIXTURE, state);
    expect(version(state)).toEqual({ v: 15, table: false });
    const before = dump(state);
    // Recorded by c7a7918f: A = P {01,02}, B = Q {04,06}, C = Q {00} (e1, 500.00 each); X = Q {01}
    // counting B's 500.00 (a cap share), Z = P {30,02} 60.00 taking A's, Y = Q {06,00} taking C's.
    expect(before.vouchers.map((r) => short((r as { order_ids: string }).order_ids)).sort()).toEqual(['00', '01', '01,02', '04,06', '06,00', '30,02']);
    expect(ledgerTotal(state, tz)).toBe('1500.00');
    const f = files(dir, { e2, e3 });
    // The hourly job on the new build, the same export again: nothing new, migrated in place.
    const r = run(f.e2!, state);
    expect(r.rows.map((v) => v.recorded)).toEqual(r.rows.map(() => 'already_recorded'));
    expect(version(state)).toEqual({ v: 16, table: true });
    expect(dump(state)).toEqual(before);
    expect(ledgerTotal(state, tz)).toBe('1500.00');
    expect(shares(state)).toEqual([
      ['01', '04,06', '04', '?'],
      ['01', '04,06', '06', '?'],
    ]);
    // The third export on the migrated ledger: the share's holders not known, nothing given back
    // from the other side: 2000.00, what c7a7918f pays (reissue-9217-step2.test.ts, "The ledger
    // (before)"); a ledger recorded from schema 16 on pays 1830.00 (that file).
    run(f.e3!, state);
    run(f.e3!, state, '--reissue', 'all');
    expect(ledgerTotal(state, tz)).toBe('2000.00');
  });

  it('recorded from schema 16 on: the share\'s orders with where they were (o04 on time: none; o06 in Q {06,00})', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    run(f.e1!, state);
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(ledgerTotal(state, tz)).toBe('1500.00');
    expect(shares(state)).toEqual([
      ['01', '04,06', '04', ''],
      ['01', '04,06', '06', '06,00'],
    ]);
  });

  it('three --record runs at once on the schema 15 file (cron): migrated once, the new voucher new in exactly one', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    fs.copyFileSync(FIXTURE, state);
    const before = dump(state);
    // e2 with one more buyer: R's order paid 04-07 12:00 (100.00), shipped 04-10 12:00, 72 h: late
    // (48 h to ship), 30 % × 100.00 = 30.00 (tmall-2023, §1.2). R {77} is the only voucher not
    // recorded in the fixture.
    const f = files(dir, { e2r: [...e2, late('77', 'R', '100.00', '04-07 12:00', '04-10 12:00')] });
    const args = (o: string) => ['compensate', f.e2r!, '--state', state, '--as-of', asOf, '-f', 'json', '--record', '-o', path.join(dir, o)];
    const outs = await Promise.all(['a.json', 'b.json', 'c.json'].map((o) => cliAsync(args(o), tmpDir())));
    expect(outs.map((o) => o.code), outs.map((o) => o.stderr).join('\n')).toEqual([0, 0, 0]);
    const rows = ['a.json', 'b.json', 'c.json'].map((o) => JSON.parse(fs.readFileSync(path.join(dir, o), 'utf8')) as Record<string, unknown>[]);
    const ofR = rows.map((rs) => rs.filter((v) => v.buyer === 'R').map((v) => [v.amount, v.recorded])[0]);
    expect(ofR.filter((x) => x![1] === 'new')).toEqual([['30.00', 'new']]);
    expect(ofR.filter((x) => x![1] === 'already_recorded').length).toBe(2);
    expect(version(state)).toEqual({ v: 16, table: true });
    const after = dump(state);
    expect(after.vouchers.slice(0, before.vouchers.length)).toEqual(before.vouchers);
    expect(after.vouchers.map((r) => short((r as { order_ids: string }).order_ids)).slice(before.vouchers.length)).toEqual(['77']);
    expect(shares(state)).toEqual([
      ['01', '04,06', '04', '?'],
      ['01', '04,06', '06', '?'],
    ]);
    expect(ledgerTotal(state, tz)).toBe('1530.00');
  }, 120_000);
});
