// tmall-2023 top-up room (ledger.ts movedOut): money a recorded voucher of the 24-hour window holds
// for an order the export now puts in another window is not counted toward the window's cap. It was
// for calendar days only, so a 24-hour window's top-up was cut short and the other window issued
// that money again: short for good (a re-run reads 'already recorded').
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';
import { ledger, type Row } from './record-runs.js';

const O3 = '5000000000000000003';
const O2 = '5000000000000000002';
const row = (id: string, paidAt: string, goods: string, postage: string, shippedAt: string) =>
  order(id, { 买家会员名: 'P', 买家应付货款: goods, 买家应付邮费: postage, 买家实际支付金额: goods, 订单状态: '交易成功', 订单付款时间: paidAt, 订单创建时间: paidAt, 发货时间: shippedAt, 宝贝标题: '普通毛巾' });

describe('tmall-2023: a top-up of a window whose recorded cap-group voucher paid an order now in another window', () => {
  it('issues what the window still owes: 800.00 paid of 800.00, not 770.00', () => {
    // RULES 1.2 (tmall-2023): 30 % of the base (paid − postage), 500.00 per 24-hour window.
    // Truth: o03 paid 03-01 10:00, 2000.00, no postage: 600.00; o02 paid 03-02 12:00 (26 h after
    // o03 opened its window: a window of its own), 1000.00: 300.00. Owed {o03} min(600.00, 500.00)
    // = 500.00 + {o02} 300.00 = 800.00.
    // Run 1: o03's postage wrongly 1900.00: base 100.00, {o03} 30.00 issued.
    // Run 2: o02's paid time wrongly 03-01 12:00: {o03,o02} 30.00 + 300.00 = 330.00, --reissue takes
    //   over {o03}'s 30.00 and issues 300.00 (330.00 paid).
    // Run 3, the true export: {o03} now 500.00; of {o03,o02}'s 330.00, 30.00 paid o03 and 300.00 paid
    //   o02, now in {o02}'s window: {o03} tops up 500.00 − 30.00 = 470.00, {o02} is paid by those
    //   300.00 (0.00 to issue). 800.00 paid. (Before: 170.00 + 270.00, 770.00 paid.)
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const file = (name: string, rows: ReturnType<typeof row>[]) => {
      const f = path.join(dir, `${name}.csv`);
      fs.writeFileSync(f, taobaoCsv(rows));
      return f;
    };
    const run = (f: string, tz: string, ...more: string[]) => {
      const r = runCli(['compensate', f, '--state', state, '--as-of', '2026-07-01 00:00:00', '-f', 'json', '--record', ...more], { tz });
      return { ...r, rows: JSON.parse(r.stdout) as Row[] };
    };
    const o3Wrong = row(O3, '2026-03-01 10:00:00', '2000.00', '1900.00', '2026-03-05 10:00:00');
    const o3 = row(O3, '2026-03-01 10:00:00', '2000.00', '0.00', '2026-03-05 10:00:00');
    const o2Wrong = row(O2, '2026-03-01 12:00:00', '1000.00', '0.00', '2026-03-06 10:00:00');
    const o2 = row(O2, '2026-03-02 12:00:00', '1000.00', '0.00', '2026-03-06 10:00:00');
    expect(run(file('r1', [o3Wrong]), 'UTC').rows.map((v) => [v.orderIds, v.toIssue, v.recorded])).toEqual([[[O3], '30.00', 'new']]);
    expect(run(file('r2', [o3Wrong, o2Wrong]), 'UTC', '--reissue', 'all').rows.map((v) => [v.orderIds, v.toIssue, v.recorded])).toEqual([[[O3, O2], '300.00', 'reissued']]);
    const truth = file('r3', [o3, o2]);
    const r3 = run(truth, 'America/Los_Angeles', '--reissue', 'all');
    expect(r3.rows.map((v) => [v.orderIds, v.amount, v.toIssue, v.recorded])).toEqual([
      [[O3], '500.00', '470.00', 'topped_up'],
      [[O2], '300.00', '0.00', 'reissued'],
    ]);
    expect(ledger(state).stderr).toContain('total 800.00');
    // Nothing more: the same export again.
    expect(run(truth, 'UTC', '--reissue', 'all').rows.map((v) => [v.toIssue, v.recorded])).toEqual([
      ['0.00', 'already_recorded'],
      ['0.00', 'already_recorded'],
    ]);
    expect(ledger(state).stderr).toContain('total 800.00');
  });
});
