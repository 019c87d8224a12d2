// The charge_far_above_estimate warning said "2 倍" / "2.0×" for a charge 2.03 times the
// registration page's estimate while warning that it is more than 2× (user4, thirty-second round):
// the ratio was rounded to one decimal place. Now it shows as many places as it takes to stand above
// the threshold. By hand (README 甄检 "Far above" and docs/rules.md §3: the page's estimate is the
// list price for one unit plus the service fee; the charge is the samples at the deal price plus the fee): list 200.00, fee
// 100.00 → 300.00; 4 samples at 127.25 = 509.00 + 100.00 = 609.00; 609.00 / 300.00 = 2.03 > 2.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const HEAD = '商品ID,商品标题,类目,一口价,到手价,成本,服务费,样品数,展示周期,自动续费,佣金率,每件运费,签约时间,透标开始,SKU差异';

describe('charge far above the estimate: the ratio shown above the threshold', () => {
  it('609.00 against 300.00: 2.03×, 2.03 倍 (was 2×, 2 倍)', () => {
    const f = path.join(tmpDir(), 'products.csv');
    fs.writeFileSync(f, `${HEAD}\n1,测试商品,女装,200.00,127.25,50.00,100.00,4,30,否,5%,0,2026-11-20 10:00:00,,\n`);
    const en = runCli(['zhenjian', 'estimate', f, '--lang', 'en', '-f', 'table']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain("warning: 1: the real charge can reach 609.00, 2.03× the registration page's 300.00");
    const zh = runCli(['zhenjian', 'estimate', f, '--lang', 'zh', '-f', 'table']);
    expect(zh.stderr).toContain('警告: 1: 实际扣款最多 609.00 元, 是报名页预估 300.00 元的 2.03 倍');
  });

  it('700.00 against 300.00 stays one place: 2.3×', () => {
    const f = path.join(tmpDir(), 'products.csv');
    // 5 samples at 100.00 = 500.00 + 200.00 = 700.00; 100.00 + 200.00 = 300.00; 2.333… → 2.3
    fs.writeFileSync(f, `${HEAD}\n1,测试商品,女装,100.00,100.00,30.00,200.00,5,30,否,5%,0,2026-11-20 10:00:00,,\n`);
    const en = runCli(['zhenjian', 'estimate', f, '--lang', 'en', '-f', 'table']);
    expect(en.stderr).toContain("warning: 1: the real charge can reach 700.00, 2.3× the registration page's 300.00");
  });
});
