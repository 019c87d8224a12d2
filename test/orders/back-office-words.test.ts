// Messages about an order file whose platform is not known yet (an unknown layout, a cut or re-saved
// file) told every shop to export it again from 卖家中心, Tmall's back office: a 抖店 or 拼多多 seller
// has none (text45's sweep for Tmall-only words). They now say 店铺后台 (the shop's back office), and
// the unknown-layout refusal names each platform's: 淘宝/天猫卖家中心, 抖店后台, 拼多多商家后台 (the
// names docs/formats.md's download paths use). A hint about GBK csv says whose files are GBK.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function write(name: string, text: string): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, text);
  return f;
}

describe('no 卖家中心 for a file of unknown platform', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`an unknown layout: each platform's back office named (failed before: 请传入从卖家中心导出的原始文件) (${tz})`, () => {
      const f = write('x.csv', '编号,名字,金额\n1,a,2.00\n');
      const zh = runCli(['orders', 'inspect', f, '--lang', 'zh'], { tz });
      expect(zh.code).toBe(3);
      expect(zh.stderr).toContain('请传入从店铺后台 (淘宝/天猫卖家中心、抖店后台、拼多多商家后台) 导出的原始文件。');
      const en = runCli(['orders', 'inspect', f, '--lang', 'en'], { tz });
      expect(en.stderr).toContain("Pass the file as exported from the shop's back office (the Taobao/Tmall seller centre 淘宝/天猫卖家中心, the Douyin shop back office 抖店后台 or the Pinduoduo merchant back office 拼多多商家后台).");
    });
  }

  it('a 抖店 export cut off in its last row: 从店铺后台重新导出, no 卖家中心 (failed before)', () => {
    const src = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'douyin-orders-202611.csv'), 'utf8');
    // Cut in the middle of the last data row, after its 5th quoted cell (no line break after it).
    const body = src.replace(/\r?\n$/, '');
    const last = body.lastIndexOf('\n') + 1;
    let at = last;
    for (let i = 0; i < 5; i++) at = body.indexOf('",', at) + 2;
    const f = write('douyin-cut.csv', body.slice(0, at - 1));
    const r = runCli(['orders', 'inspect', f, '--lang', 'zh']);
    expect(r.stderr).toContain('请从店铺后台重新导出该报表');
    expect(r.stderr).not.toContain('卖家中心');
  });
});
