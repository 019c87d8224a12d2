// A voucher recorded by a run given the item report (宝贝报表), then read by a run given the order
// report alone (an hourly cron line reading only ExportOrderList*.csv): under tmall-2026, which prices
// each line on its own (RULES 1.3 "the sub-order's actual transaction amount"; docs/rules.md §1.3 "With
// the order report alone the lines are unknown and the order is priced as one"), the second run prices
// the order as one and finds it "now comes to more". It said the orders' ship times or amounts changed
// and that the difference is owed (exit 1, --reissue to record it): a shop following it pays 51.00 the
// rule does not owe. It now also says that this run read no item report and that the difference may be
// only that (money54), at the end of the warning. Failed before: the hint was not there. A run that
// read no order's lines says so of every voucher of such a rule set that comes to more (the order
// report does not say how many lines an order has), so it is worded as a condition.
//
// By hand (tmall-2026, window 48 h, base paid − postage, postage 0.00; paid 2026-11-01 10:00:00, so the
// deadline is 11-03 10:00:00). Order A, 1510.00, three lines:
//   L1 1000.00 shipped 11-04 10:00:00: 24 h late, 5 % × 1000.00 = 50.00 (max 50.00) → 50.00
//   L2  500.00 shipped 11-06 10:00:01: 72 h + 1 s late, out of stock (window ≤ 48 h) 10 % → 50.00
//   L3   10.00 shipped 11-03 10:00:00: on time
//   with the item report: one voucher of 100.00, recorded.
// The order report alone: A shipped 11-06 10:00:01 (its last parcel, the report's 发货时间), out of
//   stock, 10 % × 1510.00 = 151.00: "recorded at 100.00 and now comes to 151.00 … 51.00 more".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

const A = '3900000000000000501';
const PAID = '2026-11-01 10:00:00';
const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const line = (sub: string, amount: string, shipped: string, waybill: string) =>
  `="${sub}",="${A}",羊毛围巾,${amount},1,,,,,交易成功,,,${amount},${amount},,0,${PAID},${PAID},,,,,${shipped},No:${waybill},申通快递,,,,`;

describe('a voucher recorded with the item report, read again from the order report alone (tmall-2026)', () => {
  it('says the run read no item report and the 51.00 may be only that, en and zh', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const orders = write(dir, 'ExportOrderList202611.csv', taobaoCsv([order(A, {
      买家会员名: 'Z', 订单状态: '交易成功', 订单创建时间: PAID, 订单付款时间: PAID,
      买家应付货款: '1510.00', 买家应付邮费: '0.00', 买家实际支付金额: '1510.00', 发货时间: '2026-11-06 10:00:01', 物流单号: 'W1;W2;W3',
    })]));
    const items = write(dir, 'ExportOrderDetailList202611.csv', [HEAD,
      line('3900000000000005011', '1000.00', '2026-11-04 10:00:00', 'W1'),
      line('3900000000000005012', '500.00', '2026-11-06 10:00:01', 'W2'),
      line('3900000000000005013', '10.00', '2026-11-03 10:00:00', 'W3'),
    ].join('\r\n') + '\r\n');
    const brief = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((v) => [v.amount, v.recorded, v.toIssue]);
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const db = `${state}-${tz.replace('/', '-')}`;
      const first = runCli(['compensate', orders, items, '--as-of', '2026-12-01 00:00:00', '--state', db, '--record', '-f', 'json'], { tz });
      expect(first.code).toBe(0);
      expect(brief(first.stdout)).toEqual([['100.00', 'new', '100.00']]);
      const alone = runCli(['compensate', orders, '--as-of', '2026-12-01 01:00:00', '--state', db, '--record', '-f', 'json'], { tz });
      expect(alone.code).toBe(1);
      expect(brief(alone.stdout)).toEqual([['151.00', 'amount_changed', '51.00']]);
      expect(alone.stderr).toContain('was recorded at 100.00 and now comes to 151.00');
      expect(alone.stderr).toContain(
        'then issue it (this run read no item report (宝贝报表): tmall-2026 prices each line on its own, and without the item report an order of several lines is priced as one; if the run that recorded it had the item report, the difference may be only that, nothing owed: run again with the item report to check first)',
      );
      const zh = runCli(['compensate', orders, '--as-of', '2026-12-01 01:00:00', '--state', db, '--record', '-f', 'json', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('再发放差额 (本次运行没有宝贝报表: tmall-2026 按子订单计价, 没有宝贝报表时多个子订单的订单按整单计价; 如果记录它的那次运行有宝贝报表, 差额可能只是因此而来, 并不欠款: 请先加上宝贝报表重新运行核对)');
      // Both reports again: 100.00, already recorded, nothing said of a change.
      const both = runCli(['compensate', orders, items, '--as-of', '2026-12-01 02:00:00', '--state', db, '--record', '-f', 'json'], { tz });
      expect(both.code).toBe(0);
      expect(brief(both.stdout)).toEqual([['100.00', 'already_recorded', '0.00']]);
      expect(both.stderr).not.toContain('read no item report');
    }
  });
});
