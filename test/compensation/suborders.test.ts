// RULES 1.3 (tmall-2026): "Late: 5 % of the sub-order's actual transaction amount, clamped to 5–50
// yuan", and 1.4: "for an item report, the line's 买家实际支付金额". With the lines of an order in
// the input (a 宝贝报表), each live line is judged and priced on its own: its own ship time, its own
// amount, its own minimum and maximum; the same-day window and the 500 cap then take them together.
// tmall-2023 and the order report alone still price the order as one. Amounts worked by hand.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
/** One 宝贝报表 line: paid 2026-11-01 10:00:00 (deadline + 48 h = 11-03 10:00:00). */
const line = (sub: string, main: string, amount: string, shipped: string, title = 't', status = '交易成功', waybill = '') =>
  `="${sub}",="${main}",${title},${amount},1,,,,,${status},,,${amount},${amount},,0,2026-11-01 09:59:00,2026-11-01 10:00:00,,,,,${shipped},${waybill},,,,,`;
const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
const A = '3700000000000000001';
const B = '3700000000000000002';
const AS_OF = ['--as-of', '2026-11-20 00:00:00'];
const vouchers = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((v) => [v.orderIds, v.lateOrders, v.baseAmount, v.amount, v.state]);

describe('tmall-2026 with an item report: each sub-order priced on its own', () => {
  // A: two lines of 2000.00, both shipped 11-04 10:00:00 (24 h late): 5 % × 2000.00 = 100.00 → 50.00 each = 100.00
  //    (the order as one: 5 % × 4000.00 = 200.00 → 50.00).
  // B: two lines of 20.00, both 24 h late: 5 % × 20.00 = 1.00 → the 5.00 minimum each = 10.00 (as one: 5.00).
  const both = items('both.csv', [line('3700000000000000011', A, '2000.00', '2026-11-04 10:00:00'), line('3700000000000000012', A, '2000.00', '2026-11-04 10:00:00'), line('3700000000000000021', B, '20.00', '2026-11-04 10:00:00'), line('3700000000000000022', B, '20.00', '2026-11-04 10:00:00')]);

  it('two late lines: a minimum and a maximum each (100.00 and 10.00), one voucher per order', () => {
    const r = runCli(['compensate', both, ...AS_OF, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(vouchers(r.stdout)).toEqual([
      [[A], 1, '4000.00', '100.00', 'final'],
      [[B], 1, '40.00', '10.00', 'final'],
    ]);
    expect(r.stderr).toContain('2 orders read, 2 paid, 2 late, 0 not judged');
  });

  it('--by order shows each late line with its own working, told apart by its 子订单编号', () => {
    const r = runCli(['compensate', both, ...AS_OF, '-f', 'json', '--by', 'order']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((x) => [x.orderId, x.lineId, x.base, x.rate, x.raw, x.afterMinimum])).toEqual([
      [A, '3700000000000000011', '2000.00', '0.05', '100.00', '50.00'],
      [A, '3700000000000000012', '2000.00', '0.05', '100.00', '50.00'],
      [B, '3700000000000000021', '20.00', '0.05', '1.00', '5.00'],
      [B, '3700000000000000022', '20.00', '0.05', '1.00', '5.00'],
    ]);
    // csv: the line ids as text a spreadsheet keeps whole, as the order ids are.
    const csv = runCli(['compensate', both, ...AS_OF, '-f', 'csv', '--by', 'order']).stdout.split(/\r?\n/);
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['orderId', 'lineId', 'buyer']);
    expect(csv[1]!.split(',').slice(0, 2)).toEqual([A, '3700000000000000011']);
    expect(csv[2]!.split(',').slice(0, 2)).toEqual([A, '3700000000000000012']);
  });

  it('--by order on an order report alone: the lineId column is empty (the order is judged as one)', () => {
    const ord = write(dir, 'alone.csv', taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '4000.00', 买家应付邮费: '0.00', 买家实际支付金额: '4000.00', 发货时间: '2026-11-04 10:00:00' })]));
    const r = runCli(['compensate', ord, ...AS_OF, '-f', 'json', '--by', 'order']);
    // 24 h late: 5 % × 4000.00 = 200.00 → the 50.00 maximum.
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((x) => [x.orderId, x.lineId, x.afterMinimum])).toEqual([[A, '', '50.00']]);
  });

  it('one line on time, one late: only the late line is paid (5 % × 300.00 = 15.00, not 5 % × 400.00 = 20.00)', () => {
    const f = items('mixed.csv', [line('3700000000000000011', A, '100.00', '2026-11-03 09:00:00'), line('3700000000000000012', A, '300.00', '2026-11-03 11:00:00')]);
    const r = runCli(['compensate', f, ...AS_OF, '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([[[A], 1, '300.00', '15.00', 'final']]);
  });

  it('tmall-2023 still pays the order as one: 30 % × 4000.00 = 1200.00, capped at 500.00; B: 30 % × 40.00 = 12.00', () => {
    const r = runCli(['compensate', both, ...AS_OF, '--rules', 'tmall-2023', '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([
      [[A], 1, '4000.00', '500.00', 'final'],
      [[B], 1, '40.00', '12.00', 'final'],
    ]);
  });

  it('joined to the order report (the buyer from it): per line too; the order report alone: the order as one', () => {
    const shipped = '卖家已发货，等待买家确认';
    const ord = write(dir, 'orders.csv', taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '4000.00', 买家应付邮费: '0.00', 买家实际支付金额: '4000.00', 发货时间: '2026-11-04 10:00:00' })]));
    const lines = items('a-lines.csv', [line('3700000000000000011', A, '2000.00', '2026-11-04 10:00:00'), line('3700000000000000012', A, '2000.00', '2026-11-04 10:00:00')]);
    const joined = runCli(['compensate', ord, lines, ...AS_OF, '-f', 'json']);
    expect((JSON.parse(joined.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount])).toEqual([['小明', [A], '100.00']]);
    const alone = runCli(['compensate', ord, ...AS_OF, '-f', 'json']);
    expect((JSON.parse(alone.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount])).toEqual([['小明', [A], '50.00']]);
  });

  it('a rejected line (its amount typed 2OOO.00) keeps its order\'s voucher provisional; the other order\'s stays final', () => {
    // The item report has no buyer column: an order is never combined with another, so only A may be
    // missing the line. A's two good lines: 50.00 each = 100.00 as above, B 10.00. Before, A was final.
    const f = items('bad-line.csv', [line('3700000000000000011', A, '2000.00', '2026-11-04 10:00:00'), line('3700000000000000012', A, '2000.00', '2026-11-04 10:00:00'), line('3700000000000000013', A, '2OOO.00', '2026-11-04 10:00:00'), line('3700000000000000021', B, '20.00', '2026-11-04 10:00:00'), line('3700000000000000022', B, '20.00', '2026-11-04 10:00:00')]);
    const r = runCli(['compensate', f, ...AS_OF, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(vouchers(r.stdout)).toEqual([
      [[A], 1, '4000.00', '100.00', 'provisional'],
      [[B], 1, '40.00', '10.00', 'final'],
    ]);
    expect(r.stderr).toContain("1 rejected row(s) are lines of orders without a buyer name: those orders' vouchers are kept provisional");
  });

  it('a line not yet due keeps the voucher of its late sibling provisional (it may still be late and join it)', () => {
    // Line 1 "极速发": window 24 h → due 11-02 10:00:00, shipped 11:00:00: 1 h late, 5 % × 600.00 = 30.00.
    // Line 2: due 11-03 10:00:00, not shipped at as-of 11-02 12:00:00: pending. The calendar day is over,
    // but the voucher cannot be final while line 2 may still turn late.
    const f = items('pending.csv', [line('3700000000000000011', A, '600.00', '2026-11-02 11:00:00', '极速发 围巾'), line('3700000000000000012', A, '100.00', '', '帽子', '买家已付款，等待卖家发货')]);
    const r = runCli(['compensate', f, '--as-of', '2026-11-02 12:00:00', '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([[[A], 1, '600.00', '30.00', 'provisional']]);
  });

  // Found by review of the first version.
  it('a closed line beside one live line: the live line alone is priced (5 % × 300.00 = 15.00, not of 1300.00)', () => {
    const f = items('closed.csv', [line('3700000000000000011', A, '300.00', '2026-11-04 10:00:00'), line('3700000000000000012', A, '1000.00', '', 't', '交易关闭')]);
    expect(vouchers(runCli(['compensate', f, ...AS_OF, '-f', 'json']).stdout)).toEqual([[[A], 1, '300.00', '15.00', 'final']]);
  });

  it('a line that cannot be judged (shipped, no 发货时间) keeps its late sibling\'s voucher provisional', () => {
    const f = items('noship.csv', [line('3700000000000000011', A, '400.00', '2026-11-04 10:00:00'), line('3700000000000000012', A, '400.00', '', 't', '卖家已发货，等待买家确认')]);
    expect(vouchers(runCli(['compensate', f, ...AS_OF, '-f', 'json']).stdout)).toEqual([[[A], 1, '400.00', '20.00', 'provisional']]);
  });

  it('the order report stays the truth where a line is silent: shipped on time there, no voucher from stale unshipped lines', () => {
    const shipped = '卖家已发货，等待买家确认';
    const ord = write(dir, 'stale-orders.csv', taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '800.00', 买家应付邮费: '0.00', 买家实际支付金额: '800.00', 发货时间: '2026-11-02 10:00:00' })]));
    const stale = items('stale-lines.csv', [line('3700000000000000011', A, '400.00', '', 't', '买家已付款，等待卖家发货'), line('3700000000000000012', A, '400.00', '', 't', '买家已付款，等待卖家发货')]);
    const r = runCli(['compensate', ord, stale, ...AS_OF, '-f', 'json']);
    expect(r.stdout.trim()).toBe('[]');
  });

  // Found by the second review.
  describe('with the order report', () => {
    const shipped = '卖家已发货，等待买家确认';
    const report = (name: string, over: Record<string, string>) =>
      write(dir, name, taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '800.00', 买家应付邮费: '0.00', 买家实际支付金额: '800.00', 发货时间: '2026-11-02 10:00:00', ...over })]));

    it('partly shipped: the unshipped line does not take the report\'s ship time (out of stock: 10 % × 400.00 = 40.00, provisional)', () => {
      const ord = report('part-orders.csv', { 订单状态: '卖家部分发货' });
      const f = items('part-lines.csv', [line('3700000000000000011', A, '400.00', '2026-11-02 10:00:00'), line('3700000000000000012', A, '400.00', '', 't', '买家已付款，等待卖家发货')]);
      expect(vouchers(runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']).stdout)).toEqual([[[A], 1, '400.00', '40.00', 'provisional']]);
    });

    it("a scan of the report's waybill counts for shipped lines without their own (24 h late each: 20.00 + 20.00)", () => {
      const ord = report('wb-orders.csv', { 物流单号: 'TB9' });
      const f = items('wb-lines.csv', [line('3700000000000000011', A, '400.00', '2026-11-02 10:00:00'), line('3700000000000000012', A, '400.00', '2026-11-02 10:00:00')]);
      const scans = write(dir, 'wb-scans.csv', '物流单号,揽收时间\nTB9,2026-11-04 10:00:00\n');
      expect(vouchers(runCli(['compensate', ord, f, ...AS_OF, '--shipments', scans, '-f', 'json']).stdout)).toEqual([[[A], 1, '800.00', '40.00', 'final']]);
    });

    it("the report's platform payout goes with the late line, even when an on-time line comes first (paid by the platform, nothing to issue)", () => {
      const ord = report('pp-orders.csv', { 发货时间: '2026-11-04 10:00:00', 延迟发货自动赔付金额: '20.00' });
      const f = items('pp-lines.csv', [line('3700000000000000011', A, '400.00', '2026-11-02 10:00:00'), line('3700000000000000012', A, '400.00', '2026-11-04 10:00:00')]);
      const r = runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']);
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.platformPaid, v.state, v.toIssue])).toEqual([['20.00', '20.00', 'paid_by_platform', '0.00']]);
    });

    // docs/rules.md §1.4a: "the export shows a payout above 0.00 for any order of the voucher → paid_by_platform,
    // toIssue 0.00". Found by test/oracle/fuzz_lines.py. A line with 是否赔付/赔付金额 filled in:
    const paidLine = (sub: string, amount: string, shipped: string, flag: string, paid: string) =>
      line(sub, A, amount, shipped).replace(/,,,,,$/, `,,${flag},${paid},,`);
    const shownPaid = (r: { stdout: string }) => (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.platformPaid, v.state, v.toIssue]);

    it("the report's payout (20.00) counts though the lines show 0.00: paid by the platform, nothing to issue", () => {
      // The late line: shipped 11-04 10:00:00, 24 h after its deadline (11-03 10:00:00): 5 % × 400.00 = 20.00.
      // The report shows 20.00 paid for the order. Before: the lines' 0.00 hid it, 20.00 to issue (paid twice).
      const ord = report('pp0-orders.csv', { 发货时间: '2026-11-04 10:00:00', 延迟发货自动赔付金额: '20.00' });
      const f = items('pp0-lines.csv', [paidLine('3700000000000000011', '400.00', '2026-11-02 10:00:00', '否', '0.00'), paidLine('3700000000000000012', '400.00', '2026-11-04 10:00:00', '否', '0.00')]);
      expect(shownPaid(runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']))).toEqual([['20.00', '20.00', 'paid_by_platform', '0.00']]);
    });

    it('a payout shown on the on-time line counts for the order: paid by the platform, nothing to issue', () => {
      // Late line as above: 20.00. The platform's 20.00 is on the other line (on time, 11-02). Before: 20.00 to issue.
      const ord = report('pp1-orders.csv', { 发货时间: '2026-11-04 10:00:00' });
      const f = items('pp1-lines.csv', [paidLine('3700000000000000011', '400.00', '2026-11-02 10:00:00', '是', '20.00'), paidLine('3700000000000000012', '400.00', '2026-11-04 10:00:00', '否', '')]);
      expect(shownPaid(runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']))).toEqual([['20.00', '20.00', 'paid_by_platform', '0.00']]);
    });

    it("re-saved report and item report: the report's ship time without seconds, on lines without one, is not judged to the second", () => {
      // docs/rules.md §1.7. Both files re-saved in Excel (times without seconds). A: paid 11/1 10:00 (deadline 11-03
      // 10:00:00–10:00:59), the report says shipped 11/3 10:00 (10:00:00–10:00:59), its two lines of 400.00 have no
      // 发货时间: late or not depends on the seconds lost → not judged (time_precision). Were it late: 5 % × 400.00 = 20.00
      // a line, 40.00. B, same buyer, paid 11/1 11:00, shipped 11/4 11:00 (24 h late whatever the seconds):
      // 5 % × 200.00 = 10.00. A may join B's day, so B's voucher stays provisional. Before: A on time, B 10.00 final.
      const B2 = '3700000000000000003';
      const ord = write(dir, 'rs-orders.csv', taobaoCsv([
        order(A, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026/11/1 9:59', 订单付款时间: '2026/11/1 10:00', 买家应付货款: '800.00', 买家应付邮费: '0.00', 买家实际支付金额: '800.00', 发货时间: '2026/11/3 10:00' }),
        order(B2, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026/11/1 10:59', 订单付款时间: '2026/11/1 11:00', 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00', 发货时间: '2026/11/4 11:00' }),
      ]));
      const resaved = (sub: string) => line(sub, A, '400.00', '', 't', shipped).replace('2026-11-01 09:59:00,2026-11-01 10:00:00', '2026/11/1 9:59,2026/11/1 10:00');
      const f = items('rs-lines.csv', [resaved('3700000000000000011'), resaved('3700000000000000012')]);
      const r = runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']);
      expect(vouchers(r.stdout)).toEqual([[[B2], 1, '200.00', '10.00', 'provisional']]);
      expect(r.stderr).toContain(`not judged (time_precision): ${A}.`);
    });

    it('tmall-2023 (the order as one): a line paid 240.00 counts over the report\'s 0.00', () => {
      // Shipped 11-04 10:00:00, 24 h late: 30 % × (800.00 − 0.00 postage) = 240.00. The report shows 0.00, a line 240.00.
      // Before: the report's 0.00 stood, 240.00 to issue.
      const ord = report('pp2-orders.csv', { 发货时间: '2026-11-04 10:00:00', 延迟发货自动赔付金额: '0.00' });
      const f = items('pp2-lines.csv', [paidLine('3700000000000000011', '400.00', '2026-11-04 10:00:00', '否', ''), paidLine('3700000000000000012', '400.00', '2026-11-04 10:00:00', '是', '240.00')]);
      expect(shownPaid(runCli(['compensate', ord, f, ...AS_OF, '--rules', 'tmall-2023', '-f', 'json']))).toEqual([['240.00', '240.00', 'paid_by_platform', '0.00']]);
    });
  });

  it('orders normalize --lines read back prices as the joined files do: the presale mark and the platform payout of the order report kept', () => {
    // docs/formats.md "storeops' own output": the output read back gives the same orders. Found by a round trip
    // of test/oracle/fuzz_lines.py cases (normalize --lines, then compensate; seed 5).
    // A (小明): presale (预售订单 是), two lines of 400.00 shipped 11-04 10:00:00, 24 h late: presale tier 10 % × 400.00 =
    //   40.00 a line = 80.00 (the item report's empty 分阶段订单信息 had made the lines "not presale": 5 %, 40.00).
    // B (小红): the report shows 20.00 paid by the platform; one line on time (11-02), one 24 h late: 5 % × 400.00 = 20.00,
    //   paid_by_platform, 0.00 to issue (the payout was not in the lines written: 20.00 to issue, paid twice).
    const shipped = '卖家已发货，等待买家确认';
    const base = { 订单状态: shipped, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '800.00', 买家应付邮费: '0.00', 买家实际支付金额: '800.00', 发货时间: '2026-11-04 10:00:00' };
    const ord = write(dir, 'rt-orders.csv', taobaoCsv([order(A, { ...base, 买家会员名: '小明', 预售订单: '是' }), order(B, { ...base, 买家会员名: '小红', 延迟发货自动赔付金额: '20.00' })]));
    const f = items('rt-lines.csv', [
      line('3700000000000000011', A, '400.00', '2026-11-04 10:00:00'), line('3700000000000000012', A, '400.00', '2026-11-04 10:00:00'),
      line('3700000000000000021', B, '400.00', '2026-11-02 10:00:00'), line('3700000000000000022', B, '400.00', '2026-11-04 10:00:00'),
    ]);
    const out = `${dir}/rt-normalized.csv`;
    expect(runCli(['orders', 'normalize', ord, f, '--lines', '-o', out]).code).toBe(0);
    const expected = [
      ['小明', [A], '80.00', 'final', '80.00'],
      ['小红', [B], '20.00', 'paid_by_platform', '0.00'],
    ];
    const shownRows = (r: { stdout: string }) => (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state, v.toIssue]);
    expect(shownRows(runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']))).toEqual(expected);
    expect(shownRows(runCli(['compensate', out, ...AS_OF, '-f', 'json']))).toEqual(expected);
  });

  it("orders normalize --lines: a line without 订单付款时间 takes the re-saved report's time with its lost seconds (RULES 1.7)", () => {
    // Report re-saved: paid '2026/11/1 10:00' (10:00:00–10:00:59), deadline + 48 h = 11-03 10:00:00–10:00:59. Its two
    // lines (400.00 each) have no 付款时间 and shipped 11-03 10:00:30: late or not depends on the lost seconds → not
    // judged (time_precision), no voucher, with the two files and read back alike. Before, the normalized line said
    // 2026-11-01 10:00:00 exactly: 30 s late, 5 % × 400.00 = 20.00 a line, a 40.00 voucher 'final'.
    const shipped = '卖家已发货，等待买家确认';
    const ord = write(dir, 'cs-orders.csv', taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026/11/1 9:59', 订单付款时间: '2026/11/1 10:00', 买家应付货款: '800.00', 买家应付邮费: '0.00', 买家实际支付金额: '800.00', 发货时间: '2026-11-03 10:00:30' })]));
    const noPaid = (sub: string) => line(sub, A, '400.00', '2026-11-03 10:00:30').replace('2026-11-01 09:59:00,2026-11-01 10:00:00,', '2026-11-01 09:59:00,,');
    const f = items('cs-lines.csv', [noPaid('3700000000000000011'), noPaid('3700000000000000012')]);
    const out = `${dir}/cs-normalized.csv`;
    expect(runCli(['orders', 'normalize', ord, f, '--lines', '-o', out]).code).toBe(0);
    for (const r of [runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']), runCli(['compensate', out, ...AS_OF, '-f', 'json'])]) {
      expect(JSON.parse(r.stdout)).toEqual([]);
      expect(r.stderr).toContain(`not judged (time_precision): ${A}.`);
    }
  });

  it("orders normalize --lines: a line without 发货时间 of a shipped order ships at the report's time, read back too", () => {
    // Report: paid 11-01 10:00:00, shipped 11-04 10:00:00 (all shipped); its two lines of 400.00 have no 发货时间.
    // Each line takes the report's time: 24 h after the deadline (11-03 10:00:00), 5 % × 400.00 = 20.00 a line, 40.00.
    // Before, the normalized lines had no ship time: read back, not judged (no_ship_time), no voucher.
    const shipped = '卖家已发货，等待买家确认';
    const ord = write(dir, 'st-orders.csv', taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '800.00', 买家应付邮费: '0.00', 买家实际支付金额: '800.00', 发货时间: '2026-11-04 10:00:00' })]));
    const f = items('st-lines.csv', [line('3700000000000000011', A, '400.00', ''), line('3700000000000000012', A, '400.00', '')]);
    const out = `${dir}/st-normalized.csv`;
    expect(runCli(['orders', 'normalize', ord, f, '--lines', '-o', out]).code).toBe(0);
    const shownRows = (r: { stdout: string }) => (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.state, v.toIssue]);
    const expected = [[[A], '40.00', 'final', '40.00']];
    expect(shownRows(runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']))).toEqual(expected);
    expect(shownRows(runCli(['compensate', out, ...AS_OF, '-f', 'json']))).toEqual(expected);
  });

  it("each line's own waybill scan first (a scan per waybill of one order): the line picked up 24 h late pays 20.00", () => {
    const f = items('own-wb.csv', [line('3700000000000000011', A, '400.00', '2026-11-02 10:00:00', 't', '交易成功', 'TC1'), line('3700000000000000012', A, '400.00', '2026-11-02 10:00:00', 't', '交易成功', 'TC2')]);
    const scans = write(dir, 'own-wb-scans.csv', `订单编号,物流单号,揽收时间\n${A},TC1,2026-11-02 11:00:00\n${A},TC2,2026-11-04 10:00:00\n`);
    expect(vouchers(runCli(['compensate', f, ...AS_OF, '--shipments', scans, '-f', 'json']).stdout)).toEqual([[[A], 1, '400.00', '20.00', 'final']]);
  });
});
