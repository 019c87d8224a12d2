// A product sheet cut off in the middle of its last row (a copy from the shop's Windows laptop that did
// not finish): the row is short, no line break after it. Until 2026-12 it was read as a row an editor
// saved without its trailing empty cells: the cut-off 佣金率 and 每件运费 read as the defaults, the
// product's real cost under-estimated, exit 0. Now that row is rejected as cut off (exit 1), as in
// order and review files; a short row followed by a line break is read as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const HEADER = '商品ID,商品标题,类目,一口价,到手价,成本,服务费,样品数,展示周期,自动续费,佣金率,每件运费';
// P1 (女装, 3–5 samples): list 100 + fee 300 = 400.00 on the page; charged 3 × 80 + 300 = 540.00 to
// 5 × 80 + 300 = 700.00; real cost per sample 30 + 5 + 80 × 5 % = 39.00, so 3 × 39 + 300 = 417.00 to
// 5 × 39 + 300 = 495.00.
const P1 = '680099900002,连衣裙,女装,100,80,30,300,,30,否,5%,5';
// P2 cut after 样品数: its 展示周期, 自动续费, 佣金率 (8%) and 每件运费 (6) lost.
const P2 = '680099900001,手工皂礼盒 6块装,女装,128,98,35,400,,30,否,8%,6';
const p2Cut = P2.split(',').slice(0, 8).join(',');

describe('zhenjian: a product sheet cut off in the middle of its last row', () => {
  const dir = tmpDir('zj-cut-');
  const run = (name: string, text: string, tz = 'UTC') => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return { f, ...runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'en'], { tz }) };
  };
  const products = (stdout: string) => (JSON.parse(stdout) as Record<string, unknown>[]).filter((p) => p.kind === 'product').map((p) => [p.itemId, p.registrationEstimate, p.chargedMin, p.chargedMax, p.realCostMin, p.realCostMax]);

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the cut row is rejected (file:line), exit 1; P1 as worked by hand (TZ=${tz})`, () => {
      const r = run('cut.csv', `${HEADER}\n${P1}\n${p2Cut}`, tz);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${r.f}:3: the file ends in the middle of this row (8 of the header's 12 cells, no line break after it): the file was cut off (a download or copy that did not finish) and this product was not read; download or copy the file again`);
      expect(products(r.stdout)).toEqual([['680099900002', '400.00', '540.00', '700.00', '417.00', '495.00']]);
    });
  }

  it('the same short row followed by a line break is read as before', () => {
    const r = run('short.csv', `${HEADER}\n${P1}\n${p2Cut}\n`);
    expect(r.code).toBe(0);
    expect(products(r.stdout).map((p) => p[0])).toEqual(['680099900002', '680099900001']);
  });
});

// The reader loops over the scanner's batches (64 records each for a small file), the last record
// held back until the next batch is read (io/table.ts batchesHoldingLast; it was an async generator
// per record). Products P001… are P1's row with their own id. n whole rows then a cut row: header on
// line 1, products on lines 2..n+1, the cut row on line n+2: rejected there, n products read, exit 1.
// 64 whole rows then a 合计 row (line 66, the first record of the second batch): skipped, exit 0.
describe('zhenjian: the last row found across the reader\'s batches (perf48)', () => {
  const dir = tmpDir('zj-batches-');
  const row = (i: number) => `6800999${String(10000 + i)},连衣裙${i},女装,100,80,30,300,,30,否,5%,5`;
  const file = (name: string, n: number, tail: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, [HEADER, ...Array.from({ length: n }, (_, i) => row(i + 1)), tail].join('\n'));
    return f;
  };
  const count = (stdout: string) => (JSON.parse(stdout) as Record<string, unknown>[]).filter((p) => p.kind === 'product').length;
  for (const n of [63, 64, 65, 127, 128]) {
    it(`${n} rows and a cut one`, () => {
      const f = file(`cut-${n}.csv`, n, p2Cut);
      const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${f}:${n + 2}: the file ends in the middle of this row`);
      expect(count(r.stdout)).toBe(n);
    });
  }
  it('64 rows and a 合计 row after them', () => {
    const f = file('sum-64.csv', 64, '合计,,,,,,,,,,,\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${f}:66: summary line, skipped`);
    expect(count(r.stdout)).toBe(64);
  });
});
