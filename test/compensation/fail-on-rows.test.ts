// `--fail-on new-vouchers` tells the cron log which rows to issue from. It said "the rows with
// recorded = new" whatever the rows were: after `--reissue` the row shows `reissued` (no row said
// `new`), and its amount (35.00) is not what is owed (10.00); and a voucher recorded `new` whose
// buyer's day the vouchers recorded before had paid up to the cap shows amount 15.00, toIssue 0.00,
// beside the one really owing 5.00. Following the message, an operator issued 35.00 or 20.00.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const AS_OF = '2026-06-01 00:00:00';
// tmall-2026 (paid 2026-05-01, after 04-09): 5 % of (paid − postage), clamped 5.00–50.00; a buyer's
// Beijing day capped at 500.00. Every order paid 05-01, deadline 48 h later, shipped a day late.
const row = (id: string, buyer: string, amount: string, paidHour: string) =>
  order(id, { 买家会员名: buyer, 买家应付货款: amount, 买家应付邮费: '0.00', 买家实际支付金额: amount, 订单状态: '交易成功', 订单付款时间: `2026-05-01 ${paidHour}:00:00`, 订单创建时间: `2026-05-01 ${paidHour}:00:00`, 发货时间: `2026-05-04 ${paidHour}:00:00` });

function setup() {
  const dir = tmpDir();
  const state = path.join(dir, 'state.db');
  const out = path.join(dir, 'vouchers.csv');
  const f = path.join(dir, 'orders.csv');
  const run = (rows: string[][] | Record<string, string>[], ...more: string[]) => {
    fs.writeFileSync(f, taobaoCsv(rows as Parameters<typeof taobaoCsv>[0]));
    return runCli(['compensate', f, '--record', '--fail-on', 'new-vouchers', '-q', '--state', state, '--as-of', AS_OF, '-o', out, ...more]);
  };
  return { run, out };
}

describe('--fail-on new-vouchers names the rows to issue and what to issue from them', () => {
  it('a voucher recorded new with toIssue 0.00 (cap paid before) is named apart; issue toIssue', () => {
    const s = setup();
    // Run 1: buyer X, ten orders of 2000.00: 5 % = 100.00 → 50.00 each, 500.00 the day (the cap).
    const ten = Array.from({ length: 10 }, (_, i) => row(`20000000000000001${String(i).padStart(2, '0')}`, 'X', '2000.00', String(10 + i).padStart(2, '0')));
    const r1 = s.run(ten);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain(`1 new voucher to issue recorded this run, 500.00 in all (the rows of ${s.out} with recorded = new)\n`);
    // Run 2 (a later export): X's 11th order of 05-01, 300.00: 15.00, but the day is paid to 500.00
    // → toIssue 0.00; buyer Y 100.00: 5.00 → 5.00 (the minimum). To issue: 5.00, one voucher.
    const r2 = s.run([row('2000000000000000120', 'X', '300.00', '21'), row('2000000000000000201', 'Y', '100.00', '10')]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(
      `1 new voucher to issue recorded this run, 5.00 in all (the rows of ${s.out} with recorded = new: issue each row's issueNow, not its amount; 1 more row with recorded = new has issueNow 0.00 (the buyer's cap was paid by vouchers recorded before): issue nothing for it)\n`,
    );
    const zh = s.run([row('2000000000000000120', 'X', '300.00', '21'), row('2000000000000000201', 'Y', '100.00', '10')], '--lang', 'zh');
    expect(zh.code).toBe(0); // recorded by run 2: nothing new
  });

  it('a re-issue: the row says reissued and owes 10.00 of its 35.00', () => {
    const s = setup();
    // Run 1: Z's 500.00 order: 25.00, recorded and issued.
    const a = row('2000000000000000301', 'Z', '500.00', '10');
    expect(s.run([a]).code).toBe(1);
    // Run 2: Z's 200.00 order of the same day shows: 10.00; the day {301,302} comes to 35.00, of
    // which 25.00 was paid: a conflict owing 10.00; --reissue all records it: reissued, toIssue 10.00.
    const b = row('2000000000000000302', 'Z', '200.00', '18');
    const r = s.run([a, b], '--reissue', 'all');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`1 new voucher to issue recorded this run, 10.00 in all (the rows of ${s.out} with recorded = reissued: issue each row's issueNow, not its amount)\n`);
    const rows = fs.readFileSync(s.out, 'utf8');
    expect(rows).toMatch(/,35\.00,.*,reissued,.*,10\.00,/);
  });

  it('zh', () => {
    const s = setup();
    const a = row('2000000000000000401', 'W', '500.00', '10');
    expect(s.run([a], '--lang', 'zh').code).toBe(1);
    const r = s.run([a, row('2000000000000000402', 'W', '200.00', '18')], '--reissue', 'all', '--lang', 'zh');
    expect(r.stderr).toContain(`本次新记录 1 个要发放的红包, 共 10.00 元 (见 ${s.out} 中 记录 为 补发已记录 的行: 按每行的 现在发放 金额发放, 不是 金额 列)\n`);
  });
});
