// user18 (陈姐, a 天猫 女装 shop, ~300 products): her product sheet names each product's category as the
// seller centre's leaf (毛针织衫, 羽绒服, 毛呢外套, 牛仔裤, 卫衣/绒衫 …) or its path (女装/女士精品>毛针织衫).
// Each leaf was `unknown_category` ("not in categories.json: estimated as ordinary goods, 3–5, cannot
// tell whether the industry is eligible"): 270 warnings on 300 rows of an apparel shop, the sheet for
// her boss saying eligibility unknown. The shipped table now knows the apparel leaves: women-only ones
// (连衣裙, 半身裙 …) are 女装, ones 女装, 男装 and 童装 share (T恤, 羽绒服 …) are 服装 — and, in a path,
// yield to a broader level naming a category (男装>T恤 is 男装, 童装/…>T恤 is 童装, 母婴). Counts do not
// change (3–5, as ordinary goods: docs/rules.md §3, seed Q5), only the category, industry and warning.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function run(cats: string[]) {
  const f = path.join(tmpDir('zj-apparel-'), 'p.csv');
  fs.writeFileSync(f, ['商品ID,类目,一口价,到手价,成本,服务费,佣金率', ...cats.map((c, i) => `${i + 1},${c},299,199,80,450,5%`)].join('\n') + '\n');
  const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'zh']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Record<string, unknown>[]).filter((x) => x.kind === 'product');
}

describe('zhenjian: the seller centre\'s apparel leaf categories (failed before: unknown_category)', () => {
  it('leaves alone: 毛针织衫, 羽绒服, 毛呢外套, 牛仔裤, T恤 are 服装; 连衣裙, 半身裙 女装; apparel, eligible, no warning', () => {
    const cats: [string, string][] = [
      ['毛针织衫', '服装'], ['羽绒服', '服装'], ['毛呢外套', '服装'], ['牛仔裤', '服装'], ['T恤', '服装'],
      ['连衣裙', '女装'], ['半身裙', '女装'],
    ];
    const rows = run(cats.map(([c]) => c));
    rows.forEach((p, i) => {
      expect([p.category, p.industry, p.eligible, p.samplesMin, p.samplesMax, p.warningCodes], cats[i]![0]).toEqual([cats[i]![1], '服饰', true, 3, 5, []]);
      // By hand: charged at most 5 × 199 + 450 = 1445.00 (registration page 299 + 450 = 749.00; 1445 / 749 = 1.9×, under 2×, no warning).
      expect(p.chargedMax).toBe('1445.00');
    });
  });

  it('paths: a broader level naming a category wins over a shared leaf (男装>T恤 男装, 童装/婴儿装/亲子装>T恤 童装)', () => {
    const cats: [string, string, string, string][] = [
      ['女装/女士精品>毛针织衫', '女装', '服饰', '女装'],
      ['女装/女士精品>卫衣/绒衫', '女装', '服饰', '女装'],
      ['女装/女士精品>连衣裙', '女装', '服饰', '连衣裙'],
      ['男装>T恤', '男装', '服饰', '男装'],
      ['童装/婴儿装/亲子装>T恤', '童装', '母婴', '童装'],
      ['居家日用>T恤', '服装', '服饰', 'T恤'],
    ];
    const rows = run(cats.map(([c]) => c));
    rows.forEach((p, i) => {
      const [c, cat, ind, via] = cats[i]!;
      expect([p.category, p.industry, p.eligible, p.warningCodes], c).toEqual([cat, ind, true, ['category_from_path']]);
      expect((p.warnings as string[])[0], c).toBe(`类目 "${c}" 按其中的 "${via}" 读作${cat} (3–5 件样品); 若不对, 在 样品数 列填写要买的件数 (以填写的为准)`);
    });
  });

  it('generic that is not true or false is refused naming the entry', () => {
    const dir = tmpDir('zj-apparel-');
    const cf = path.join(dir, 'cats.json');
    fs.writeFileSync(cf, JSON.stringify({ ordinary: { samplesMin: 3, samplesMax: 5 }, industries: [{ id: 'apparel', zh: '服饰', eligible: true }], categories: [{ id: 'c', zh: '服装', industry: 'apparel', samplesMin: 3, samplesMax: 5, generic: 'yes' }] }));
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, '商品ID,类目,一口价,成本,服务费\n1,服装,299,80,450\n');
    const r = runCli(['zhenjian', 'estimate', f, '--categories', cf, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('categories[0] (c): generic must be true or false, not "yes"');
  });
});
