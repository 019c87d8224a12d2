// ledger list / export --shop: several shops sharing one state database (README "Several shops")
// had no way to hand one client its month's vouchers: `ledger export` listed every shop's, the other
// clients' buyers with them (user23, an agency's month end). Now --shop takes a 店铺Id or 店铺名称 (and
// the other name a run linked to it); a voucher recorded without a shop is not listed but counted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from './record-runs.js';

// tmall-2026 tier 5 (docs/rules.md §1.3): paid 06-01 (Beijing), 48 h to ship, shipped 06-04 20:00,
// ≤ 72 h late: 5 % of 1000.00 = 50.00 an order (max 50.00).
//   shop 1001 甲店: buyer Q, 2 orders → 100.00
//   shop 2002 乙店: buyer Q, 1 order → 50.00 (its own cap)
//   no shop (店铺Id and 店铺名称 empty): buyer R, 1 order → 50.00
const row = (id: string, buyer: string, hour: string, shop: string, name: string) => ({
  ...shipped(id, buyer, '1000.00', `2026-06-01 ${hour}:00:00`, '2026-06-04 20:00:00'),
  店铺Id: shop,
  店铺名称: name,
});

function shared(tz: string) {
  const dir = tmpDir();
  const db = path.join(dir, 'shared.db');
  const put = (name: string, rows: ReturnType<typeof row>[]) => {
    const f = path.join(dir, `${name}.csv`);
    fs.writeFileSync(f, taobaoCsv(rows));
    return f;
  };
  const rec = (f: string, ...more: string[]) => runCli(['compensate', f, '--record', '--state', db, '--as-of', '2026-07-01 00:00:00', '-q', '-f', 'json', ...more], { tz });
  expect(rec(put('none', [row('5400000000000000301', 'R', '12', '', '')])).code).toBe(0);
  expect(rec(put('a', [row('5400000000000000101', 'Q', '08', '1001', '甲店'), row('5400000000000000102', 'Q', '09', '1001', '甲店')])).code).toBe(0);
  expect(rec(put('b', [row('5400000000000000201', 'Q', '10', '2002', '乙店')]), '--new-shop').code).toBe(0);
  const ledger = (...args: string[]) => runCli(['ledger', ...args, '--state', db], { tz });
  return { ledger };
}

const short = (stdout: string) => (JSON.parse(stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.shop, v.issued]);

describe('ledger --shop: one shop of a shared state database', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`list and export by 店铺Id or 店铺名称; shop-less vouchers counted apart (TZ=${tz})`, () => {
      const { ledger } = shared(tz);
      const all = ledger('list', '-f', 'json');
      expect(short(all.stdout)).toEqual([['R', null, '50.00'], ['Q', '1001', '100.00'], ['Q', '2002', '50.00']]);
      const a = ledger('list', '--shop', '1001', '-f', 'json');
      expect(a.code).toBe(0);
      expect(short(a.stdout)).toEqual([['Q', '1001', '100.00']]);
      expect(a.stderr).toContain('1 voucher recorded, total 100.00');
      expect(a.stderr).toContain("1 more voucher (50.00 issued) was recorded without a shop (before schema 9, or from an export naming none) and is not listed: it may be shop 1001's");
      // 乙店 is linked to 2002 by the full export's rows: the same shop.
      const b = ledger('export', '--shop', '乙店', '-f', 'json');
      expect(short(b.stdout)).toEqual([['Q', '2002', '50.00']]);
      expect(b.stderr).toContain('1 voucher recorded, total 50.00');
    });
  }

  it('in Chinese; a shop with no voucher names the shops there are', () => {
    const { ledger } = shared('UTC');
    const a = ledger('list', '--shop', '1001', '-f', 'csv', '--lang', 'zh');
    expect(a.stderr).toContain('店铺 1001: 只列出该店铺的红包');
    expect(a.stderr).toContain('另有 1 个红包 (实发合计 50.00 元) 记录时没有店铺');
    expect(a.stderr).toContain('已记录 1 个红包, 合计 100.00 元');
    const none = ledger('list', '--shop', '3003', '--lang', 'zh');
    expect(none.code).toBe(0);
    // Not a terminal: the csv header alone on stdout.
    expect(none.stdout.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toContain('店铺 3003 没有红包记录');
    expect(none.stderr).toContain('记录过红包的店铺: 1001, 2002');
  });

  // user25 (陈老板's month end): `ledger export --shop 3003 -o 3003.csv`, a shop the database holds no
  // voucher of (a typo for 1001), wrote the header alone and said "0 vouchers recorded, total 0.00",
  // exit 0: an empty month handed to the client. `ledger list` named the shops there are; export now too.
  for (const lang of ['en', 'zh'] as const) {
    it(`ledger export --shop of a shop with no voucher names the shops there are (${lang})`, () => {
      const { ledger } = shared('UTC');
      const none = ledger('export', '--shop', '3003', '-f', 'csv', '--lang', lang);
      expect(none.code).toBe(0);
      expect(none.stdout.trim().split('\n')).toHaveLength(1);
      if (lang === 'en') expect(none.stderr).toContain('no voucher recorded for shop 3003 (');
      else expect(none.stderr).toContain('店铺 3003 没有红包记录 (');
      expect(none.stderr).toContain(lang === 'en' ? 'the shops with vouchers recorded: 1001, 2002' : '记录过红包的店铺: 1001, 2002');
    });
  }

  it('--shop with --what contacts is a usage error (contacts keep no shop)', () => {
    const { ledger } = shared('UTC');
    const r = ledger('export', '--what', 'contacts', '--shop', '1001');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shop filters vouchers only: review contacts keep no shop');
  });
});
