// A 到手价 above the 一口价 (the two columns swapped, or one mistyped) was estimated without a word:
// the registration page figure from the lower price, the charge from the higher one. The row is now
// warned (deal_above_list), naming the file and line and both prices, and computed as written: which
// of the two is right cannot be told, so neither is guessed (docs/rules.md §3).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

// A 护肤 serum typed with its prices swapped (89 is the promotion, 159 the list price) and a lipstick
// typed right. Both 美妆, 护肤 and 彩妆 buy 3–5 samples (templates/zhenjian/categories.json).
const FILE = '商品ID,商品标题,类目,一口价,到手价,成本,服务费,佣金率,每件运费\n690000000001,玻尿酸保湿精华液 30ml,护肤,89.00,159.00,25.00,500.00,5%,6.00\n690000000002,丝绒哑光口红 3.5g,彩妆,129.00,99.00,18.00,450.00,5%,6.00\n';

function write(text: string): string {
  const f = path.join(tmpDir('zj-deal-above-'), 'beauty.csv');
  fs.writeFileSync(f, text);
  return f;
}

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`zhenjian estimate: a deal price above the list price (TZ=${tz})`, () => {
    it('the row is warned with file, line and both prices, and estimated as written', () => {
      const f = write(FILE);
      const r = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
      const serum = rows[0]!;
      // As written, by hand: the page 89 + 500 = 589.00; charged 3 × 159 + 500 = 977.00 to
      // 5 × 159 + 500 = 1295.00; a sample 25 + 6 + 159 × 5 % = 38.95, real 5 × 38.95 + 500 = 694.75.
      // 1295.00 > 2 × 589.00, so it is also far above (1295 / 589 = 2.198…, 2.2×).
      expect([serum.registrationEstimate, serum.chargedMin, serum.chargedMax, serum.realCostMax]).toEqual(['589.00', '977.00', '1295.00', '694.75']);
      expect(serum.warningCodes).toBe('deal_above_list;charge_far_above_estimate');
      const said = `the deal price 到手价 159.00 is above the list price 一口价 89.00 (${f} line 2): are the two columns swapped? Computed as written (samples bought at the deal price, the registration page at the list price); check both and correct the wrong one`;
      // The warnings column joins the row's warnings with ';', this one first.
      expect(serum.warnings!.startsWith(`${said};the real charge can reach 1295.00, 2.2×`)).toBe(true);
      // The lipstick (99 ≤ 129) is not warned.
      expect(rows[1]!.warningCodes).toBe('');
      // On stderr in csv output too (other warnings stay in the file's column): one line, the row named.
      expect(r.stderr.split('\n').filter((l) => l.includes('到手价'))).toEqual([`storeops: warning: 690000000001: ${said}`]);
    });

    it('zh, and in the terminal table with the code label', () => {
      const f = write(FILE);
      const r = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'zh'], { tz });
      expect(r.stderr).toContain(`storeops: 警告: 690000000001: 到手价 159.00 元高于一口价 89.00 元 (${f} 第 2 行): 两列是否填反了? 照填写的计算 (按到手价购样, 报名页按一口价预估); 请核对后改正填错的那一列\n`);
      const t = runCli(['zhenjian', 'estimate', f, '-f', 'table', '--lang', 'zh'], { tz });
      expect(t.stdout).toContain('到手价高于一口价;扣款远超预估');
      // Once on stderr, as every warning of a table row.
      expect(t.stderr.split('\n').filter((l) => l.includes('高于一口价')).length).toBe(1);
    });

    it('a deal price equal to the list price, or none, is not warned', () => {
      const f = write('商品ID,类目,一口价,到手价,成本,服务费\n1,护肤,89.00,89.00,25,500\n2,护肤,89.00,,25,500\n');
      const r = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'en'], { tz });
      const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
      expect(rows.slice(0, 2).map((x) => x.warningCodes)).toEqual(['', '']);
      expect(r.stderr).not.toContain('到手价');
    });
  });
}
