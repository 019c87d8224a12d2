// A shop added to a shared state database with --new-shop stays held (rev48, review of user23's
// fe92ee98/ae24cac6). The check counted only rows: a 抖店 shop's vouchers are never recorded (the
// platform deducts, nothing to issue) and its sightings are deleted once its late orders ship, and a
// shop whose --new-shop run found nothing late wrote no row at all (a name-only export: no 店铺Id ↔
// 店铺名称 pair either). The next hourly run was then refused, exit 2, "a shop it has never held", every
// hour, although README said "run once with --new-shop … later runs need no flag".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from '../state/record-runs.js';

const rows = (out: string) => (out ? (JSON.parse(out) as Record<string, unknown>[]) : []);

describe('a shop added with --new-shop is held from then on', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`抖店 beside Tmall: still held after its one late order shipped (TZ=${tz})`, () => {
      const dir = tmpDir();
      const db = path.join(dir, 'shared.db');
      const rec = (file: string, asOf: string, ...extra: string[]) =>
        runCli(['compensate', file, '--record', '--state', db, '--as-of', asOf, '-f', 'json', '-q', ...extra], { tz });
      // README's example: the Tmall shop records 50.00 (…903: 5 % of 2000.00, capped at 50.00).
      const t = rec(path.join(EXAMPLES, 'ExportOrderList202611.csv'), '2026-11-20 12:00:00');
      expect(t.code).toBe(0);
      expect(rows(t.stdout).filter((v) => v.recorded === 'new').map((v) => v.toIssue)).toEqual(['50.00']);
      // The 抖店 shop shares the file on purpose: --new-shop once. Its …701 (paid 11-17 08:00, promised
      // 11-19 08:00, 48 h window) is unshipped 28 h late at 11-20 12:00: sighted.
      const douyin = path.join(EXAMPLES, 'douyin-orders-202611.csv');
      expect(rec(douyin, '2026-11-20 12:00:00', '--new-shop').code).toBe(0);
      // The next download: …701 shipped 11-20 13:00, 29 h late: ≤ 48 h under douyin-2025, 0.00, final;
      // its sighting goes, and no 抖店 voucher is ever recorded (platform-deducts).
      const lines = fs.readFileSync(douyin, 'utf8').split('\n');
      const i = lines.findIndex((l) => l.startsWith('"\t6900000000000000701"'));
      const cells = lines[i]!.split('","');
      cells[32] = '已发货';
      cells[42] = '2026-11-20 13:00:00';
      cells[43] = '申通快递';
      cells[44] = '773000000701"';
      lines[i] = cells.join('","');
      const later = path.join(dir, 'douyin-later.csv');
      fs.writeFileSync(later, lines.join('\n'));
      const shippedRun = rec(later, '2026-11-20 14:00:00');
      expect(shippedRun.code).toBe(0);
      expect(rows(shippedRun.stdout).filter((v) => (v.orderIds as string[]).includes('6900000000000000701')).map((v) => [v.amount, v.state, v.toIssue])).toEqual([['0.00', 'final', '0.00']]);
      // The hour after: the same shop, the same line. Refused before (exit 2: "holds orders of
      // Taobao/Tmall … a platform it has never held").
      const next = rec(later, '2026-11-20 15:00:00');
      expect(next.stderr).not.toContain('never held');
      expect(next.code).toBe(0);
      // The ledger: the Tmall shop's 50.00 only.
      expect(rows(runCli(['ledger', 'list', '--state', db, '-f', 'json']).stdout).map((v) => v.amount)).toEqual(['50.00']);
    });

    it(`a Tmall shop named by 店铺名称 only whose --new-shop run found nothing late (TZ=${tz})`, () => {
      const dir = tmpDir();
      const db = path.join(dir, 'shared.db');
      const rec = (file: string, ...extra: string[]) =>
        runCli(['compensate', file, '--record', '--state', db, '--as-of', '2026-07-01 00:00:00', '-f', 'json', '-q', ...extra], { tz });
      // tmall-2026 tier 5: paid 06-01, 48 h to ship, shipped 06-04 20:00 (≤ 72 h late): 5 % of 1000.00 = 50.00.
      const a = path.join(dir, 'a.csv');
      fs.writeFileSync(a, taobaoCsv([{ ...shipped('5300000000000000101', 'Q', '1000.00', '2026-06-01 08:00:00', '2026-06-04 20:00:00'), 店铺Id: '1001', 店铺名称: '甲店' }]));
      expect(rows(rec(a).stdout).map((v) => [v.toIssue, v.shop])).toEqual([['50.00', '1001']]);
      // 乙店's downloads leave 店铺Id empty. Its first: shipped 24 h after payment, on time (48 h): nothing owed.
      const b1 = path.join(dir, 'b1.csv');
      const onTime = { ...shipped('5300000000000000201', 'R', '1000.00', '2026-06-01 10:00:00', '2026-06-02 10:00:00'), 店铺名称: '乙店' };
      fs.writeFileSync(b1, taobaoCsv([onTime]));
      const added = rec(b1, '--new-shop');
      expect(added.code).toBe(0);
      expect(rows(added.stdout)).toEqual([]);
      // The next hour, a late order too (paid 06-01 11:00, shipped 06-04 20:00: tier 5, 50.00): recorded
      // under 乙店's own cap. Refused before (exit 2: "… 乙店, which it has never held").
      const b2 = path.join(dir, 'b2.csv');
      fs.writeFileSync(b2, taobaoCsv([onTime, { ...shipped('5300000000000000202', 'R', '1000.00', '2026-06-01 11:00:00', '2026-06-04 20:00:00'), 店铺名称: '乙店' }]));
      const next = rec(b2);
      expect(next.stderr).not.toContain('never held');
      expect(next.code).toBe(0);
      expect(rows(next.stdout).map((v) => [v.toIssue, v.shop, v.recorded])).toEqual([['50.00', '乙店', 'new']]);
      // A third shop's export against the file is still refused: the guard stands.
      const c = path.join(dir, 'c.csv');
      fs.writeFileSync(c, taobaoCsv([{ ...shipped('5300000000000000301', 'S', '1000.00', '2026-06-01 12:00:00', '2026-06-04 20:00:00'), 店铺Id: '3003', 店铺名称: '丙店' }]));
      const wrong = rec(c);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('which it has never held');
    });
  }
});
