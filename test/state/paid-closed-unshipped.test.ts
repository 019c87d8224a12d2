// 王会计's month end (user14): two staff record from their own downloads into one state database; an
// order paid in a recorded voucher is refunded afterwards. Refunds are not subtracted (docs/rules.md
// §1.4): a re-download that keeps the order's 发货时间 shows the voucher `already_recorded`, nothing
// more. A re-download showing the order 交易关闭 with no 发货时间 makes it closed_unshipped (not judged):
// its voucher is no longer formed, and until this fix the run said nothing of the voucher that paid it
// (the closed_unshipped warning named the order only; `ledger list` still shows it paid): the operator
// reconciling the ledger with the export found a paid order the export says never shipped, and no word.
// Now named like an order judged on time: in full once per (order, voucher), then counted in one line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const A = '2611000000000000007';

describe.each(['UTC', 'America/Los_Angeles'])('an order paid in a recorded voucher, refunded later (TZ=%s)', (tz) => {
  const d = tmpDir();
  // By hand (tmall-2026, rules.md §1.3): paid 2026-11-12 10:00 Beijing, deadline + 48 h = 11-14 10:00,
  // marked shipped 11-15 10:00: 24 h late, window ≤ 48 h, not presale → tier 5, 5 %; base paid −
  // postage = 600.00 − 0.00 → 5 % × 600.00 = 30.00 (within 5.00–50.00). One voucher {A} 30.00.
  const shipped = { 买家会员名: '买家乙', 订单创建时间: '2026-11-12 09:59:00', 订单付款时间: '2026-11-12 10:00:00', 买家应付货款: '600.00', 买家应付邮费: '0.00', 买家实际支付金额: '600.00' };
  const first = write(d, 'ExportOrderList202611201200.csv', taobaoCsv([order(A, { ...shipped, 订单状态: '卖家已发货，等待买家确认', 发货时间: '2026-11-15 10:00:00' })]));
  // Refunded after it shipped: 交易关闭, its 发货时间 kept (what a real download shows).
  const kept = write(d, 'ExportOrderList202612010900.csv', taobaoCsv([order(A, { ...shipped, 订单状态: '交易关闭', 订单关闭原因: '退款', 发货时间: '2026-11-15 10:00:00' })]));
  // The same order 交易关闭 with the 发货时间 cell empty.
  const lost = write(d, 'ExportOrderList202612010930.csv', taobaoCsv([order(A, { ...shipped, 订单状态: '交易关闭', 订单关闭原因: '退款', 发货时间: '' })]));
  const run = (file: string, st: string, more: string[] = []) => runCli(['compensate', file, '--as-of', '2026-12-01 09:00:00', '--record', '--state', st, '-f', 'json', ...more], { tz });
  const fresh = () => {
    const st = path.join(tmpDir(), 'state.db');
    const r = run(first, st);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    expect(rows.map((x) => [x.amount, x.issueNow])).toEqual([['30.00', '30.00']]);
    return { st, key: rows[0]!.voucherKey! };
  };
  const ledgerIssued = (st: string) => (JSON.parse(runCli(['ledger', 'list', '--state', st, '-f', 'json'], { tz }).stdout) as Record<string, string>[]).map((x) => [x.orderIds, x.issued]);

  it('refunded with its 发货时间 kept: already recorded, 30.00 stands, nothing to issue, no warning about it', () => {
    const { st } = fresh();
    const r = run(kept, st);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    expect(rows.map((x) => [x.recorded, x.amount, x.toIssue])).toEqual([['already_recorded', '30.00', '0.00']]);
    expect(r.stderr).not.toContain('closed and never shipped in this run');
    expect(ledgerIssued(st)).toEqual([[[A], '30.00']]);
  });

  it('refunded and shown with no 发货时间: the voucher that paid it is named once (zh and en), the record stands', () => {
    const { st, key } = fresh();
    const r = run(lost, st);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain(`1 order paid in recorded vouchers is closed and never shipped in this run's exports (no 发货时间): ${A} (voucher ${key}, 30.00); what it came to in that voucher (30.00, before the buyer's cap) was paid for it as shipped late. The record stands; check the export`);
    expect(ledgerIssued(st)).toEqual([[[A], '30.00']]);
    // Said in full once: the next run counts it in one line, -q hides that, -v names it again.
    const again = run(lost, st);
    expect(again.stderr).not.toContain(`${A} (voucher ${key}`);
    expect(again.stderr).toContain('1 order paid in recorded vouchers and reported by an earlier run remains so (1 closed and never shipped)');
    expect(run(lost, st, ['-q']).stderr).not.toContain('reported by an earlier run');
    expect(run(lost, st, ['-v']).stderr).toContain(`${A} (voucher ${key}, 30.00)`);
    const zh = runCli(['compensate', lost, '--as-of', '2026-12-01 09:00:00', '--record', '--state', path.join(tmpDir(), 'zh.db'), '-f', 'json', '--lang', 'zh'], { tz });
    expect(zh.stderr).not.toContain('已关闭且从未发货:'); // a fresh ledger paid nothing
    const { st: st2, key: key2 } = fresh();
    const zr = runCli(['compensate', lost, '--as-of', '2026-12-01 09:00:00', '--record', '--state', st2, '-f', 'json', '--lang', 'zh'], { tz });
    expect(zr.stderr).toContain(`1 个订单已在记录的红包中赔付, 但本次读取的报表显示它已关闭且从未发货 (没有发货时间): ${A} (红包 ${key2}, 30.00 元); 该订单在该红包中计入的 30.00 元 (封顶前)是按延迟发货付出的。记录不变, 请核对报表`);
    // Shown shipped again (the right export): nothing more said, already recorded.
    const back = run(kept, st);
    expect((JSON.parse(back.stdout) as Record<string, string>[]).map((x) => x.recorded)).toEqual(['already_recorded']);
    expect(back.stderr).not.toContain('closed and never shipped');
  });
});
