// docs/formats.md: `NaN` is read as empty in a text cell only. In an amount cell it is what a
// spreadsheet or pandas re-save left for a value it could not compute: the amount is unknown, so
// the row is rejected (file, line, column) and its buyer's window is kept provisional, never priced
// with the cell taken as empty (an empty 买家应付邮费 is no postage: the base would grow by it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from './build.js';

describe('NaN in an amount cell', () => {
  it('rejects the row and keeps the buyer\'s voucher of that window provisional', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    const common = { 买家会员名: 'N', 订单状态: '交易成功', 订单创建时间: '2026-05-01 10:00:00' };
    fs.writeFileSync(
      f,
      taobaoCsv([
        // tmall-2026, 1 s late: 5 % × (1000.00 − 0.00) = 50.00 (max 50.00).
        order('2000000000000000071', { ...common, 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单付款时间: '2026-05-01 10:00:00', 发货时间: '2026-05-03 10:00:01' }),
        // Same buyer, same Beijing day: postage NaN. Its base is unknown (taken as 0 postage it
        // would be 200.00 → 10.00, and the day 60.00).
        order('2000000000000000072', { ...common, 买家应付货款: '180.00', 买家应付邮费: 'NaN', 买家实际支付金额: '200.00', 订单付款时间: '2026-05-01 11:00:00', 发货时间: '2026-05-03 11:00:01' }),
      ]),
    );
    const r = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(r.stderr).toContain(`${f}:3 [买家应付邮费]: "NaN" is not a valid amount`);
    const v = JSON.parse(r.stdout) as Record<string, unknown>[];
    // Only the first order is priced, and its day is not final while the other row is unread.
    expect(v.map((x) => [x.orderIds, x.amount, x.state])).toEqual([[['2000000000000000071'], '50.00', 'provisional']]);
  });
});
