// The interactive mode's hints fit the category (user16, 王姐, a 美妆 seller): the category prompt's
// examples were the table's first six categories, 女装、男装、内衣、鞋、箱包、童装 (clothing but one),
// and the SKU question's example was 颜色;尺码 (colour;size) whatever the category. Now the category
// prompt names one category of each industry 甄检 is open to, and the SKU example is the chosen
// category's (a lipstick's 色号, a serum's 净含量).
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/context.js';
import { parseCategoryTable } from '../../src/zhenjian/categories.js';
import { categoryExamples, skuAsk } from '../../src/zhenjian/interactive.js';
import { parseSkuDiffers } from '../../src/zhenjian/fields.js';
// @ts-expect-error the build emits no declarations (tsconfig declaration: false); typed as the source below
import { run as builtRun } from '../../dist/src/cli/main.js';
import { tmpDir } from '../helpers.js';
const run: typeof import('../../src/cli/main.js').run = builtRun;

const TABLE = parseCategoryTable(JSON.parse(fs.readFileSync(path.join(__dirname, '../../templates/zhenjian/categories.json'), 'utf8')), 'categories.json');
const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

describe('zhenjian interactive: hints for the chosen category', () => {
  it('the category examples: the first category of each eligible industry, in the table order', () => {
    // industries eligible: apparel (女装 first), mother_baby (童装), health (隐形眼镜), beauty (护肤),
    // automotive (汽车用品), electronics (手机配件); home and food are not open to 甄检.
    expect(categoryExamples(TABLE)).toBe('女装、童装、隐形眼镜、护肤、汽车用品、手机配件');
  });

  it('the SKU example follows the category, and every example is accepted as typed', () => {
    expect(skuAsk(TABLE, '护肤').zh).toBe('多 SKU 时 SKU 在哪些方面不同 (如 色号;净含量; 单 SKU 留空)');
    expect(skuAsk(TABLE, '口红').en).toBe('how the SKUs differ, if several (e.g. shade;net content; empty for one SKU)');
    expect(skuAsk(TABLE, '女装').zh).toContain('(如 颜色;尺码;');
    expect(skuAsk(TABLE, '耳机').zh).toContain('(如 颜色;规格;');
    // A category the table does not know (家电), and one of an industry not open (零食, food): general.
    expect(skuAsk(TABLE, '家电').zh).toContain('(如 规格;颜色;');
    expect(skuAsk(TABLE, '零食').zh).toContain('(如 规格;颜色;');
    for (const c of ['女装', '童装', '隐形眼镜', '护肤', '汽车用品', '手机配件', '家电']) {
      for (const lang of ['zh', 'en'] as const) {
        const example = /\((?:如|e\.g\.) ([^;]+;[^;]+);/.exec(skuAsk(TABLE, c)[lang])![1]!;
        expect(parseSkuDiffers(example).ok, `${c} ${example}`).toBe(true);
      }
    }
  });

  it('on a terminal, in Chinese: the prompts show them, and a deal price above the list price is warned', async () => {
    class Screen extends Writable {
      text = '';
      isTTY = true;
      columns = 200;
      rows = 50;
      override _write(chunk: Buffer, _enc: string, cb: () => void) {
        this.text += chunk.toString();
        cb();
      }
    }
    const dir = tmpDir();
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    const stdout = new Screen();
    const stderr = new Screen();
    const io: Io = { stdin, stdout, stderr, env: { LANG: 'C', NO_COLOR: '1', HOME: dir }, cwd: dir, now: () => Date.UTC(2026, 10, 20, 3) };
    const done = run(['zhenjian', 'estimate', '--lang', 'zh'], io, false);
    let pos = 0;
    const waitFor = async (text: string) => {
      const start = Date.now();
      while (Date.now() - start < 30_000) {
        const at = strip(stdout.text).indexOf(text, pos);
        if (at >= 0) return (pos = at + text.length);
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`timed out waiting for "${text}"; screen:\n${strip(stdout.text).slice(pos)}`);
    };
    const steps: [string, string][] = [
      ['商品ID', '690000000001'],
      ['商品标题', '玻尿酸精华液'],
      ['类目 (如 女装、童装、隐形眼镜、护肤、汽车用品、手机配件;', '护肤'],
      // The serum's prices typed the wrong way round: 一口价 89, 到手价 159.
      ['一口价', '89'],
      ['到手价', '159'],
      ['单件成本', '25'],
      ['服务费', '500'],
      ['样品数', ''],
      ['展示周期', ''],
      ['自动续费', 'n'],
      ['佣金率', '5%'],
      ['运费', '6'],
      ['签约时间', ''],
      ['(如 色号;净含量; 单 SKU 留空)', '色号;净含量'],
      ['追加到 csv', 'n'],
    ];
    for (const [prompt, reply] of steps) {
      await waitFor(prompt);
      stdin.write(reply + '\r');
    }
    expect(await done).toBe(0);
    // By hand: the page 89 + 500 = 589.00, charged at most 5 × 159 + 500 = 1295.00. No file, so no line named.
    expect(strip(stdout.text)).toMatch(/690000000001\s+玻尿酸精华液\s+护肤\s+3\s+5\s+589\.00\s+1295\.00/);
    expect(stderr.text).toContain('storeops: 警告: 690000000001: 到手价 159.00 元高于一口价 89.00 元: 两列是否填反了? 照填写的计算 (按到手价购样, 报名页按一口价预估); 请核对后改正填错的那一列\n');
  }, 60_000);
});
