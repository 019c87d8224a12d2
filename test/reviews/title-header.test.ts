// text43: the queue's title column said 宝贝标题 (Taobao's word) for every platform; a 抖店 operator's
// 商品评论 export names it 商品名称 (FORMATS.md), and 拼多多 says 商品 too. The rule (src/reviews/run.ts
// titleHeader, docs/cli.md reviews): zh header 宝贝标题 for Taobao/Tmall items, 商品名称 for 抖店 and
// 拼多多 ones, 宝贝标题/商品名称 for a run of both; an item's platform is its order's (--orders), else
// what its row tells (a 抖店 商品评论 export: 商品评价得分, or 订单ID with 商品ID; a title column named
// 商品…/宝贝…; a 拼多多 order id yymmdd-digits); 宝贝标题 when nothing tells. The JSON key and the en
// header stay `title` (SPEC reviews). Expected headers by hand from that rule, case by case below.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-22 12:00:00'];

function header(files: string[], more: string[] = [], lang = 'zh', tz = 'UTC'): string[] {
  const r = runCli(['reviews', 'queue', ...files, ...more, ...AS_OF, '--lang', lang, '-f', 'tsv'], { tz });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split('\n')[0]!.split('\t');
}

function write(name: string, text: string): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, '\uFEFF' + text);
  return f;
}

// One negative review each (score 1 / bad): flagged.
const douyin = () => write('商品评论-2026-11-20 10_19_18.csv', '评价日期,订单ID,商品ID,商品名称,商品规格,商品评价得分,评价内容\n2026年11月19日 21:40:00,6915313147329357901,3500001,加厚羊毛围巾 灰色,默认,1,围巾掉毛严重，质量太差\n');
const english = (id: string) => write('reviews-en.csv', `orderId,reviewedAt,rating,title,text\n${id},2026-11-19 21:40:00,bad,加厚羊毛围巾 灰色,围巾掉毛严重\n`);

describe('reviews queue: the title header in the shop\'s own word', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`a 抖店 商品评论 export: 商品名称 (TZ=${tz})`, () => {
      const h = header([douyin()], [], 'zh', tz);
      expect(h).toContain('商品名称');
      expect(h).not.toContain('宝贝标题');
    });
  }

  it('a 拼多多 order id (yymmdd-digits), English headers: 商品名称', () => {
    expect(header([english('261110-313147329357901')])).toContain('商品名称');
  });

  it('English headers, a 19-digit id: nothing tells without --orders (宝贝标题); the 抖店 export given tells (商品名称)', () => {
    const f = english('6915313147329357901');
    expect(header([f])).toContain('宝贝标题');
    expect(header([f], ['--orders', path.join(EXAMPLES, 'douyin-orders-202611.csv')])).toContain('商品名称');
  });

  it('the Tmall example keeps 宝贝标题; with a 抖店 file beside it: 宝贝标题/商品名称', () => {
    expect(header([path.join(EXAMPLES, 'reviews.csv')])).toContain('宝贝标题');
    expect(header([path.join(EXAMPLES, 'reviews.csv'), douyin()])).toContain('宝贝标题/商品名称');
  });

  it('en and JSON keep `title`', () => {
    expect(header([douyin()], [], 'en')).toContain('title');
    const r = runCli(['reviews', 'queue', douyin(), ...AS_OF, '--lang', 'zh', '-f', 'json']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[])[0]!.title).toBe('加厚羊毛围巾 灰色 (默认)');
  });
});
