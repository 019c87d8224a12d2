// user11 (小何, a Tmall beauty/skincare 旗舰店) copied her six products' categories from the seller
// centre: 美容护肤/美体/精油 > 面部精华, > 洁面, > 防晒, > 面膜 were each `unknown_category` ("not in
// categories.json: estimated as ordinary goods, 3–5"), four warnings on six rows, though skincare is a
// category the table has (护肤, beauty). The shipped table now knows the seller centre's skincare and
// makeup leaf names. The sample counts do not change (3–5, as ordinary goods): the row names its
// category and industry instead of a warning that the category is unknown.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('zhenjian: the seller centre\'s skincare and makeup leaf categories', () => {
  it('面部精华, 洁面, 防晒, 面膜, 化妆水, 眼霜 are 护肤; 唇膏/口红, 粉底液 are 彩妆 (beauty, eligible, 3–5)', () => {
    const f = path.join(tmpDir('zj-beauty-'), 'p.csv');
    const cats = [
      ['美容护肤/美体/精油 > 面部精华', '护肤'],
      ['美容护肤/美体/精油 > 洁面', '护肤'],
      ['美容护肤/美体/精油 > 防晒', '护肤'],
      ['美容护肤/美体/精油 > 面膜', '护肤'],
      ['美容护肤/美体/精油 > 化妆水/爽肤水', '护肤'],
      ['美容护肤/美体/精油 > 眼霜', '护肤'],
      ['彩妆/香水/美妆工具 > 唇膏/口红', '彩妆'],
      ['彩妆/香水/美妆工具 > 粉底液/膏', '彩妆'],
    ];
    fs.writeFileSync(f, ['商品ID,类目,一口价,到手价,成本,服务费,佣金率', ...cats.map(([c], i) => `${i + 1},${c},69,49.9,12.5,450,5%`)].join('\n') + '\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as Record<string, unknown>[]).filter((x) => x.kind === 'product');
    expect(rows).toHaveLength(cats.length);
    rows.forEach((p, i) => {
      expect([p.category, p.industry, p.eligible, p.samplesMin, p.samplesMax], cats[i]![0]).toEqual([cats[i]![1], '美妆', true, 3, 5]);
      expect(p.warningCodes, cats[i]![0]).toEqual(['category_from_path']);
      // 洗面奶 by hand: 5 × 49.90 + 450 = 699.50 charged at most; unchanged by the category.
      expect(p.chargedMax).toBe('699.50');
    });
  });
});
