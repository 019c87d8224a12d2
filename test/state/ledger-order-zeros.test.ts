// "Was this order compensated?" asked with an id copied from a sheet a spreadsheet kept with the id
// column as a number: 15 significant digits, then zeros (`4012345678901230000` for
// `4012345678901234503`, WPS/Excel). `ledger list --order` refused the 3.55123E+18 form (exit 2) but
// answered this one "no voucher recorded for order 4012345678901230000", exit 0: read as "not paid
// yet", the order is paid again. Now, when recorded vouchers pay orders within that rounding (the same
// length, the same first 15 digits), it is refused the same way (exit 2), naming them; an id matching
// a voucher exactly is listed as before, and one with no recorded order within its rounding is
// "no voucher" as before (none of the orders it may stand for was paid).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { runCli, tmpDir } from '../helpers.js';

const AT = Date.UTC(2026, 11, 2, 7, 0, 0); // 2026-12-02 15:00 Beijing
let db = '';

beforeAll(async () => {
  db = path.join(tmpDir(), 'state.db');
  const s = await openState(db);
  // 李四's voucher: 50.00 for …503; a voucher whose order really ends in zeros: …000 (another shop's
  // id scheme), 5.00.
  s.recordVouchers([
    { voucherKey: 'v-li', buyer: '李四', rules: 'tmall-2026', orderIds: ['4012345678901234503'], amount: '50.00', windowStart: AT - 86_400_000 },
    { voucherKey: 'v-zero', buyer: '王五', rules: 'tmall-2026', orderIds: ['3900000000000010000'], amount: '5.00', windowStart: AT - 86_400_000 },
  ], AT);
  s.close();
});

describe('ledger list --order with an id a spreadsheet filled with zeros past its 15th digit', () => {
  it('recorded orders within its rounding: exit 2, naming them (en, zh), never "no voucher"', () => {
    for (const cmd of ['list', 'export']) {
      const r = runCli(['--state', db, 'ledger', cmd, '--order', '4012345678901230000', '-f', 'csv']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--order "4012345678901230000" matches no recorded voucher, but its digits past the 15th are zeros, as a spreadsheet writes an id it kept as a number, and recorded vouchers pay 1 order within that rounding (4012345678901234503): whether this order was compensated cannot be told from it');
      expect(r.stderr).not.toContain('no voucher recorded');
    }
    const zh = runCli(['--state', db, 'ledger', 'list', '--order', '4012345678901230000', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--order "4012345678901230000" 没有对应的红包记录, 但它第 15 位之后全是 0 (表格把编号当数字保存时就是这样), 已记录的红包中有 1 个订单在这个舍入范围内 (4012345678901234503): 无法据此判断该订单是否赔付过');
  });

  it('an id that is exactly a recorded order: listed as before', () => {
    const r = runCli(['--state', db, 'ledger', 'list', '--order', '3900000000000010000', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('v-zero');
  });

  it('no recorded order within its rounding: "no voucher", exit 0, as before', () => {
    const r = runCli(['--state', db, 'ledger', 'list', '--order', '4012345678901240000', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no voucher recorded for order 4012345678901240000');
  });
});

// rev37: a spreadsheet rounds at the 15th digit as well as cutting there (src/io/cells.ts: 3515313147329357901
// shows as 3515313147329360000). 赵六's order 4012345678901236503 (16th digit 6) opened so reads
// 4012345678901240000: its first 15 digits (401234567890124) are not the order's (401234567890123), so
// the same-first-15-digits test said "no voucher recorded for order 4012345678901240000", exit 0, and
// the order, paid 20.00, was paid again. By hand: unit = 10^(19 − 15) = 10000; within rounding is
// [4012345678901240000 − 5000, 4012345678901240000 + 10000) = [4012345678901235000, 4012345678901250000):
// …236503 is in it (refused, named); …234503 (李四's, above) is not (below 235000), as the case above says.
describe('an id rounded up at its 15th digit', () => {
  it('4012345678901240000 for a recorded 4012345678901236503: exit 2, naming it', async () => {
    const db2 = path.join(tmpDir(), 'state.db');
    const s = await openState(db2);
    s.recordVouchers([{ voucherKey: 'v-zhao', buyer: '赵六', rules: 'tmall-2026', orderIds: ['4012345678901236503'], amount: '20.00', windowStart: AT - 86_400_000 }], AT);
    s.close();
    const r = runCli(['--state', db2, 'ledger', 'list', '--order', '4012345678901240000', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('recorded vouchers pay 1 order within that rounding (4012345678901236503)');
    expect(r.stderr).not.toContain('no voucher recorded');
  });
});
