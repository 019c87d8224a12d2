// text46: the category warnings named categories.json ("not in categories.json", "write the category
// as categories.json names it" / 按 categories.json 里的名称写类目), a file the operator never opened: the
// shipped table, or the one config zhenjian.categories names. They now say what the product file
// itself can do, as the model supports it: a typed 样品数 (samples) is the count used (model.ts: it
// replaces the category's range), and an unknown category's industry can be given in 行业.
// Worked from the rows: 居家日用>收纳 names no category and no industry → ordinary 3–5 (the table's
// `ordinary`), industry unknown; 隐形眼镜/护理液 > 彩色隐形眼镜 is read from 彩色隐形眼镜 as 隐形眼镜, at
// least 20 pairs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function run(lang: 'en' | 'zh', rows: string[]) {
  const f = path.join(tmpDir('zj-words-'), 'p.csv');
  fs.writeFileSync(f, ['商品ID,类目,一口价,到手价,成本,服务费,佣金率', ...rows].join('\n') + '\n');
  const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', lang]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { warnings: string[] }[];
}

describe('zhenjian category warnings say what to do in the file, not in categories.json', () => {
  it('unknown category, en and zh', () => {
    expect(run('en', ['4,居家日用>收纳,20,,5,100,5%'])[0]!.warnings[0]).toBe(
      'category "居家日用>收纳" is not one storeops knows: estimated with the ordinary 3–5 samples; cannot tell whether its industry is eligible (give it in the industry column, 行业, e.g. 服饰, 母婴); if the tests buy more (contact lenses at least 20 pairs), give the units in the samples column (样品数)',
    );
    expect(run('zh', ['4,居家日用>收纳,20,,5,100,5%'])[0]!.warnings[0]).toBe(
      '类目 "居家日用>收纳" 不是 storeops 认识的类目: 按普通商品 3–5 件估算, 无法判断行业是否适用 (可在 行业 列填写, 如 服饰、母婴); 检测要买更多样品时 (如隐形眼镜至少 20 副), 在 样品数 列填写件数',
    );
  });
  it('a category read from a part of its path, zh', () => {
    expect(run('zh', ['1,隐形眼镜/护理液 > 彩色隐形眼镜,128,99,30,600,5%'])[0]!.warnings[0]).toBe(
      '类目 "隐形眼镜/护理液 > 彩色隐形眼镜" 按其中的 "彩色隐形眼镜" 读作隐形眼镜 (至少 20 副); 若不对, 在 样品数 列填写要买的件数 (以填写的为准)',
    );
  });
  it('no warning text names categories.json', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const p of run(lang, ['4,居家日用>收纳,20,,5,100,5%', '1,隐形眼镜/护理液 > 彩色隐形眼镜,128,99,30,600,5%'])) {
        for (const w of p.warnings) expect(w).not.toContain('categories.json');
      }
    }
  });
});
