// --shipments (docs/formats.md, docs/rules.md §1.1): one cell may list several waybills (拆单). Before, a
// list was split only on `;`: `YT1001,YT1002`, `YT1001，YT1002`, `YT1001；YT1002`, `YT1001/YT1002`,
// `YT1001、YT1002` or one waybill per line in the cell were one waybill "YT1001,YT1002", which no scan row
// is — in the order report's 物流单号 and in the scan file alike. And a scan cell `YT1001;YT1002` (one row for
// both parcels) was kept under that text: found by its order id only, never by either waybill. One waybill
// written twice (`SF1 400 000001;sf1400000001`) was two parcels. Each time a late pickup was lost.
// Spaces are no separator: a waybill typed by hand is spaced (`SF 1400 123456` is one waybill).
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';
import { waybillList } from '../../src/io/cells.js';
import { waybillKeys } from '../../src/compensation/inputs.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

// tmall-2026: paid 11-10 10:00:00 → deadline 11-12 10:00:00 (48 h window); base 买家应付货款 200.00
// (paid-minus-postage: 210.00 − 10.00). 发货时间 11-12 08:00:00 (on time by it).
// Late ≤ 72 h, window ≤ 48 h: tier 5, 5 % × 200.00 = 10.00 (within 5.00–50.00).
const A = '3900000000000000701';
const orders = (name: string, waybills: string) =>
  write(dir, `${name}.csv`, taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '200.00', 买家应付邮费: '10.00', 买家实际支付金额: '210.00', 发货时间: '2026-11-12 08:00:00', 物流单号: waybills })]));
// YT1001 picked up 11-12 09:00:00 (on time), YT1002 11-13 10:00:00: the order, shipped with its last
// parcel, is 24 h late → 10.00.
const twoScans = write(dir, 'two.csv', '物流单号,揽收时间\nYT1001,2026-11-12 09:00:00\nYT1002,2026-11-13 10:00:00\n');

describe('a list of waybills in one cell is split on every separator a waybill never holds', () => {
  const lists: Array<[string, string]> = [
    ['comma', 'YT1001,YT1002'],
    ['full-width comma', 'YT1001，YT1002'],
    ['full-width semicolon', 'YT1001；YT1002'],
    ['slash', 'YT1001/YT1002'],
    ['enumeration comma', 'YT1001、YT1002'],
    ['line break', 'YT1001\nYT1002'],
    ['CRLF and spaces', ' YT1001 ，\r\n YT1002 '],
  ];
  for (const tz of TZS) {
    for (const [name, list] of lists) {
      it(`物流单号 "${JSON.stringify(list)}" (${name}): two parcels, the last picked up 24 h late, 10.00 — TZ=${tz}`, () => {
        // Before: one waybill "YT1001,YT1002" with no scan: judged by 发货时间 11-12 08:00:00, on time, nothing.
        const f = orders(`list-${name.replace(/\W/g, '')}`, list);
        const r = runCli(['compensate', f, '--shipments', twoScans, ...AS_OF], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
        expect(r.stderr).toContain('2 scan row(s) read: 2 used.');
      });
    }
  }

  it('物流单号 "YT1001 YT1002" (a space): one waybill as typed by hand — no scan matches it, judged by 发货时间 (on time), both rows named as matching no order', () => {
    const f = orders('list-space', 'YT1001 YT1002');
    const r = runCli(['compensate', f, '--shipments', twoScans, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('2 of 2 row(s) of the pickup scans match no order');
  });

  for (const tz of TZS) {
    for (const cell of ['YT1001;YT1002', '"YT1001,YT1002"', 'YT1001，YT1002', '"YT1001\nYT1002"']) {
      it(`a scan row ${JSON.stringify(cell)} (no order id) at 11-13 10:00:00 is the pickup of both parcels: 24 h late, 10.00 — TZ=${tz}`, () => {
        // Before: kept under the text "YT1001;YT1002", no waybill of the export: matching no order, on time, nothing.
        const f = orders('one-row', 'YT1001;YT1002');
        const s = write(dir, `row-${cell.replace(/\W/g, '')}.csv`, `物流单号,揽收时间\n${cell},2026-11-13 10:00:00\n`);
        const r = runCli(['compensate', f, '--shipments', s, ...AS_OF], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
        expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
      });
    }
  }

  it('a scan row "YT1001;YT1002" found by the one waybill the export shows (YT1002): its pickup, 10.00', () => {
    // Before: not found (its key was "YT1001;YT1002"): on time by 发货时间, nothing.
    const f = orders('single', 'YT1002');
    const s = write(dir, 'row-single.csv', '物流单号,揽收时间\nYT1001;YT1002,2026-11-13 10:00:00\n');
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
  });
});

describe('one waybill written twice in a cell is one parcel', () => {
  it('a scan cell "SF1 400 000001;sf1400000001" (no order id) at 11-13 10:00:00 is SF1400000001\'s pickup: 10.00', () => {
    // Before: kept under "SF1400000001;SF1400000001": matching no order, on time by 发货时间, nothing.
    const f = orders('twice-scan', 'SF1400000001');
    const s = write(dir, 'twice.csv', '物流单号,揽收时间\nSF1 400 000001;sf1400000001,2026-11-13 10:00:00\n');
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
  });

  it('an export 物流单号 "SF1 400 000001;sf1400000001" is judged as the single waybill SF1400000001 is: the row naming the order first (10.00)', () => {
    // Scans: the order by id (no waybill) 11-13 10:00:00, and SF1400000001 by waybill 11-12 09:00:00. For one
    // waybill the row naming the order id comes first (docs/formats.md): 24 h late, 10.00. Before, the two
    // spellings were two parcels, each taking its own waybill's scan first (11-12 09:00:00): on time, nothing.
    const s = write(dir, 'twice-two.csv', `订单编号,物流单号,揽收时间\n${A},,2026-11-13 10:00:00\n,SF1400000001,2026-11-12 09:00:00\n`);
    const one = runCli(['compensate', orders('twice-one', 'SF1400000001'), '--shipments', s, ...AS_OF]);
    expect(rows(one.stdout)).toEqual([[A, '10.00', 'final', 24]]);
    const two = runCli(['compensate', orders('twice-export', 'SF1 400 000001;sf1400000001'), '--shipments', s, ...AS_OF]);
    expect(two.code).toBe(0);
    expect(rows(two.stdout)).toEqual([[A, '10.00', 'final', 24]]);
  });

  it('waybillList and waybillKeys', () => {
    expect(waybillList('YT1001')).toBe('YT1001');
    expect(waybillList('YT1001，YT1002、YT1003/YT1004|YT1005\r\nYT1006；YT1007,')).toBe('YT1001;YT1002;YT1003;YT1004;YT1005;YT1006;YT1007');
    expect(waybillList('No:YT1001;No:YT1002')).toBe('YT1001;YT1002');
    expect(waybillList('SF1 400 000001;sf1400000001')).toBe('SF1 400 000001');
    expect(waybillList('JD-0001 2')).toBe('JD-0001 2');
    expect(waybillKeys('sf 1400 1，yt2；SF14001')).toBe('SF14001;YT2');
  });
});

describe('stderr names a scan row as the file shows it', () => {
  it('a row "sf 1400 999999" matching no order is named as typed, not as its key SF1400999999', () => {
    const f = orders('typed', 'SF1400000001');
    const s = write(dir, 'scan-typed.csv', '物流单号,揽收时间\nsf 1400 999999,2026-11-13 10:00:00\n');
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(r.stderr).toContain(`${s}:2 (sf 1400 999999)`);
    expect(r.stderr).not.toContain('SF1400999999');
  });

  it('a row naming another order with a waybill typed "sf 1400 000001" is named with the waybill as typed', () => {
    // The row names order B (not in the export) with A's waybill: it contradicts itself (docs/formats.md).
    const f = orders('typed-contra', 'SF1400000001');
    const s = write(dir, 'scan-typed-contra.csv', `订单编号,物流单号,揽收时间\n3900000000000000799,sf 1400 000001,2026-11-13 10:00:00\n`);
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(r.stderr).toContain('waybill sf 1400 000001; found for');
  });
});

describe('a row naming the order with a list holding a waybill its export does not show contradicts itself, however found', () => {
  // docs/rules.md §1.1: a row naming order A whose 物流单号 is not A's is the pickup of neither order; the order's
  // waybills listed in the row (W2;W1) are its own — every one of them. Row: A, "YT1001;YT3003", 11-13 10:00:00;
  // A's export shows YT1001 only (发货时间 11-12 08:00:00, on time). Found by A's id: a contradiction (left out),
  // but found by YT1001 it was used: 24 h late, 5 % × 200.00 = 10.00, final, while stderr named the row "the pickup
  // of neither order, not used" and the count said "1 used". Now left out both ways: A judged by its 发货时间, on
  // time, nothing owed (kept provisional, its scan row in question), the row counted as contradicting.
  for (const tz of TZS) {
    it(`A, "YT1001;YT3003" against A's YT1001: 0.00 (was 10.00 final), one contradicting row — TZ=${tz}`, () => {
      const f = orders('list-extra', 'YT1001');
      const s = write(dir, 'row-list-extra.csv', `订单编号,物流单号,揽收时间\n${A},YT1001;YT3003,2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', f, '--shipments', s, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([]);
      expect(r.stderr).toContain(`${s}:2 (order id ${A}, waybill YT1001;YT3003; found for ${A})`);
      expect(r.stderr).toContain('1 scan row(s) read: 0 used, 1 contradicting (order id vs waybill).');
    });
  }

  it('guard: A, "YT1002;YT1001" against A\'s YT1001,YT1002 (every listed waybill A\'s): the pickup of both parcels, 10.00', () => {
    const f = orders('list-own', 'YT1001,YT1002');
    const s = write(dir, 'row-list-own.csv', `订单编号,物流单号,揽收时间\n${A},YT1002;YT1001,2026-11-13 10:00:00\n`);
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
    expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
  });
});
