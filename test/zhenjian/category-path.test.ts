// A category copied from the seller centre as a path (`隐形眼镜/护理液 > 彩色隐形眼镜`). The whole
// text matched no category, so contact lenses were estimated with the ordinary 3–5 samples, not the
// at least 20 pairs of seed 002 Q5, and the industry was unknown. Now each level is tried, the most
// specific first, and the row says which part named the category (category_from_path).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function run(rows: string[]) {
  const f = path.join(tmpDir('zj-path-'), 'p.csv');
  fs.writeFileSync(f, ['商品ID,类目,一口价,到手价,成本,服务费,佣金率', ...rows].join('\n') + '\n');
  const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'en']);
  return { ...r, rows: JSON.parse(r.stdout) as Record<string, unknown>[] };
}

describe('zhenjian: a category written as a seller-centre path', () => {
  it('contact lenses by their path: 20 samples, 20 × 99 + 600 = 2580.00 (was 5 × 99 + 600 = 1095.00)', () => {
    const r = run(['1,隐形眼镜/护理液 > 彩色隐形眼镜,128,99,30,600,5%']);
    const p = r.rows[0]!;
    expect([p.category, p.industry, p.eligible, p.samplesMin, p.samplesMax]).toEqual(['隐形眼镜', '健康', true, 20, 20]);
    // real cost 20 × (30 + 99 × 0.05) + 600 = 20 × 34.95 + 600 = 1299.00
    expect([p.chargedMin, p.chargedMax, p.realCostMax]).toEqual(['2580.00', '2580.00', '1299.00']);
    expect(p.warningCodes).toEqual(['category_from_path', 'samples_open_ended', 'charge_far_above_estimate']);
    expect((p.warnings as string[])[0]).toBe('category "隐形眼镜/护理液 > 彩色隐形眼镜" read as 隐形眼镜 (at least 20 pairs) from its part "彩色隐形眼镜"; if that is wrong, give the units to buy in the samples column (样品数), which is used instead');
  });

  it('a top level written A/B: 女装/女士精品>连衣裙 is 女装, apparel, eligible (was unknown, eligibility unknown)', () => {
    const p = run(['2,女装/女士精品>连衣裙,299,199,80,450,5%']).rows[0]!;
    expect([p.category, p.industry, p.eligible, p.samplesMin, p.samplesMax, p.chargedMax]).toEqual(['女装', '服饰', true, 3, 5, '1445.00']);
    expect(p.warningCodes).toEqual(['category_from_path']);
  });

  it('a name the table knows as a whole is not re-read, and a path naming nothing stays unknown', () => {
    const r = run(['3,隐形眼镜,128,99,30,600,5%', '4,居家日用>收纳,20,,5,100,5%']);
    expect(r.rows[0]!.warningCodes).toEqual(['samples_open_ended', 'charge_far_above_estimate']);
    expect([r.rows[1]!.category, r.rows[1]!.eligible, r.rows[1]!.warningCodes]).toEqual(['居家日用>收纳', null, ['unknown_category']]);
  });
});
