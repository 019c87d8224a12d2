// A sighted order (docs/rules.md §1.1) closed never shipped, judged late from its sighting, in a voucher
// the shop owes nothing for: the export shows the platform paid it (延迟发货自动赔付金额; RULES 1.4: the
// platform handled the voucher, `paid_by_platform`, toIssue 0.00). Nothing is recorded (the ledger
// holds what the shop paid), so no recorded voucher pays it, and its sighting never goes (it never
// ships). Until 2026-12 every --record run after its export was pruned named it ("saw late and still
// unshipped … put it back"), exit 1, until --exclude: put back, it was owed nothing anyway.
// Reading adopted: a voucher the shop owes nothing for settles the order (closed: it can no longer
// ship, nothing can grow); the sighting is kept (a run reading the export again judges it from it as
// before: dropped, the order would fall to closed_unshipped and the platform's payout, on its row,
// would no longer mark its day paid), but the order is not named once no input holds it. A run that
// finds its voucher owing again (provisional, to issue) takes the mark back.
//
// By hand (tmall-2026, 48 h, base = paid − postage, 5 % up to 72 h late): X 190.00 + 10.00 postage paid
// 11-10 09:00:00, deadline 11-12 09:00:00; seen open and unshipped by the 11-13 09:00 run (its export
// made then: an order paid 11-13 09:00:00 in it): 24 h late, 5 % × 190.00 = 9.50, provisional. Closed
// never shipped by 11-16, the export showing the platform paid 9.50: late by at least 24 h (the
// sighting), 9.50, paid_by_platform, difference 0.00, toIssue 0.00.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

type Row = Record<string, unknown>;
const X = '4100000000000000901';
const shop = { 店铺Id: '100200300', 店铺名称: '暖冬织物旗舰店' };
const x = (over: Record<string, string>) => order(X, { ...shop, 买家会员名: '小兰', 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:58:00', ...over });
const madeAt = (id: string, at: string) => order(id, { ...shop, 买家会员名: '小绿', 订单付款时间: at, 订单创建时间: at });
const run = (tz: string, file: string, state: string, asOf: string, ...more: string[]) => {
  const r = runCli(['compensate', file, '--state', state, '--as-of', asOf, '-f', 'json', '--lang', 'en', '--record', ...more], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[]) => rows.filter((v) => (v.orderIds as string[]).includes(X)).map((v) => [v.amount, v.state, v.toIssue]);
const NAMED = 'not among the orders this run read';

describe.each(['UTC', 'America/Los_Angeles'])('a sighted order closed never shipped, its voucher paid by the platform, then pruned (TZ=%s)', (tz) => {
  it('is not named: the shop owes nothing for it', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const h1 = write(dir, 'h1.csv', taobaoCsv([x({ 订单状态: '买家已付款，等待卖家发货' }), madeAt('4100000000000000911', '2026-11-13 09:00:00')]));
    const r1 = run(tz, h1, state, '2026-11-13 09:00:00');
    expect(brief(r1.rows)).toEqual([['9.50', 'provisional', '9.50']]);
    const h2 = write(dir, 'h2.csv', taobaoCsv([x({ 订单状态: '交易关闭', 订单关闭原因: '买家申请退款', 延迟发货自动赔付金额: '9.50' }), madeAt('4100000000000000912', '2026-11-16 10:00:00')]));
    const r2 = run(tz, h2, state, '2026-11-16 10:00:00');
    expect(brief(r2.rows)).toEqual([['9.50', 'paid_by_platform', '0.00']]);
    expect(r2.code).toBe(0);
    // Read again: still judged from the sighting (kept), the same.
    expect(brief(run(tz, h2, state, '2026-11-16 11:00:00').rows)).toEqual([['9.50', 'paid_by_platform', '0.00']]);
    // h1 and h2 pruned: X is in no input. Before: named, exit 1, every run.
    const h3 = write(dir, 'h3.csv', taobaoCsv([madeAt('4100000000000000913', '2026-11-17 10:00:00')]));
    const r3 = run(tz, h3, state, '2026-11-17 10:00:00');
    expect(r3.stderr).not.toContain(NAMED);
    expect(r3.code).toBe(0);
  });

  it('one still owed is named as before (the mark is taken back when its voucher owes again)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const h1 = write(dir, 'h1.csv', taobaoCsv([x({ 订单状态: '买家已付款，等待卖家发货' }), madeAt('4100000000000000911', '2026-11-13 09:00:00')]));
    expect(run(tz, h1, state, '2026-11-13 09:00:00').code).toBe(0);
    const h2 = write(dir, 'h2.csv', taobaoCsv([x({ 订单状态: '交易关闭', 订单关闭原因: '买家申请退款', 延迟发货自动赔付金额: '9.50' }), madeAt('4100000000000000912', '2026-11-16 10:00:00')]));
    expect(run(tz, h2, state, '2026-11-16 10:00:00').code).toBe(0);
    // A corrected export: no platform payout after all, and 小兰's other order Y (paid 11-10 10:00:00,
    // deadline 11-12 10:00:00) unshipped, 98 h late at 11-16 12:00: out of stock (> 72 h, window 48 h:
    // tier 2), 10 % × 100.00 = 10.00: {X, Y} provisional, 9.50 + 10.00 = 19.50 owed.
    const y = order('4100000000000000902', { ...shop, 买家会员名: '小兰', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单付款时间: '2026-11-10 10:00:00', 订单创建时间: '2026-11-10 09:58:00', 订单状态: '买家已付款，等待卖家发货' });
    const h2b = write(dir, 'h2b.csv', taobaoCsv([x({ 订单状态: '交易关闭', 订单关闭原因: '买家申请退款' }), y, madeAt('4100000000000000914', '2026-11-16 12:00:00')]));
    expect(brief(run(tz, h2b, state, '2026-11-16 12:00:00').rows)).toEqual([['19.50', 'provisional', '19.50']]);
    const h3 = write(dir, 'h3.csv', taobaoCsv([y, madeAt('4100000000000000913', '2026-11-17 10:00:00')]));
    const r3 = run(tz, h3, state, '2026-11-17 10:00:00');
    expect(r3.stderr).toContain(`1 order an earlier --record run saw late and still unshipped is not among the orders this run read: ${X} (deadline 2026-11-12 09:00:00, last seen unshipped 2026-11-13 09:00:00)`);
    expect(r3.code).toBe(1);
  });
});
