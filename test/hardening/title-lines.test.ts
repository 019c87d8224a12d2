// A title line above the header (评价管理导出 2026-11-21, 甄检报名商品 …), as seller tools and hand-made
// sheets write them, is skipped by the review, 甄检 product and label readers as by the order and
// roster readers; before, each stopped with "required column missing" (exit 3).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('title lines above the header', () => {
  it('reviews queue reads a GBK review file with a title line; rejected lines keep their physical numbers', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'reviews.csv');
    const text = [
      '评价管理导出 2026-11-21',
      '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容',
      '="3515313147329357901",小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,掉毛严重',
      '="2987650012233445501",阿花tb,纯棉T恤 黑色,差评,2026-11-20 09:12:00,有色差',
      '3.51531E+18,某人,毛巾,差评,2026-11-20 10:00:00,太差了',
    ].join('\r\n');
    fs.writeFileSync(file, iconv.encode(text + '\r\n', 'gbk'));
    const r = runCli(['reviews', 'queue', file, '--as-of', '2026-11-21 10:00:00', '-f', 'json', '--state', path.join(dir, 's.db')]);
    expect(r.code).toBe(1); // one rejected row
    const rows = JSON.parse(r.stdout) as { orderId: string }[];
    expect(rows.map((x) => x.orderId).sort()).toEqual(['2987650012233445501', '3515313147329357901']);
    expect(r.stderr).toContain('reviews.csv:5 [');
  });

  it('zhenjian estimate reads a product file and a label file with a title line', () => {
    const dir = tmpDir();
    const products = path.join(dir, 'p.csv');
    const labels = path.join(dir, 'l.csv');
    fs.writeFileSync(products, '甄检报名商品 2026-11\n商品ID,类目,一口价,成本,服务费\n680012345678,女装,299.00,80.00,450.00\n');
    fs.writeFileSync(labels, '品质标签\n商品ID,检测项目,必检,展示\n680012345678,色牢度,否,是\n');
    const r = runCli(['zhenjian', 'estimate', products, '--labels', labels, '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    // 女装 3–5 samples at the list price (no deal price): 5 × 299 + 450 = 1945; page 299 + 450 = 749
    expect(rows[0]).toMatchObject({ itemId: '680012345678', registrationEstimate: '749.00', chargedMax: '1945.00', labelsShown: ['色牢度'] });
  });
});
