// `ledger list` / `ledger export` on a database holding only one kind of record (SPEC "ledger list |
// export": issued vouchers, review contacts). `ledger list` lists vouchers by default: with review
// contacts logged and no voucher, it said "nothing recorded yet", which is not so. Now it says what
// is there and how to list it, in zh and en; with neither kind, "nothing recorded yet" as before.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { runCli, tmpDir } from '../helpers.js';

const AT = Date.UTC(2026, 10, 21, 2, 0, 0); // 2026-11-21 10:00 Beijing
let contactsOnly = '';
let vouchersOnly = '';

beforeAll(async () => {
  contactsOnly = path.join(tmpDir(), 'contacts.db');
  const a = await openState(contactsOnly);
  a.logContact({ orderId: '3551234567890123456', at: AT, status: 'contacted', channel: 'wangwang' });
  a.logContact({ orderId: '3559999999999999999', at: AT + 3_600_000, status: 'awaiting_reply' });
  a.close();
  vouchersOnly = path.join(tmpDir(), 'vouchers.db');
  const b = await openState(vouchersOnly);
  b.recordVouchers([{ voucherKey: 'v-a1', buyer: 'tb_li', rules: 'tmall-2023', orderIds: ['3551234567890123456'], amount: '30.00', windowStart: AT - 86_400_000 }], AT);
  b.close();
});

describe('ledger list with one kind of record', () => {
  it('contacts only, vouchers asked (the default): says the contacts are there, not "nothing recorded" (en, zh)', () => {
    const en = runCli(['--state', contactsOnly, 'ledger', 'list', '-f', 'table']);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe('');
    // Old: "nothing recorded yet: no vouchers in …".
    expect(en.stderr).toBe(`no vouchers recorded in ${contactsOnly}, but 2 orders have review contacts: list them with \`storeops ledger list --what contacts\`\n`);
    const zh = runCli(['--state', contactsOnly, '-q', 'ledger', 'list', '-f', 'table', '--lang', 'zh']);
    expect(zh.stderr).toBe(`${contactsOnly} 里没有红包记录, 但有 2 个订单的评价联系记录: 用 \`storeops ledger list --what contacts\` 查看\n`);
    // The contacts are indeed listed that way.
    const c = runCli(['--state', contactsOnly, 'ledger', 'list', '--what', 'contacts', '-f', 'csv']);
    expect(c.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('vouchers only, contacts asked: says the vouchers are there', () => {
    const r = runCli(['--state', vouchersOnly, 'ledger', 'list', '--what', 'contacts', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`no review contacts recorded in ${vouchersOnly}, but 1 voucher is recorded: list them with \`storeops ledger list\`\n`);
  });

  it('ledger export of vouchers from a contacts-only database points to the contacts too', () => {
    const r = runCli(['--state', contactsOnly, 'ledger', 'export']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`0 vouchers recorded, total 0.00`);
    expect(r.stderr).toContain(`no vouchers recorded in ${contactsOnly}, but 2 orders have review contacts`);
  });
});
