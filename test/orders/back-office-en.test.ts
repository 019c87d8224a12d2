// text46: the Chinese of these messages names the platform's back office (淘宝/天猫卖家中心 or 千牛/卖家中心,
// 抖店后台, 拼多多商家后台, or 店铺后台 when the platform is not known), but the English still said "the
// seller centre" (Tmall's) to every shop, and "the 抖店 back office" / "PDD merchant back office" in
// other places. Now the English names the same place the Chinese does, with the Chinese beside it:
// "the shop's back office (店铺后台)", "the Taobao/Tmall seller centre (…)", "the Douyin shop back
// office (抖店后台)", "the Pinduoduo merchant back office (拼多多商家后台)" (src/backoffice.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';

describe('English names the back office the Chinese names', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`an empty export: zh 店铺后台, en the shop's back office (店铺后台) (failed before: the seller centre) (${tz})`, () => {
      const f = path.join(tmpDir(), 'empty.csv');
      fs.writeFileSync(f, '');
      const zh = runCli(['orders', 'inspect', f, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('重新从店铺后台导出');
      const en = runCli(['orders', 'inspect', f, '--lang', 'en'], { tz });
      expect(en.code).toBe(3);
      expect(en.stderr).toContain("hint: export it again from the shop's back office (店铺后台); the download may not have finished.");
      expect(en.stderr).not.toContain('seller centre');
    });
  }

  it('every English "seller centre" in a message is the Taobao/Tmall one, named so (failed before: io/, orders/, compensation/ and the garbled-file hint said "the seller centre" bare)', () => {
    // The message sources: src/**/*.ts, comment lines left out. Each English use must say whose it is.
    const bare: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          fs.readFileSync(p, 'utf8').split('\n').forEach((l, i) => {
            const t = l.trim();
            if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return;
            const code = l.replace(/\/\/ .*$/, '');
            // message.ts's OLD_COMPLAINT_ENTRY holds the old template's words, to be recognised in a copy.
            if (code.includes('{complaintEntry}')) return;
            for (const m of code.matchAll(/seller[ -]centre/gi)) if (!code.slice(Math.max(0, m.index! - 20), m.index!).includes('Taobao/Tmall')) bare.push(`${path.relative(ROOT, p)}:${i + 1}: ${code.trim().slice(0, 60)}`);
            if (/抖店 back office|拼多多 merchant|PDD merchant|Qianniu seller/.test(code)) bare.push(`${path.relative(ROOT, p)}:${i + 1}: ${code.trim().slice(0, 60)}`);
          });
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(bare).toEqual([]);
  });
});
