// One shop, one state database: a download whose rows show 店铺Id with 店铺名称 empty, then one whose
// rows show 店铺名称 with 店铺Id empty (rev48, review of user23's fe92ee98). No row ever showed the two
// together, so nothing links them; the cap counts them as maybe one shop (README "Several shops": an
// 店铺Id and a 店铺名称 nothing links are capped together, short, never twice). The shop check took the
// name for a shop the database had never held and refused the hourly run, exit 2, every hour.
// Two 店铺名称 are two shops, as for the cap: that wrong line is still refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from '../state/record-runs.js';

// tmall-2026 tier 5: paid 08:00, 48 h to ship, shipped 3 days later 20:00 (36 h late): 5 % of
// 1000.00 = 50.00 a voucher; buyers Q (06-01) and P (06-02): no cap shared.
const late = (id: string, buyer: string, day: string, shop: Record<string, string>) => ({
  ...shipped(id, buyer, '1000.00', `2026-06-${day} 08:00:00`, `2026-06-${String(Number(day) + 3).padStart(2, '0')} 20:00:00`),
  ...shop,
});

describe('compensate --record: a shop named by 店铺Id in one download and by 店铺名称 only in another', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`not refused; two 店铺名称 still are (TZ=${tz})`, () => {
      const dir = tmpDir();
      const rec = (db: string, name: string, row: Record<string, string>) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, taobaoCsv([row]));
        const r = runCli(['compensate', p, '--record', '--state', path.join(dir, db), '--as-of', '2026-07-01 00:00:00', '-f', 'json', '-q'], { tz });
        return { code: r.code, stderr: r.stderr, rows: r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.toIssue, v.shop, v.recorded]) : [] };
      };
      expect(rec('a.db', 'id.csv', late('5300000000000000101', 'Q', '01', { 店铺Id: '1001' })).rows).toEqual([['50.00', '1001', 'new']]);
      // Refused before: "holds the shop(s) 1001, and this run's exports are of 甲店, which it has never held".
      const byName = rec('a.db', 'name.csv', late('5300000000000000102', 'P', '02', { 店铺名称: '甲店' }));
      expect(byName.stderr).not.toContain('never held');
      expect(byName.code).toBe(0);
      expect(byName.rows).toEqual([['50.00', '甲店', 'new']]);
      // A database holding 甲店 by name alone, given 乙店's name-only download: refused (two names, two shops).
      expect(rec('b.db', 'b1.csv', late('5300000000000000201', 'Q', '01', { 店铺名称: '甲店' })).rows).toEqual([['50.00', '甲店', 'new']]);
      const other = rec('b.db', 'b2.csv', late('5300000000000000202', 'P', '02', { 店铺名称: '乙店' }));
      expect(other.code).toBe(2);
      expect(other.stderr).toContain('which it has never held');
      // And a database holding 1001 linked to 甲店 (a full download), given 2002's id-only one: refused.
      expect(rec('c.db', 'c1.csv', late('5300000000000000301', 'Q', '01', { 店铺Id: '1001', 店铺名称: '甲店' })).rows).toEqual([['50.00', '1001', 'new']]);
      const id2 = rec('c.db', 'c2.csv', late('5300000000000000302', 'P', '02', { 店铺Id: '2002' }));
      expect(id2.code).toBe(2);
      expect(id2.stderr).toContain('which it has never held');
    });
  }
});
