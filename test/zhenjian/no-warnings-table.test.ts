// zhenjian estimate's terminal table at 80 columns, for products none of which has a warning: the
// 提醒代码 (warningCodes) column, empty in every row, took a block of its own under the amounts
// (商品ID, then nothing), so the interactive flow (one product, most often without warnings) ended
// on a block that looked cut off. The column is shown only when some row has a code (brief 'filled');
// --wide and the files keep it.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tmpDir } from '../helpers.js';
import { answerAll, hasScript, strip } from './pty-answers.js';
import { displayWidth } from '../../src/io/width.js';

// One dress: 女装 buys 3–5 samples at the deal price 199, service fee 600.
//   registration estimate = 199 + 600 = 799.00 (the page's one sample at the list price)
//   charged max = 5 × 199 + 600 = 1595.00; real cost max = 5 × 60 + 600 = 900.00 (no commission, no shipping)
//   30-day period without auto-renew: 1 test a year, 1595.00
// 1595 / 799 = 1.996 is not above 2 (no 扣款远超预估), no labels, no dates: no warning at all.
const CSV = '商品ID,商品标题,类目,一口价,到手价,单件成本,服务费\n123456789012,连衣裙,女装,199,199,60,600\n';

function file(): string {
  const f = path.join(tmpDir(), 'products.csv');
  fs.writeFileSync(f, CSV);
  return f;
}

describe('zhenjian table without any warning', () => {
  it('zh at 80 columns: no block that is only 商品ID and an empty 提醒代码', () => {
    const r = runCli(['zhenjian', 'estimate', file(), '-f', 'table', '--lang', 'zh', '-q'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('提醒代码');
    // The two blocks that have something to say, as before. The title column is as wide as the total
    // row's label, 合计 (1 个商品) = 4 + 1 + 1 + 1 + 1 + 6 + 1 = 15: 连衣裙 (6) and 9 spaces.
    expect(lines).toContain('123456789012  连衣裙' + ' '.repeat(9) + '  女装           3           5      799.00');
    expect(lines.at(-1)).toMatch(/^合计 \(1 个商品\)\s+1595\.00\s+900\.00\s+1595\.00\s+1\s+1595\.00$/);
  });

  it('en at 120 columns: no warningCodes header over nothing', () => {
    const r = runCli(['zhenjian', 'estimate', file(), '-f', 'table', '--lang', 'en', '-q'], { env: { COLUMNS: '120' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('warningCodes');
  });

  it('--wide and csv keep the column (empty)', () => {
    const wide = runCli(['zhenjian', 'estimate', file(), '-f', 'table', '--wide', '--lang', 'en', '-q'], { env: { COLUMNS: '80' } });
    expect(wide.stdout.split('\n')[0]).toContain('warningCodes');
    const csv = runCli(['zhenjian', 'estimate', file(), '-f', 'csv', '--lang', 'en', '-q']);
    expect(csv.stdout.split('\n')[0]).toContain('warningCodes');
  });

  it('a product with a warning still shows the column', () => {
    // A deal price of 99 and a fee of 600: 5 × 99 + 600 = 1095 charged; the page's 199 + 600 = 799;
    // not above 2×. A list price of 59 instead: 59 + 600 = 659 estimated, 5 × 199 + 600 = 1595 charged
    // (deal above list: warned, deal_above_list), 1595 / 659 = 2.42 > 2 (charge_far_above_estimate).
    const f = path.join(tmpDir(), 'p.csv');
    fs.writeFileSync(f, '商品ID,商品标题,类目,一口价,到手价,单件成本,服务费\n123456789012,连衣裙,女装,59,199,60,600\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'table', '--lang', 'zh', '-q'], { env: { COLUMNS: '80' } });
    expect(r.stdout).toContain('提醒代码');
    expect(r.stdout).toContain('扣款远超预估');
  });
});


describe.skipIf(!hasScript)('interactive zhenjian estimate on an 80-column terminal', () => {
  it('ends on the amounts, not on an empty 提醒代码 block', async () => {
    const home = tmpDir();
    const cmd = `stty cols 80 rows 40; '${process.execPath}' '${BIN}' zhenjian estimate --lang zh -q`;
    const p = spawn('script', ['-qfec', cmd, '/dev/null'], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', TERM: 'xterm', HOME: home, TZ: process.env.TZ ?? 'UTC', NO_COLOR: '1' },
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => p.on('exit', (c) => resolve(c)));
    // The same dress as the file above, typed.
    const steps: [string, string][] = [
      ['商品ID', '123456789012'],
      ['商品标题', 'dress'],
      ['类目', ''], // 女装
      ['一口价', '199'],
      ['到手价', ''],
      ['单件成本', '60'],
      ['服务费', '600'],
      ['样品数', ''],
      ['展示周期', ''],
      ['自动续费', 'n'],
      ['佣金率', ''],
      ['运费', ''],
      ['签约时间', ''],
      ['SKU', ''],
      ['追加', 'n'],
    ];
    await answerAll(p, () => out, steps);
    expect(await exited).toBe(0);
    const screen = strip(out);
    expect(screen).toMatch(/合计 \(1 个商品\)\s+1595\.00\s+900\.00\s+1595\.00\s+1\s+1595\.00/);
    expect(screen).not.toContain('提醒代码');
  }, 30_000);
});
