// The example rule file `storeops init` copies (templates/rules/custom-example.json) used with its
// numbers unchanged: user16 (王姐, a 拼多多 shop) copied it to my-pdd.json and ran compensate with it;
// her late orders were priced at the example's 5 % and 10 % without a word, though the file itself
// says the numbers are an example. Now a warning names the file and says what to change; the amounts
// are still computed (the file is the shop's to decide), and an edited file is not warned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { ruleFile } from './rule-file.js';

const TEMPLATE = path.join(__dirname, '..', '..', 'templates', 'rules', 'custom-example.json');
const PDD = `${EXAMPLES}/pdd-orders-202611.csv`;

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`compensate --rules with the example's numbers (TZ=${tz})`, () => {
    const run = (rules: string, lang: string) => runCli(['compensate', PDD, '--rules', rules, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', lang], { tz });

    it('a copy as it was copied: warned, naming the file and the numbers, in en and zh; the run as before', () => {
      const f = path.join(tmpDir('example-rules-'), 'my-pdd.json');
      fs.copyFileSync(TEMPLATE, f);
      const en = run(f, 'en');
      expect(en.stderr).toContain(
        `storeops: warning: rule file ${f} still has the tiers of the example storeops init writes (late 5 %, 3.00 to 30.00; out of stock 10 %, 5.00 to 100.00), which are no platform's published rate, and the amounts are computed with them: change its tiers to what your pdd bill lines (延迟发货_扣款, 缺货扣款) show, and its id and title\n`,
      );
      const zh = run(f, 'zh');
      expect(zh.stderr).toContain(
        `storeops: 警告: 规则文件 ${f} 的档位 (tiers) 还是 storeops init 写出的示例里的数字 (延迟 5%、最低 3.00、最高 30.00; 缺货 10%、最低 5.00、最高 100.00), 不是平台公布的比例, 金额照这些数字计算: 按拼多多账单 (延迟发货_扣款、缺货扣款) 改 tiers, 以及 id 和 title\n`,
      );
      // Computed as before: the same vouchers as an id-renamed copy with the same tiers (only the id differs).
      const renamed = ruleFile((r) => {
        r.id = 'wang-pdd';
      });
      expect(en.stdout.replaceAll('my-pdd-shop', 'wang-pdd').split('\n').map((l) => l.replace(/^[^,]*,/, ''))).toEqual(run(renamed, 'en').stdout.split('\n').map((l) => l.replace(/^[^,]*,/, '')));
      expect(en.code).toBe(run(renamed, 'en').code);
    });

    it('tiers edited (one rate 5 % → 6 %): not warned; nor with a built-in rule set', () => {
      const f = ruleFile((r) => {
        (r.tiers[1] as Record<string, unknown>).rate = '0.06';
      });
      expect(run(f, 'en').stderr).not.toContain('tiers of the example');
      const tm = runCli(['compensate', `${EXAMPLES}/ExportOrderList202611.csv`, '--rules', 'tmall-2026', '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en'], { tz });
      expect(tm.stderr).not.toContain('tiers of the example');
    });
  });
}
