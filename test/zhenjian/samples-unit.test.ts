// 样品数 typed with its count word, as the 展示周期 column takes 180天: 4件, 20双 (contact lenses
// are counted in pairs, RULES §3 "at least 20 pairs"), 20 pairs. Rejected before ("samples must be
// a whole number from 1 to 1000"), the product left out of the estimate. A range (3-5) is refused
// saying why: the column is the one count that overrides the category's range.
import { describe, expect, it } from 'vitest';
import { parseSamples } from '../../src/zhenjian/fields.js';
import { runCli } from '../helpers.js';

const val = (p: ReturnType<typeof parseSamples>) => (p.ok ? p.value : 'ERR');

describe('样品数 with a count word', () => {
  it('reads 4件, 20双, ２０ 副, 20 pairs, 3 pcs; a unit alone is empty; refuses 4.5件 and a range', () => {
    expect(['4件', '20双', '２０ 副', '20 pairs', '3 pcs', '5个'].map((t) => val(parseSamples(t)))).toEqual([4, 20, 20, 20, 3, 5]);
    expect(val(parseSamples('件'))).toBeNull();
    expect(val(parseSamples('4.5件'))).toBe('ERR');
    const r = parseSamples('3-5');
    expect(r.ok ? 'accepted' : r.reason.en).toBe("samples is one number (the units this product's test buys); leave it empty to use the category's range (such as 3–5)");
  });

  it.each(['UTC', 'America/Los_Angeles'])('estimate: a product with 样品数 4件 is costed with 4 samples (TZ=%s)', (tz) => {
    const csv = '商品ID,商品标题,类目,一口价,到手价,成本,服务费,样品数,展示周期,佣金率,每件运费\n680012345680,儿童羽绒服,童装,459.00,,150.00,380.00,4件,30,5%,8.00\n';
    const r = runCli(['zhenjian', 'estimate', '-', '-f', 'json', '--as-of', '2026-11-20 12:00:00'], { input: csv, tz });
    expect(r.code).toBe(0);
    const [p] = JSON.parse(r.stdout) as Record<string, unknown>[];
    // By hand (RULES §3): deal price defaults to the list price 459.00.
    // charged = 4 × 459.00 + 380.00 = 2216.00
    // real cost = 4 × (150.00 + 8.00 + 459.00 × 5 % = 22.95) + 380.00 = 4 × 180.95 + 380.00 = 1103.80
    expect(p).toMatchObject({ samplesMin: 4, samplesMax: 4, chargedMax: '2216.00', realCostMax: '1103.80' });
  });
});
