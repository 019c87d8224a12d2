// A 店铺名称 whose text is another shop's 店铺Id (docs/rules.md §1.3a, schema 10). The ledger compared
// shops by text first, so a shop named "1001" (name only) was taken for shop 1001 without a word:
// its buyer paid short of its own cap, silently. Within one run both were grouped as one shop.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { T71, taobaoCsv } from '../orders/build.js';
import { recorder, shipped } from './record-runs.js';

const AS_OF = '2026-07-01 00:00:00';
const record = recorder(AS_OF);
const seen = (rows: Record<string, unknown>[]) => rows.map((v) => [v.orderIds, v.toIssue]);
type Row = ReturnType<typeof shipped>;
const without = (col: string | undefined) => (rows: Row[]) => ({ headers: T71.filter((h) => h !== col), rows: rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== col))) });
const both = without(undefined);
const idOnly = without('店铺名称');
const nameOnly = without('店铺Id');
const write = (dir: string, name: string, x: { headers: string[]; rows: Record<string, string>[] }) => {
  const f = path.join(dir, `${name}.csv`);
  fs.writeFileSync(f, taobaoCsv(x.rows, x.headers));
  return f;
};

// tmall-2023 (docs/rules.md §1.2): paid 2026-03-01, shipped 03-04 10:00 (late); 30 % of 9000.00 =
// 2700.00 an order, 500.00 a buyer's 24-hour window per shop. Shop 1001 is 老王的店铺; another shop
// is named "1001" (its export without 店铺Id).
const o11 = { ...shipped('5000000000000000011', 'X', '9000.00', '2026-03-01 10:00:00', '2026-03-04 10:00:00'), 店铺Id: '1001', 店铺名称: '老王的店铺' };
const o12 = { ...shipped('5000000000000000012', 'X', '9000.00', '2026-03-01 11:00:00', '2026-03-04 10:00:00'), 店铺Id: '', 店铺名称: '1001' };

describe('a 店铺名称 that is another shop\'s 店铺Id', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`shop 1001 is linked to 老王的店铺: the shop named "1001" owes its own 500.00 (TZ=${tz})`, () => {
      // Run 1: o11 in 1001 = 老王的店铺 (a row shows both): 2700.00 → 500.00. Run 2: o12 in the shop
      // named "1001": a 店铺名称 that is not 老王的店铺, so another shop (§1.3a: a linked shop is apart
      // from a text that is neither of its names): its own window, 2700.00 → 500.00.
      // Old: the texts were equal, so o12 was capped with o11: 0.00, no word of shops.
      const dir = tmpDir();
      const state = path.join(dir, 's.db');
      expect(seen(record(write(dir, 'full', both([o11])), state).rows)).toEqual([[['5000000000000000011'], '500.00']]);
      const r2 = record(write(dir, 'names', nameOnly([o12])), state);
      expect(seen(r2.rows)).toEqual([[['5000000000000000012'], '500.00']]);
    });
  }

  it('shop 1001 named by 店铺Id only (nothing links it): capped together, short, and said', () => {
    // Run 1: o11 in 1001 with no 店铺名称 column: 500.00. Run 2: o12 in the shop named "1001": it may
    // be shop 1001 itself (a name nothing links): capped with o11's window, 500.00 − 500.00 = 0.00,
    // and the run says it was capped with a shop named the other way. Old: 0.00 with no such word.
    const dir = tmpDir();
    const state = path.join(dir, 's.db');
    expect(seen(record(write(dir, 'ids', idOnly([o11])), state).rows)).toEqual([[['5000000000000000011'], '500.00']]);
    const r2 = record(write(dir, 'names', nameOnly([o12])), state);
    expect(seen(r2.rows)).toEqual([[['5000000000000000012'], '0.00']]);
    expect(r2.stderr).toContain('capped with recorded vouchers of a shop named the other way');
  });

  it('one run naming 1001 by 店铺Id on one row and by 店铺名称 on another: refused (exit 3)', () => {
    // The run groups orders by shop text: o11 (店铺Id 1001) and o12 (店铺名称 "1001") would be one
    // shop's window, 30 % of 18000.00 = 5400.00 → 500.00 for the two, whether or not they are one
    // shop; which cannot be told. Old: exit 0, one voucher of 500.00, no word.
    const dir = tmpDir();
    const state = path.join(dir, 's.db');
    const f = write(dir, 'mixed', both([o11, o12]));
    const r = record(f, state);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`some orders name their shop by 店铺Id (e.g. ${f}:2: 1001) and others only by 店铺名称 (e.g. ${f}:3: 1001)`);
  });
});
