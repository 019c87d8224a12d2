// RULES 1.1 (docs/rules.md §1.1): 合并发货 — one parcel shipping two orders of one buyer, so both
// orders' exports carry the same 物流单号 W. A scan row naming order A with waybill W (A's own, as A's
// export shows) is the parcel's pickup, and so B's too: B's export carries W. Before, the row was a
// contradiction for B (it names another order): B was judged by its 发货时间 (on time) and the buyer's
// voucher was kept provisional; the docs told the user to empty the row's 订单编号.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

// tmall-2026 (paid after 2026-04-09), buyer 小明, both paid on Beijing day 11-10 → one calendar-day window, cap 500.00.
// A: paid 11-10 10:00:00 → deadline 11-12 10:00:00 (48 h); base 买家应付货款 300.00 (paid-minus-postage: 310.00 − 10.00).
// B: paid 11-10 10:30:00 → deadline 11-12 10:30:00; base 80.00 (90.00 − 10.00).
// Both 发货时间 11-12 09:00:00 (on time by it), both 物流单号 W (one parcel). Scan: A, W, 11-13 10:00:00.
// A: 24 h late, tier 5 (window 48 h ≤ 48, ≤ 72 h late): 5 % × 300.00 = 15.00.
// B: 11-13 10:00:00 − 11-12 10:30:00 = 23.5 h late: 5 % × 80.00 = 4.00 → minimum 5.00.
// Voucher (same buyer, same day): 15.00 + 5.00 = 20.00 (≤ 500.00), max 24 h late, final.
const A = '3900000000000000501';
const B = '3900000000000000502';
const rowA = order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '10.00', 买家实际支付金额: '310.00', 发货时间: '2026-11-12 09:00:00', 物流单号: 'No:SF1400000001' });
const rowB = order(B, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 10:29:00', 订单付款时间: '2026-11-10 10:30:00', 买家应付货款: '80.00', 买家应付邮费: '10.00', 买家实际支付金额: '90.00', 发货时间: '2026-11-12 09:00:00', 物流单号: 'No:SF1400000001' });
const scans = write(dir, 'scans.csv', `订单编号,物流单号,揽收时间\n${A},SF1400000001,2026-11-13 10:00:00\n`);

describe('合并发货: a scan row naming order A with the waybill A and B share ships B too', () => {
  for (const tz of TZS) {
    it(`A read before B: A 15.00 + B 5.00 (4.00 raised to the minimum) = 20.00, final — TZ=${tz}`, () => {
      const f = write(dir, 'ab.csv', taobaoCsv([rowA, rowB]));
      const r = runCli(['compensate', f, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[`${A};${B}`, '20.00', 'final', 24]]);
      expect(r.stderr).not.toContain('carry a waybill that is not that order');
      expect(r.stderr).not.toContain('carries a waybill that is not that order');
      expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
    });

    it(`B read before A (B is held until A's row is read): the same 20.00, final — TZ=${tz}`, () => {
      const f = write(dir, 'ba.csv', taobaoCsv([rowB, rowA]));
      const r = runCli(['compensate', f, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[`${A};${B}`, '20.00', 'final', 24]]);
      expect(r.stderr).not.toContain('not that order');
    });
  }

  it('B in the newer export, A in the older (files are read newest first: B is read, and held, before A): the same 20.00, final', () => {
    // Before, fa was written last (the newer file, read first): A came before B and B was never held.
    // Now fb is the newer by a day. D, in both files, proves the order: the newer file's D is the one read
    // (docs/formats.md: of an order in two exports the newer stands) — buyer 小红, paid 11-10 10:00:00, 发货时间
    // 11-13 10:00:00, 24 h late, no scan: fb's D base 110.00 − 10.00 = 100.00 → 5 % = 5.00; fa's D 410.00 − 10.00 =
    // 400.00 → 20.00. D 5.00 says fb came first, so B was read before A: without the hold (B judged at once,
    // the row naming the unread A a contradiction) B is on time by 发货时间 and the buyer's voucher A 15.00 alone,
    // provisional; with it, 20.00 final.
    const D = '3900000000000000503';
    const rowD = (paid: string) => order(D, { 买家会员名: '小红', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00', 买家应付邮费: '10.00', 买家实际支付金额: paid, 发货时间: '2026-11-13 10:00:00', 物流单号: 'No:YT9000000503' });
    const fb = write(dir, 'only-b.csv', taobaoCsv([rowB, rowD('110.00')]), new Date('2026-11-20T12:00:00Z'));
    const fa = write(dir, 'only-a.csv', taobaoCsv([rowA, rowD('410.00')]), new Date('2026-11-19T12:00:00Z'));
    for (const args of [[fb, fa], [fa, fb]]) {
      const r = runCli(['compensate', ...args, '--shipments', scans, ...AS_OF]);
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([
        [`${A};${B}`, '20.00', 'final', 24],
        [D, '5.00', 'final', 24],
      ]);
      expect(r.stderr).not.toContain('not that order');
    }
  });

  it('A whose export shows another waybill (SF1400000009): the row contradicts itself, the pickup of neither; B by 发货时间 (on time), nothing final', () => {
    // The row's waybill is not A's: RULES 1.1, neither A's nor B's pickup. Both on time by 发货时间 (11-12 09:00:00);
    // nothing owed, the two orders named as left without their scan.
    const otherA = { ...rowA, 物流单号: 'No:SF1400000009' };
    const f = write(dir, 'contra.csv', taobaoCsv([rowB, otherA]));
    const r = runCli(['compensate', f, '--shipments', scans, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('1 pickup scan row names an order by its id but carries a waybill that is not that order');
    expect(r.stderr).toContain(`${scans}:2`);
  });

  // 合并发货 is one parcel shipping one buyer's orders (docs/rules.md §5: blue flag, several orders merged into
  // one shipment). B of another buyer (or of the same nick in another shop) whose export shows A's waybill W: a
  // reused or mistyped waybill, not a parcel they share. The row (A, W, 11-13 10:00:00) is A's pickup only:
  // A 24 h late, 15.00 (as above), its own voucher, final. B is judged by its 发货时间 11-12 09:00:00 (on
  // time, nothing owed); its buyer's window kept provisional (none here), the row named.
  // Before: B took A's pickup, 23.5 h late, 5.00 paid to a buyer whose parcel it was not.
  for (const [what, over] of [
    ['another buyer (小刚)', { 买家会员名: '小刚' }],
    ['the same nick in another shop', { 店铺名称: '围巾专营店' }],
  ] as const) {
    for (const order of ['A first', 'B first']) {
      it(`B of ${what}, ${order}: A 15.00 alone, final; B not shipped by A's row (on time by 发货时间), the row named`, () => {
        const a = { ...rowA, 店铺名称: '围巾旗舰店' };
        const b = { ...rowB, 店铺名称: '围巾旗舰店', ...over };
        const f = write(dir, `other-${what.length}-${order[0]}.csv`, taobaoCsv(order === 'A first' ? [a, b] : [b, a]));
        const r = runCli(['compensate', f, '--shipments', scans, ...AS_OF]);
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[A, '15.00', 'final', 24]]);
        expect(r.stderr).toContain(`1 pickup scan row names an order with its own waybill, which the export also shows for an order of another buyer (or shop)`);
        expect(r.stderr).toContain(`${scans}:2 (order id ${A}, waybill SF1400000001; found for ${B})`);
        expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
      });
    }
  }

  // The same with B's lines given (--lines: the 宝贝报表, which has no buyer column) and B priced as one order
  // (tmall-2023: paid 2026-04-01, before 04-09). A 小明 paid 04-01 10:00:00 → deadline 04-03 10:00:00, base 310.00 −
  // 10.00 = 300.00, picked up 04-04 10:00:00 (the row A, W): 24 h late, 30 % × 300.00 = 90.00. B 小刚 paid 04-01
  // 10:30:00 → deadline 04-03 10:30:00, lines BL1 50.00 and BL2 30.00 (80.00, postage 0.00), every 发货时间 04-03
  // 09:00:00: on time by it, nothing owed, the row named for B. Before: B's lines were looked up without the
  // order's buyer (an item-report line has none), not told apart: B took A's row, 23.5 h late, 30 % × 80.00 =
  // 24.00 paid to 小刚, final, the row not named. Under tmall-2026 (each line its own view) it was already right.
  for (const lineWaybill of ['SF1400000001', '']) {
    it(`B of another buyer with its item report (lines ${lineWaybill ? 'on W' : 'without a waybill'}), tmall-2023: A 90.00 alone; B 0.00 (was 24.00)`, () => {
      const m = '2026-04';
      const a = order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: `${m}-01 09:59:00`, 订单付款时间: `${m}-01 10:00:00`, 买家应付货款: '300.00', 买家应付邮费: '10.00', 买家实际支付金额: '310.00', 发货时间: `${m}-03 09:00:00`, 物流单号: 'No:SF1400000001' });
      const b = order(B, { 买家会员名: '小刚', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: `${m}-01 10:29:00`, 订单付款时间: `${m}-01 10:30:00`, 买家应付货款: '80.00', 买家应付邮费: '0.00', 买家实际支付金额: '80.00', 发货时间: `${m}-03 09:00:00`, 物流单号: 'No:SF1400000001' });
      const head = '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
      const line = (sub: string, amount: string) => `="${sub}",="${B}",t,${amount},1,,,,,卖家已发货，等待买家确认,,,${amount},${amount},,0,${m}-01 10:29:00,${m}-01 10:30:00,,,,,${m}-03 09:00:00,${lineWaybill},,,,,`;
      const tag = lineWaybill ? 'w' : 'n';
      const f = write(dir, `other-lines-${tag}.csv`, taobaoCsv([a, b]));
      const items = write(dir, `other-items-${tag}.csv`, [head, line('3900000000000000511', '50.00'), line('3900000000000000512', '30.00'), ''].join('\n'));
      const s = write(dir, 'scans-apr.csv', `订单编号,物流单号,揽收时间\n${A},SF1400000001,${m}-04 10:00:00\n`);
      for (const tz of TZS) {
        const r = runCli(['compensate', f, items, '--shipments', s, ...AS_OF], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[A, '90.00', 'final', 24]]);
        expect(r.stderr).toContain(`${s}:2 (order id ${A}, waybill SF1400000001; found for ${B})`);
        expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
      }
    });
  }

  it('A not in the exports at all: the row names an order the exports lack — B is not shipped by it (contradiction, as before)', () => {
    const f = write(dir, 'b-alone.csv', taobaoCsv([rowB]));
    const r = runCli(['compensate', f, '--shipments', scans, ...AS_OF]);
    // B by 发货时间: on time, nothing owed.
    expect(rows(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('carries a waybill that is not that order');
  });

  it('at most 10,000 orders wait for the order a row names: the 10,001st is judged at once without the row (by its 发货时间: on time) and the run says so', () => {
    // 10,001 orders B_i (each its own buyer, base 80.00, paid 11-10 10:30:00, 发货时间 11-12 09:00:00: on time by it),
    // all carrying waybill SF1400000001, then A (as above). The row (A, SF1400000001, 11-13 10:00:00) is their pickup:
    // each held B_i 23.5 h late → 5 % × 80.00 = 4.00 → minimum 5.00; A 15.00. The 10,001st B has no room to wait:
    // judged by 发货时间, on time, nothing owed for it, its voucher question left provisional (none here: on time).
    // No buyer name (an export that leaves it out): each its own voucher, never combined, and a row naming A is
    // not told another buyer's (one parcel ships one buyer's orders, docs/rules.md §1.1).
    const bs = Array.from({ length: 10_001 }, (_, i) => ({ ...rowB, 订单编号: String(3900000000010000000n + BigInt(i)), 买家会员名: '' }));
    const f = write(dir, 'many.csv', taobaoCsv([...bs, rowA]));
    const r = runCli(['compensate', f, '--shipments', scans, ...AS_OF]);
    const out = JSON.parse(r.stdout) as V[];
    expect(out.length).toBe(10_001);
    expect(out.filter((v) => v.amount === '5.00').length).toBe(10_000);
    expect(out.filter((v) => v.orderIds.includes(bs[10_000]!.订单编号!)).length).toBe(0);
    expect(out.find((v) => v.orderIds.includes(A))?.amount).toBe('15.00');
    expect(r.stderr).toContain('1 order had a pickup scan row (found by its waybill) naming another order that the exports show later, past the 10000 orders that may wait for it');
    // The row is named under that heading, with the order it was left out for; not as a contradiction (before,
    // it was listed as "names an order by its id but carries a waybill that is not that order's": A's export shows it).
    expect(r.stderr).toContain(`provisional: ${scans}:2 (order id ${A}, waybill SF1400000001; found for ${bs[10_000]!.订单编号})`);
    expect(r.stderr).not.toContain('not that order');
    expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
  });
});
