// VoucherRecord.shareIsAmount (src/state/ledger.ts, issue 21, forty-third round): a voucher of one
// order that comes to the whole amount carries no shares text of its own; the ledger writes the same
// `shares` column a record with that sharesJson gave, and a later voucher taking the order over reads
// the same share from it. src/compensation/record.ts gives it for such a voucher only.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { tmpDir } from '../helpers.js';

// 2026-11-21 01:00 UTC = 09:00:00 Beijing; the window 2026-11-20 14:00:00 Beijing.
const REC = Date.UTC(2026, 10, 21, 1, 0, 0);
const WIN = Date.UTC(2026, 10, 20, 6, 0, 0);

describe('shareIsAmount', () => {
  it('writes the shares JSON text sharesJson gave: {"<order>":"<amount>"}', async () => {
    const file = path.join(tmpDir(), 'state.db');
    const db = await openState(file, { create: true });
    db.recordVouchers(
      [
        { voucherKey: 'v-one', buyer: 'tb_li', rules: 'tmall-2026', orderIds: ['3551234567890123456'], amount: '12.35', windowStart: WIN, shareIsAmount: true },
        { voucherKey: 'v-json', buyer: 'tb_wang', rules: 'tmall-2026', orderIds: ['3551234567890123457'], amount: '12.35', windowStart: WIN, sharesJson: '{"3551234567890123457":"12.35"}' },
      ],
      REC,
    );
    db.close();
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT voucher_key, shares FROM vouchers ORDER BY voucher_key').all();
    raw.close();
    // Worked out: the one order's id as the key, the voucher's amount text as its share.
    expect(rows).toEqual([
      { voucher_key: 'v-json', shares: '{"3551234567890123457":"12.35"}' },
      { voucher_key: 'v-one', shares: '{"3551234567890123456":"12.35"}' },
    ]);
  });

  it('a later voucher of one order taking a recorded order over is covered as with sharesJson: 5.00 of its 5.00', async () => {
    // v-one (12.35, orders …456 and …458) is recorded; v-two holds only …456 at 5.00 (its one order,
    // the whole amount) and --reissue names it, so it takes v-one over: v-one's money for …456 pays
    // v-two's share of it, 5.00, all of v-two (nothing more to issue). The same with the share as text.
    const cover = async (two: object) => {
      const file = path.join(tmpDir(), 'state.db');
      const db = await openState(file, { create: true });
      db.recordVouchers([{ voucherKey: 'v-one', buyer: 'tb_li', rules: 'tmall-2026', orderIds: ['3551234567890123456', '3551234567890123458'], amount: '12.35', windowStart: WIN }], REC);
      const covers: { voucherKey: string; covered: string }[] = [];
      const status = db.recordVouchers([{ voucherKey: 'v-two', buyer: 'tb_li', rules: 'tmall-2026', orderIds: ['3551234567890123456'], amount: '5.00', windowStart: WIN, ...two }], REC + 3_600_000, { reissue: () => true, covers });
      db.close();
      return [status.get('v-two'), covers.map((c) => [c.voucherKey, c.covered])];
    };
    const byText = await cover({ sharesJson: '{"3551234567890123456":"5.00"}' });
    expect(byText).toEqual(['reissued', [['v-two', '5.00']]]);
    expect(await cover({ shareIsAmount: true })).toEqual(byText);
  });

  it('is refused beside shares or sharesJson, or for two orders', async () => {
    const file = path.join(tmpDir(), 'state.db');
    const db = await openState(file, { create: true });
    const base = { voucherKey: 'v-bad', buyer: 'tb_li', rules: 'tmall-2026', amount: '5.00', windowStart: WIN, shareIsAmount: true as const };
    expect(() => db.recordVouchers([{ ...base, orderIds: ['1', '2'] }], REC)).toThrow(/shareIsAmount/);
    expect(() => db.recordVouchers([{ ...base, orderIds: ['1'], sharesJson: '{"1":"5.00"}' }], REC)).toThrow(/shareIsAmount/);
    expect(() => db.recordVouchers([{ ...base, orderIds: ['1'], shares: { 1: '5.00' } }], REC)).toThrow(/shareIsAmount/);
    db.close();
  });
});
