// ledger list on a terminal showed all 14 voucher columns: at 80 columns one voucher took 4 blocks
// of columns, three of them empty (reissueOf, windowStartNow, buyerNow). Now a short view, as every
// other command has: voucherKey, buyer, rules, orderIds, issued; reissueOf, windowStartNow and
// buyerNow when some row has one, kind and shop when the rows differ. --wide and csv keep all 14.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { runCli, tmpDir } from '../helpers.js';

let file = '';
beforeAll(async () => {
  file = path.join(tmpDir(), 'state.db');
  const db = await openState(file);
  db.recordVouchers([{ voucherKey: 'v0c7d9f4ff93c7daa0ab3', buyer: '小明爱购物', rules: 'tmall-2026', orderIds: ['3515313147329357903'], amount: '50.00', windowStart: Date.UTC(2026, 10, 11, 2, 0, 0) }], Date.UTC(2026, 10, 21, 1, 0, 0));
  db.close();
});

describe('ledger list -f table', () => {
  it('at 80 columns: one block of the 5 short-view columns (en)', () => {
    const r = runCli(['--state', file, 'ledger', 'list', '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    // Widths: voucherKey 21, buyer 10 (5 Chinese characters), rules 10, orderIds 19, issued 6 (its header).
    expect(r.stdout).toBe(
      ['voucherKey             buyer       rules       orderIds             issued', 'v0c7d9f4ff93c7daa0ab3  小明爱购物  tmall-2026  3515313147329357903   50.00', ''].join('\n'),
    );
    // At 80 columns the note (98 wide on one line) goes on in a second line (user7).
    expect(r.stderr).toContain('storeops: the table shows 5 of 14 columns;\nstoreops: --wide for all');
  });

  it('zh headers', () => {
    const r = runCli(['--state', file, 'ledger', 'list', '-f', 'table', '--lang', 'zh', '-q'], { env: { COLUMNS: '80' } });
    expect(r.stdout.split('\n')[0]).toBe('红包编号               买家        规则集      订单编号              实发');
  });

  it('--wide and csv keep all 14 columns', () => {
    const wide = runCli(['--state', file, 'ledger', 'list', '-f', 'table', '--wide', '-q'], { env: { COLUMNS: '400' } });
    expect(wide.stdout.split('\n')[0]!.trim().split(/\s{2,}/)).toEqual(['voucherKey', 'buyer', 'rules', 'orderIds', 'amount', 'covered', 'windowStart', 'recordedAt', 'kind', 'reissueOf', 'shop', 'windowStartNow', 'buyerNow', 'issued']);
    const csv = runCli(['--state', file, 'ledger', 'list', '-q']);
    expect(csv.stdout.split('\n')[0]).toBe('voucherKey,buyer,rules,orderIds,amount,covered,windowStart,recordedAt,kind,reissueOf,shop,windowStartNow,buyerNow,issued');
  });
});
