// A product's price typed as a range (99-199: SKUs priced differently, as its page shows it). The
// test buys some of its SKUs, any of them (seed 002 Q6: 报名后会抽检部分SKU), so the most it can cost
// is at the highest price. The row is still rejected (one number per cell), but the message named a
// fixed example, "write 199.00", which for 199-299 read as "write the lower price": 5 × 199 + 450 =
// 1445.00 where 5 × 299 + 450 = 1945.00 can be charged.
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/zhenjian/fields.js';
import { runCli, tmpDir } from '../helpers.js';
import fs from 'node:fs';
import path from 'node:path';

const reason = (p: ReturnType<typeof parseAmount>) => (p.ok ? 'accepted' : p.reason);

describe('zhenjian: an amount typed as a range', () => {
  it('names the highest end, whichever order and however written', () => {
    expect(reason(parseAmount('199-299', true, true, true))).toEqual({
      zh: '是一个区间: 多 SKU 商品检测时只抽部分 SKU, 哪个都可能被买到; 写最高的 299.00 (按它估算最多扣款)',
      en: 'is a range: a multi-SKU product\'s test buys some of its SKUs, any of them, so write the highest, 299.00 (the most the test can cost)',
    });
    for (const t of ['99-199', '¥99～¥199', '99元至199元', '199~99', '９９－１９９']) {
      const r = reason(parseAmount(t, true, true, true));
      expect(r === 'accepted' ? r : r.en).toContain('write the highest, 199.00');
    }
  });

  it('other text and amounts outside a product row keep the plain message', () => {
    expect(reason(parseAmount('12a', true, true, true))).toEqual({ zh: '不是金额 (写 199.00)', en: 'is not an amount (write 199.00)' });
    expect(reason(parseAmount('100-200', true))).toEqual({ zh: '不是金额 (写 199.00)', en: 'is not an amount (write 199.00)' });
  });

  it('the file reader: the row is rejected with file, line, column and the highest price', () => {
    const f = path.join(tmpDir('zj-range-'), 'p.csv');
    fs.writeFileSync(f, '商品ID,类目,一口价,到手价,成本,服务费\n1,女装,199-299,,80,450\n2,女装,299,199,80,450\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2 [一口价]: "199-299" is a range: a multi-SKU product's test buys some of its SKUs, any of them, so write the highest, 299.00 (the most the test can cost)`);
  });
});
