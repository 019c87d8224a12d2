// Why the sighting of a closed never-shipped order stays after its voucher is recorded (docs/rules.md
// §1.1; money41's round on the sightings table's growth). Such a row is read by every later run that
// reads the order: the export still shows it closed, never shipped, with no close time, and only the
// sighting says it was open past its deadline. Dropped once the voucher is recorded (or once a --record
// run does not read the order: a run given one file by hand next to the hourly job's state, or an
// export pruned and put back), a later run reading the order would call it closed_unshipped and say
// something else about a day already paid: the stdout rows, the summary and the warnings change (the
// money does not here). So no such row is deleted: the same runs with and without a run that misses
// the order say the same, byte for byte.
//
// By hand (tmall-2026: 48 h, base = paid − postage, 5 % up to 72 h late, min 5.00, buyer's calendar
// day capped at 500.00): 小兰's X 190.00 + 10.00 postage paid 11-10 09:00:00 (deadline 11-12 09:00:00)
// and Y 100.00 paid 11-10 10:00:00 (deadline 11-12 10:00:00). The 11-13 09:00 run reads both unshipped
// in an export whose latest payment is 11-13 09:00:00: X is seen 24 h late. Y ships 11-14 10:00:00, 48 h
// late: 5 % × 100.00 = 5.00; X closes never shipped: late by at least 24 h (the sighting), 5 % × 190.00
// = 9.50, final; the day {X, Y} 14.50, recorded new at 11-16 10:00. Without the sighting the same export
// reads X closed_unshipped and the day {Y} 5.00, a conflict paid in full by the voucher recorded before
// (checked by hand with the row deleted: "1 not judged (closed_unshipped=1)", "1 fully paid by vouchers
// recorded before").
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

type Row = Record<string, unknown>;
const X = '4100000000000000901';
const Y = '4100000000000000902';
const shop = { 店铺Id: '100200300', 店铺名称: '暖冬织物旗舰店' };
const x = (over: Record<string, string>) => order(X, { ...shop, 买家会员名: '小兰', 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:58:00', ...over });
const y = (over: Record<string, string>) => order(Y, { ...shop, 买家会员名: '小兰', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单付款时间: '2026-11-10 10:00:00', 订单创建时间: '2026-11-10 09:58:00', ...over });
const madeAt = (id: string, at: string) => order(id, { ...shop, 买家会员名: '小绿', 订单付款时间: at, 订单创建时间: at });
const run = (tz: string, file: string, state: string, asOf: string) => {
  const r = runCli(['compensate', file, '--state', state, '--as-of', asOf, '-f', 'json', '--lang', 'en', '--record'], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[]) => rows.filter((v) => (v.orderIds as string[]).includes(Y)).map((v) => [(v.orderIds as string[]).join(), v.amount, v.state, v.recorded, v.toIssue]);

describe.each(['UTC', 'America/Los_Angeles'])('a closed never-shipped order paid from its sighting (TZ=%s)', (tz) => {
  it('is judged the same by every later run reading it, whether or not a run in between missed it', () => {
    const outs: string[][] = [];
    for (const missed of [false, true]) {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const h1 = write(dir, 'h1.csv', taobaoCsv([x({ 订单状态: '买家已付款，等待卖家发货' }), y({ 订单状态: '买家已付款，等待卖家发货' }), madeAt('4100000000000000911', '2026-11-13 09:00:00')]));
      run(tz, h1, state, '2026-11-13 09:00:00');
      const h2 = write(dir, 'h2.csv', taobaoCsv([x({ 订单状态: '交易关闭', 订单关闭原因: '买家申请退款' }), y({ 订单状态: '卖家已发货，等待买家确认', 发货时间: '2026-11-14 10:00:00' }), madeAt('4100000000000000912', '2026-11-16 10:00:00')]));
      const r2 = run(tz, h2, state, '2026-11-16 10:00:00');
      expect(brief(r2.rows)).toEqual([[`${X},${Y}`, '14.50', 'final', 'new', '14.50']]);
      expect(r2.code).toBe(0);
      if (missed) {
        // A --record run by hand on today's download alone: X is in none of its inputs; paid by a
        // recorded voucher, it is not named (exit 0).
        const h3 = write(dir, 'h3.csv', taobaoCsv([madeAt('4100000000000000913', '2026-11-17 10:00:00')]));
        const r3 = run(tz, h3, state, '2026-11-17 10:00:00');
        expect(r3.stderr).not.toContain('not among the orders this run read');
        expect(r3.code).toBe(0);
      }
      // The hourly job reads h2 again (it stays in the folder for 7 days).
      const r4 = run(tz, h2, state, '2026-11-17 11:00:00');
      expect(brief(r4.rows)).toEqual([[`${X},${Y}`, '14.50', 'final', 'already_recorded', '0.00']]);
      expect(r4.stderr).toContain(`${X} (${h2}:2) seen open and unshipped at 2026-11-13 09:00:00, 24 h after its deadline 2026-11-12 09:00:00`);
      expect(r4.stderr).toContain('2 late, 0 not judged');
      expect(r4.code).toBe(0);
      outs.push([String(r4.code), r4.stdout, r4.stderr.split(dir).join('DIR')]);
    }
    expect(outs[1]).toEqual(outs[0]);
  });
});
