// 王会计's month end (user14): two staff's overlapping downloads of one month given to one
// `compensate` run. Every input row must be accounted for: used, rejected (file:line:reason) or a
// duplicate. The summary counted orders and rejected rows only; the duplicates were in a per-pair line
// ("… share 2 orders …"), so the rows did not add up on stderr: 5 rows read, "3 orders read … 1 rejected
// row". Now, when rows repeat, a line says it as `orders inspect` does: rows read = accepted + rejected +
// duplicates.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const id = (n: number) => `26110000000000000${String(n).padStart(2, '0')}`;

describe.each(['UTC', 'America/Los_Angeles'])('compensate over overlapping downloads: the rows add up (TZ=%s)', (tz) => {
  const d = tmpDir();
  const o = (n: number, over: Record<string, string> = {}) => order(id(n), { 订单状态: '卖家已发货，等待买家确认', 订单付款时间: '2026-11-12 10:00:00', 发货时间: '2026-11-13 10:00:00', ...over });
  // Staff A (older): orders 1, 2, 3 and a row whose amount is not a number (rejected): 4 rows.
  const a = write(d, 'ExportOrderList202611201200.csv', taobaoCsv([o(1), o(2), o(3), o(4, { 买家实际支付金额: '12.3.4' })]));
  // Staff B (newer): orders 2, 3 again and 5: 3 rows.
  const b = write(d, 'ExportOrderList202612010900.csv', taobaoCsv([o(2), o(3), o(5)]));
  // By hand: 7 rows read = 4 accepted (1, 2, 3, 5: 2 and 3 from B) + 1 rejected (A's order 4) + 2 duplicates (A's 2 and 3).
  it('says rows read = accepted + rejected + duplicates (en and zh); -q hides it with the summary', () => {
    const r = runCli(['compensate', a, b, '--as-of', '2026-12-01 09:00:00', '-f', 'json'], { tz });
    expect(r.stderr).toContain('2 files: 7 rows read = 4 accepted + 1 rejected + 2 duplicates');
    const zh = runCli(['compensate', a, b, '--as-of', '2026-12-01 09:00:00', '-f', 'json', '--lang', 'zh'], { tz });
    expect(zh.stderr).toContain('2 个文件: 读取 7 行 = 接受 4 + 拒绝 1 + 重复 2');
    const q = runCli(['compensate', a, b, '--as-of', '2026-12-01 09:00:00', '-f', 'json', '-q'], { tz });
    expect(q.stderr).not.toContain('rows read');
  });
  it('no line when no row repeats (the summary adds up already)', () => {
    const r = runCli(['compensate', b, '--as-of', '2026-12-01 09:00:00', '-f', 'json'], { tz });
    expect(r.stderr).not.toContain('rows read');
  });

  // 阿杰 (user20): the order report with the item report (宝贝报表). The summary counts orders, and an
  // order's row and its lines make one order, so "2 orders read … 1 rejected row" left 3 of the 6 rows
  // unaccounted for, with nothing on stderr adding them up. By hand: order report 2 rows (orders 1, 5);
  // item report 4 lines: order 1's one line, order 5's two lines, and a line of order 5 whose amount is
  // not a number (rejected). 6 rows read = 5 accepted (2 orders) + 1 rejected + 0 duplicates.
  it('order report + item report: rows read = accepted (N orders) + rejected + duplicates', () => {
    const HEAD = '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
    const line = (sub: string, main: string, amount: string) =>
      `="${sub}",="${main}",t,${amount},1,,,,,卖家已发货，等待买家确认,,,${amount},${amount},,0,2026-11-12 09:59:00,2026-11-12 10:00:00,,,,,2026-11-13 10:00:00,,,,,,`;
    const items = write(d, 'ExportOrderDetailList202612010900.csv', [HEAD, line(id(1), id(1), '190.00'), line(`${id(5).slice(0, -2)}51`, id(5), '100.00'), line(`${id(5).slice(0, -2)}52`, id(5), '90.00'), line(`${id(5).slice(0, -2)}53`, id(5), '12.3.4'), ''].join('\r\n'));
    const orders = write(d, 'ExportOrderList202612010901.csv', taobaoCsv([o(1), o(5)]));
    const r = runCli(['compensate', orders, items, '--as-of', '2026-12-01 09:00:00', '-f', 'json'], { tz });
    expect(r.stderr).toContain('2 orders read');
    expect(r.stderr).toContain('2 files: 6 rows read = 5 accepted (2 orders) + 1 rejected + 0 duplicates');
    const zh = runCli(['compensate', orders, items, '--as-of', '2026-12-01 09:00:00', '-f', 'json', '--lang', 'zh'], { tz });
    expect(zh.stderr).toContain('2 个文件: 读取 6 行 = 接受 5 (合为 2 个订单) + 拒绝 1 + 重复 0');
  });
});
