// A beauty shop's SKUs are named as the seller centre names the SKU property: 颜色分类 (Taobao's
// colour property), 色号 (a lipstick's shade), 净含量 (net content: capacity). Each was "unknown SKU
// difference" and rejected its row, so 李姐's lipstick (SKU差异 色号) had no estimate at all — exit 3
// when it was the only product (user15). They are colour and capacity (seed 002 Q6: SKUs differing in
// 款式/图案/尺码/颜色/规格/容量 are accepted); a word still unknown says what a texture or scent
// difference (质地, 香型: what the product is made of) is written as.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSkuDiffers } from '../../src/zhenjian/fields.js';
import { runCli, tmpDir } from '../helpers.js';

const val = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : undefined);

describe('SKU differences a beauty shop writes', () => {
  it('颜色分类 and 色号 are colour, 净含量 capacity', () => {
    expect(val(parseSkuDiffers('颜色分类') as never)).toEqual(['colour']);
    expect(val(parseSkuDiffers('色号') as never)).toEqual(['colour']);
    expect(val(parseSkuDiffers('色号;净含量') as never)).toEqual(['colour', 'capacity']);
    expect(val(parseSkuDiffers('颜色分类、净含量') as never)).toEqual(['colour', 'capacity']);
  });

  it('a lipstick whose SKUs differ in 色号 is estimated, with no SKU warning', () => {
    const f = path.join(tmpDir('zj-sku-'), '甄检报名商品.csv');
    fs.writeFileSync(f, '商品ID,商品标题,类目,一口价,成本,服务费,佣金率,SKU差异\n701234567804,丝绒哑光口红,口红,199,32,450,5%,色号\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const p = (JSON.parse(r.stdout) as Record<string, unknown>[])[0]!;
    // makeup 3–5; deal = list 199: charged 5 × 199 + 450 = 995 + 450 = 1445.00;
    // real 5 × (32 + 0 + 199 × 0.05 = 9.95) = 5 × 41.95 = 209.75, + 450 = 659.75; registration 199 + 450 = 649.00
    expect([p.samplesMin, p.samplesMax, p.registrationEstimate, p.chargedMax, p.realCostMax]).toEqual([3, 5, '649.00', '1445.00', '659.75']);
    // 1445 > 2 × 649 = 1298: explained; the colour SKUs are accepted
    expect(p.warningCodes).toEqual(['charge_far_above_estimate']);
  });

  it('质地 is still not a word the rule accepts; the message says what to write for it (en, zh)', () => {
    const f = path.join(tmpDir('zj-sku-'), 'p.csv');
    fs.writeFileSync(f, '商品ID,一口价,成本,服务费,SKU差异\n1,199,32,450,质地\n2,199,32,450,颜色\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${f}:2 [SKU差异]: unknown SKU difference "质地"; write any of style/pattern/size/colour/spec/capacity/type/material (or 款式/图案/尺码/颜色/规格/容量/类型/材质); SKUs that differ in what they are made of (质地, 香型, 成分) are type or material\n`,
    );
    const z = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0', '--lang', 'zh']);
    expect(z.stderr).toContain(`${f}:2 [SKU差异]: 未知的 SKU 差异 "质地"; 可写: 款式/图案/尺码/颜色/规格/容量/类型/材质; 做法或成分不同 (质地、香型、成分) 写 类型 或 材质\n`);
  });
});
