// A buyer's cap is per shop (docs/rules.md §1.2 / §1.3, "each shop owes up to its own cap"): a
// Taobao/Tmall export names its shop (店铺Id, else 店铺名称), and from schema 9 each recorded voucher
// keeps it. Two shops' exports in one run, or recorded into one state database, pay each shop's
// buyer up to that shop's cap. A voucher recorded without a shop (a v8 database) still counts
// toward every shop's cap of its buyer (short, never past a cap) and is still paid once.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/state/schema.js';
import { runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { files, ledger, recorder, shipped } from './record-runs.js';

const AS_OF = '2026-07-01 00:00:00';
// Two shops sharing this state database on purpose: --new-shop lets a shop in beside the other (compensate/shop-other-db.test.ts).
const record = recorder(AS_OF, '--new-shop');
const HINT = "were capped with recorded vouchers none of whose orders are in this run's exports: if those came from another shop's export";
const inShop = (row: ReturnType<typeof shipped>, id: string, name: string) => ({ ...row, 店铺Id: id, 店铺名称: name });
const seen = (rows: Record<string, unknown>[]) => rows.map((v) => [v.orderIds, v.toIssue]);
const total = (state: string) => /total ([\d.]+)/.exec(ledger(state).stderr)?.[1];

// tmall-2023 (docs/rules.md §1.2): paid 2026-03-01, 48 h to ship, shipped 03-04 10:00 (late);
// 30 % of 9000.00 = 2700.00 an order; one buyer's payments within 24 h combined, 500.00 a window.
//   shop A (店铺Id 1001): orders …11 (10:00) and …12 (11:00): 2700.00 + 2700.00 = 5400.00 → 500.00
//   shop B (店铺Id 2002): order …21 (12:00), within A's 24 h but another shop: 2700.00 → 500.00
// Owed: 500.00 by each shop, 1000.00 in all. Buyer-only (the old code): one window of three
// orders, 8100.00 → 500.00 in one run; 0.00 for shop B recorded after shop A into one database.
const a1 = inShop(shipped('5000000000000000011', 'P', '9000.00', '2026-03-01 10:00:00', '2026-03-04 10:00:00'), '1001', '甲店');
const a2 = inShop(shipped('5000000000000000012', 'P', '9000.00', '2026-03-01 11:00:00', '2026-03-04 10:00:00'), '1001', '甲店');
const b1 = inShop(shipped('5000000000000000021', 'P', '9000.00', '2026-03-01 12:00:00', '2026-03-04 10:00:00'), '2002', '乙店');

describe('two shops, one buyer nick: each shop owes up to its own cap', () => {
  it('tmall-2023, both exports in one run: 500.00 for each shop, not 500.00 for both', () => {
    const dir = tmpDir();
    const f = files(dir, { a: [a1, a2], b: [b1] });
    const r = record(f.a!, path.join(dir, 'one.db'), f.b!);
    expect(r.code).toBe(0);
    expect(seen(r.rows)).toEqual([
      [['5000000000000000011', '5000000000000000012'], '500.00'],
      [['5000000000000000021'], '500.00'],
    ]);
    expect(r.stderr).toContain('storeops: this run holds the orders of 2 shops (1001, 2002)');
    expect(total(path.join(dir, 'one.db'))).toBe('1000.00');
    // Each row names the shop whose cap it counts toward (before issueNow, the last column; 店铺 in Chinese).
    expect(r.rows.map((v) => v.shop)).toEqual(['1001', '2002']);
    const zh = runCli(['compensate', f.a!, f.b!, '--as-of', AS_OF, '--lang', 'zh', '-f', 'csv', '-q']);
    const lines = zh.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(',').at(-2)).toBe('店铺');
    expect(lines.slice(1).map((l) => l.split(',').at(-2))).toEqual(['1001', '2002']);
    const byOrder = runCli(['compensate', f.a!, f.b!, '--as-of', AS_OF, '--by', 'order', '-f', 'csv', '-q']);
    // shop is second to last there too, before issueNow: each order's share of its voucher's 500.00 in
    // paid order: …11 takes its 2700.00 up to the 500.00 there is, …12 the 0.00 left; …21 its own 500.00.
    expect(byOrder.stdout.trimEnd().split('\n').map((l) => l.split(',').slice(-2))).toEqual([['shop', 'issueNow'], ['1001', '500.00'], ['1001', '0.00'], ['2002', '500.00']]);
  });

  it('tmall-2023, recorded in two runs into one state database: shop B is told 500.00, not 0.00', () => {
    const dir = tmpDir();
    const f = files(dir, { a: [a1, a2], b: [b1] });
    const shared = path.join(dir, 'shared.db');
    expect(seen(record(f.a!, shared).rows)).toEqual([[['5000000000000000011', '5000000000000000012'], '500.00']]);
    const b = record(f.b!, shared);
    expect(seen(b.rows)).toEqual([[['5000000000000000021'], '500.00']]);
    expect(b.stderr).not.toContain(HINT);
    expect(total(shared)).toBe('1000.00');
    // Each voucher keeps its shop; shop A's export again pays nothing twice.
    const listed = JSON.parse(ledger(shared).stdout) as Record<string, unknown>[];
    expect(listed.map((v) => [v.shop, v.amount])).toEqual([['1001', '500.00'], ['2002', '500.00']]);
    expect(record(f.a!, shared).rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);
    expect(total(shared)).toBe('1000.00');
  });

  it('tmall-2026, one export holding both shops (店铺名称 when 店铺Id is empty): each shop its own 500.00 day', () => {
    // docs/rules.md §1.3 tier 5: shipped 06-04 20:00, ≤ 72 h after the 48 h deadline: 5 % of
    // 1000.00 = 50.00 an order (max 50.00); one buyer's Beijing day combined, capped at 500.00.
    //   shop 甲店 (no Id): 11 orders on 06-01: 11 × 50.00 = 550.00 → 500.00
    //   shop 2002: 1 order on 06-01: 50.00
    // Buyer-only (the old code): 12 orders, 600.00 → 500.00 in one voucher.
    const ids = Array.from({ length: 12 }, (_, i) => String(5000000000000000100n + BigInt(i)));
    const rows = ids.map((id, i) => shipped(id, 'P', '1000.00', `2026-06-01 ${String(8 + i).padStart(2, '0')}:00:00`, '2026-06-04 20:00:00'));
    const dir = tmpDir();
    const f = path.join(dir, 'mixed.csv');
    fs.writeFileSync(f, taobaoCsv([...rows.slice(0, 11).map((r) => ({ ...r, 店铺名称: '甲店' })), inShop(rows[11]!, '2002', '乙店')]));
    const r = record(f, path.join(dir, 's.db'));
    expect(r.code).toBe(0);
    expect(seen(r.rows)).toEqual([
      [ids.slice(0, 11), '500.00'],
      [ids.slice(11), '50.00'],
    ]);
    expect(total(path.join(dir, 's.db'))).toBe('550.00');
  });

  it('orders naming a shop and orders naming none in one run: refused, nothing recorded', () => {
    const dir = tmpDir();
    const bare = shipped('5000000000000000031', 'P', '9000.00', '2026-03-01 13:00:00', '2026-03-04 10:00:00');
    const f = files(dir, { a: [a1, a2], n: [bare] });
    const state = path.join(dir, 's.db');
    const r = record(f.a!, state, f.n!);
    expect(r.code).toBe(3);
    expect(r.rows).toEqual([]);
    expect(r.stderr).toContain(`and others do not (e.g. ${f.n}:2)`);
    expect(r.stderr).toContain(`some orders name their shop (店铺Id / 店铺名称; e.g. ${f.a}:2: `);
    expect(total(state) ?? '0.00').toBe('0.00');
  });
});

describe('a v8 state database brought to 9', () => {
  it('keeps its vouchers (no shop), still pays no order twice, and counts them toward every shop\'s cap, saying so', () => {
    const dir = tmpDir();
    const f = files(dir, { a: [a1, a2], b: [b1] });
    // Shop A's voucher recorded by this storeops, then copied into a file of schema 8 (no `shop`).
    const fresh = path.join(dir, 'fresh.db');
    expect(seen(record(f.a!, fresh).rows)).toEqual([[['5000000000000000011', '5000000000000000012'], '500.00']]);
    const src = new Database(fresh, { readonly: true });
    const vouchers = src.prepare('SELECT voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares FROM vouchers').all() as Record<string, unknown>[];
    const claims = src.prepare('SELECT voucher_key, order_id, kind, claim FROM voucher_orders').all() as Record<string, unknown>[];
    src.close();
    const state = path.join(dir, 'v8.db');
    const raw = new Database(state);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.to <= 8)) m.up(raw);
    raw.pragma('user_version = 8');
    const ins = raw.prepare('INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares) VALUES (@voucher_key, @buyer, @rules, @order_ids, @amount, @window_start, @recorded_at, @kind, @reissue_of, @covered, @shares)');
    for (const v of vouchers) ins.run(v);
    const claim = raw.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (@voucher_key, @order_id, @kind, @claim)');
    for (const c of claims) claim.run(c);
    raw.close();
    expect(total(state)).toBe('500.00');

    // Shop B: the v8 voucher has no shop, so it may be shop B's: counted toward B's cap (0.00 left,
    // short of B's own 500.00 if it was shop A's, never past a cap) and the run says so.
    const b = record(f.b!, state);
    expect(seen(b.rows)).toEqual([[['5000000000000000021'], '0.00']]);
    expect(b.stderr).toContain(`1 voucher(s) ${HINT}`);
    // Shop A's export again: the same voucher, already recorded: nothing owed twice (and its shop,
    // which the export names for these very orders, is filled in).
    const again = record(f.a!, state);
    expect(again.rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);
    // Order …11 in a voucher of shop B with another order is still refused: paid once whatever the shop.
    const twice = files(dir, {
      t: [inShop(a1, '2002', '乙店'), inShop(shipped('5000000000000000013', 'P', '9000.00', '2026-03-01 10:30:00', '2026-03-04 10:00:00'), '2002', '乙店')],
    });
    const t = record(twice.t!, state);
    // {…11, …13} comes to 500.00 (5400.00 capped), all of it paid by the v8 voucher holding …11.
    expect(t.rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'conflict']]);
    expect(t.stderr).toContain('holds orders already paid in vouchers recorded before');
    expect(total(state)).toBe('500.00');

    const check = new Database(state, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(16); // 12: the sightings table (closed-seen.test.ts); 13: its line_id (closed-seen-lines.test.ts); 14: provisional_late (pruned-late-provisional.test.ts); 15: contacts.conversation (reviews/one-conversation.test.ts); 16: cap_share_orders (reissue-9217-step2.test.ts)
    // The v8 voucher's shop is filled in once shop A's export showed the same voucher again (never
    // guessed); shop B's, recorded before that, names its shop and counts the v8 voucher's 500.00
    // as paid toward its cap (covered), issuing nothing.
    expect(check.prepare('SELECT amount, covered IS NOT NULL AS took, shop FROM vouchers ORDER BY rowid').all()).toEqual([
      { amount: '500.00', took: 0, shop: '1001' },
      { amount: '500.00', took: 1, shop: '2002' },
    ]);
    check.close();
  });
});

describe('a voucher recorded without a shop or a window start, seen again', () => {
  it('takes its shop from the export: another shop\'s buyer is then owed its own 500.00, not 0.00', () => {
    // As above (tmall-2023, 30 % × 9000.00 = 2700.00 an order, 500.00 a 24-hour window): the v8
    // voucher {…11, …12} paid 500.00 and kept no shop. Shop A's export shows it again: the same
    // orders, so shop 1001. Shop B's {…21} then shares no cap with it: 2700.00 → 500.00 owed by B.
    // (The previous code left the shop empty and gave B 0.00: short by 500.00.)
    const dir = tmpDir();
    const f = files(dir, { a: [a1, a2], b: [b1] });
    const fresh = path.join(dir, 'fresh.db');
    record(f.a!, fresh);
    const state = path.join(dir, 'v8.db');
    toV8(fresh, state);
    const again = record(f.a!, state);
    expect(again.rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);
    const b = record(f.b!, state);
    expect(seen(b.rows)).toEqual([[['5000000000000000021'], '500.00']]);
    expect(b.stderr).not.toContain(HINT);
    expect(total(state)).toBe('1000.00');
  });

  it('takes its window start from the export: a later order of that window is capped with it, not paid a second 500.00', () => {
    // storeops 0.0.x left some window starts empty (schema 1): such a voucher was in no cap group.
    // {…11, …12} (shop 1001, opening 03-01 10:00) paid 500.00, start NULL; the export shows it
    // again (start 10:00 filled in). An export without those orders then holds …14 of the same
    // buyer and shop, paid 10:30, inside that 24-hour window: 2700.00 → capped at 500.00, all of
    // it paid already → 0.00. (The previous code paid 500.00: 1000.00 for one window.)
    const dir = tmpDir();
    const a4 = inShop(shipped('5000000000000000014', 'P', '9000.00', '2026-03-01 10:30:00', '2026-03-04 10:00:00'), '1001', '甲店');
    const f = files(dir, { a: [a1, a2], c: [a4] });
    const fresh = path.join(dir, 'fresh.db');
    record(f.a!, fresh);
    const state = path.join(dir, 'v8.db');
    toV8(fresh, state, { withoutStart: true });
    expect(record(f.a!, state).rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);
    const c = record(f.c!, state);
    expect(seen(c.rows)).toEqual([[['5000000000000000014'], '0.00']]);
    expect(total(state)).toBe('500.00');
    const check = new Database(state, { readonly: true });
    expect(check.prepare('SELECT shop, window_start FROM vouchers ORDER BY rowid LIMIT 1').get()).toEqual({ shop: '1001', window_start: Date.parse('2026-03-01T10:00:00+08:00') });
    check.close();
    // Not seen again: a voucher without a window start may be in any of its buyer's windows, so it
    // shares every one's cap: …14's 500.00 was paid by it → 0.00 (short at worst, never past a cap).
    const unseen = path.join(dir, 'unseen.db');
    toV8(fresh, unseen, { withoutStart: true });
    expect(seen(record(f.c!, unseen).rows)).toEqual([[['5000000000000000014'], '0.00']]);
    expect(total(unseen)).toBe('500.00');
  });
});

/** `fresh`'s vouchers copied into a new schema-8 file (no shop column); `withoutStart`: window starts NULL, as 0.0.x left some. */
function toV8(fresh: string, state: string, o: { withoutStart?: boolean } = {}): void {
  const src = new Database(fresh, { readonly: true });
  const vouchers = src.prepare('SELECT voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares FROM vouchers').all() as Record<string, unknown>[];
  const claims = src.prepare('SELECT voucher_key, order_id, kind, claim FROM voucher_orders').all() as Record<string, unknown>[];
  src.close();
  const raw = new Database(state);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.filter((m) => m.to <= 8)) m.up(raw);
  raw.pragma('user_version = 8');
  const ins = raw.prepare('INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares) VALUES (@voucher_key, @buyer, @rules, @order_ids, @amount, @window_start, @recorded_at, @kind, @reissue_of, @covered, @shares)');
  for (const v of vouchers) ins.run(o.withoutStart ? { ...v, window_start: null } : v);
  const claim = raw.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (@voucher_key, @order_id, @kind, @claim)');
  for (const c of claims) claim.run(c);
  raw.close();
}

describe('orders normalize', () => {
  it('-f json still writes 店铺Id and 店铺名称 among the extra columns', () => {
    const dir = tmpDir();
    const f = files(dir, { a: [a1] });
    const r = runCli(['orders', 'normalize', f.a!, '-f', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { extra: Record<string, string> | string }[];
    const extra = typeof rows[0]!.extra === 'string' ? (JSON.parse(rows[0]!.extra) as Record<string, string>) : rows[0]!.extra;
    expect([extra['店铺Id'], extra['店铺名称']]).toEqual(['1001', '甲店']);
  });
});
