// `ledger list/export --shop <its current 店铺名称>` of a renamed shop (rev48, review of user23's 1c5730be).
// --shop counted the names linked straight to the text given: by the shop's new name, the 店铺Id it is
// linked to, but not the old 店铺名称 that the same 店铺Id was linked to (a full export made before the
// rename). A voucher recorded from a name-only export under the old name was left out, and the client's
// month-end total came out short without a word.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from './record-runs.js';

// tmall-2026 tier 5 (docs/rules.md §1.3): paid 08:00, 48 h to ship, shipped 3 days later at 20:00,
// 36 h late: 5 % of 1000.00 = 50.00 a voucher (one order each, buyers' days apart: no cap reached).
//   a1: 1001 甲店 (full export, before the rename)  …101, buyer Q, 06-01  50.00
//   a2: 甲店 only (店铺Id left empty)               …105, buyer P, 06-02  50.00
//   a3: 1001 甲店新 (full export, after the rename) …106, buyer P, 06-03  50.00
// Shop 1001 = 甲店 = 甲店新: 3 vouchers, 150.00, whichever of the three --shop is given.
const late = (id: string, buyer: string, day: string, shop: Record<string, string>) => ({
  ...shipped(id, buyer, '1000.00', `2026-06-${day} 08:00:00`, `2026-06-${String(Number(day) + 3).padStart(2, '0')} 20:00:00`),
  ...shop,
});

describe('ledger --shop: a renamed shop by any of its names', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the old name's voucher is the shop's too (TZ=${tz})`, () => {
      const dir = tmpDir();
      const db = path.join(dir, 's.db');
      const rec = (name: string, row: Record<string, string>) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, taobaoCsv([row]));
        const r = runCli(['compensate', p, '--record', '--state', db, '--as-of', '2026-07-01 00:00:00', '-f', 'json', '-q'], { tz });
        expect(r.code).toBe(0);
        return (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.toIssue, v.shop]);
      };
      expect(rec('a1.csv', late('5300000000000000101', 'Q', '01', { 店铺Id: '1001', 店铺名称: '甲店' }))).toEqual([['50.00', '1001']]);
      expect(rec('a2.csv', late('5300000000000000105', 'P', '02', { 店铺名称: '甲店' }))).toEqual([['50.00', '甲店']]);
      expect(rec('a3.csv', late('5300000000000000106', 'P', '03', { 店铺Id: '1001', 店铺名称: '甲店新' }))).toEqual([['50.00', '1001']]);
      for (const shop of ['1001', '甲店', '甲店新']) {
        const l = runCli(['ledger', 'export', '--state', db, '--shop', shop, '-f', 'json'], { tz });
        expect(l.code).toBe(0);
        expect((JSON.parse(l.stdout) as Record<string, unknown>[]).map((v) => (v.orderIds as string[]).join(';').slice(-3)).sort(), shop).toEqual(['101', '105', '106']);
        expect(l.stderr, shop).toContain('3 vouchers recorded, total 150.00');
      }
    });
  }
});
