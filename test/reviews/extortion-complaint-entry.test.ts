// The complaint-extortion steps (RULES 2.1: a malicious review may be reported) name where the
// complaint is filed. Until text45 they said 卖家中心「评价管理 - 投诉」 for every shop: a 抖店 or 拼多多 shop
// has no 卖家中心. Neither /work/shared/RULES.md, FORMATS.md nor the seeds name those platforms' menus,
// so they are told their back office's review complaint entry (抖店后台, 拼多多商家后台: the names read.ts
// already uses), no menu path; Taobao/Tmall keep the words they had; a sheet that does not tell its
// platform gets the generic words with Tmall's entry as the example. A copy of the old template (put in
// storeops-templates/ by `storeops init`) is read the same way.
// Through the built binary (npm run build first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-21 10:00:00'];
const TEXT = '不退款就差评 质量太差'; // 不退款就差评: extortion (keywords.json), not a shipping-only threat
// Reviewed 2026-11-19 21:40:00; the complaint is due 30 days later (RULES 2.3): 2026-12-19 21:40:00.
const stepZh = (entry: string) => `3. 在 2026-12-19 21:40:00 之前通过${entry}以「恶意评价/要挟」为由投诉, 附上以上证据;`;
const stepEn = (entry: string) => `3. before 2026-12-19 21:40:00, file a complaint through ${entry} as a malicious/extortion review, with that evidence attached;`;

function write(dir: string, name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}
const PDD_ORDER = '261110-313147329357901'; // yymmdd-digits: a 拼多多 order
const pdd = (dir: string) => write(dir, 'pdd.csv', `订单编号,商品名称,评价结果,评价时间,评价内容\n${PDD_ORDER},加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,${TEXT}\n`);
// 抖店's 商品评论 export (FORMATS.md): 商品评价得分 and 订单ID with 商品ID; a score of 1 is a 差评.
const douyin = (dir: string) => write(dir, 'dy.csv', `评价日期,订单ID,商品ID,商品名称,商品规格,商品评价得分,评价内容\n2026-11-19 21:40:00,6915313147329357901,3601234567,加厚羊毛围巾 灰色,默认,1,${TEXT}\n`);
// A 宝贝标题 column: a Taobao/Tmall sheet.
const tmall = (dir: string) => write(dir, 'tm.csv', `订单编号,宝贝标题,评价结果,评价时间,评价内容\n3515313147329357901,加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,${TEXT}\n`);
// English headers, a 19-digit id: nothing tells the platform.
const unknown = (dir: string) => write(dir, 'en.csv', `orderId,title,rating,reviewedAt,text\n3515313147329357901,scarf,bad,2026-11-19 21:40:00,${TEXT}\n`);

const message = (id: string, file: string, tz: string, extra: string[] = []) => runCli(['reviews', 'message', id, '--reviews', file, ...AS_OF, ...extra], { tz });

describe('complaint-extortion: where the complaint is filed, per platform', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`拼多多 and 抖店: their back office, never 卖家中心 (failed before: 卖家中心「评价管理 - 投诉」) (${tz})`, () => {
      const dir = tmpDir();
      const p = message(PDD_ORDER, pdd(dir), tz);
      expect(p.code).toBe(0);
      expect(p.stdout).toContain(stepZh('拼多多商家后台的评价投诉入口'));
      expect(p.stdout).not.toContain('卖家中心');
      const pe = message(PDD_ORDER, pdd(dir), tz, ['--message-lang', 'en']);
      expect(pe.stdout).toContain(stepEn("the Pinduoduo merchant back office's (拼多多商家后台) review complaint entry"));
      expect(pe.stdout).not.toContain('seller centre');
      const d = message('6915313147329357901', douyin(dir), tz);
      expect(d.code).toBe(0);
      expect(d.stdout).toContain(stepZh('抖店后台的评价投诉入口'));
      expect(d.stdout).not.toContain('卖家中心');
      expect(message('6915313147329357901', douyin(dir), tz, ['--message-lang', 'en']).stdout).toContain(stepEn("the Douyin shop back office's (抖店后台) review complaint entry"));
    });
  }

  it('Taobao/Tmall: the words it had; unknown platform: generic, Tmall as the example', () => {
    const dir = tmpDir();
    const t = message('3515313147329357901', tmall(dir), 'UTC');
    expect(t.stdout).toContain(stepZh('卖家中心「评价管理 - 投诉」'));
    expect(message('3515313147329357901', tmall(dir), 'UTC', ['--message-lang', 'en']).stdout).toContain(stepEn('the Taobao/Tmall seller centre (卖家中心「评价管理 - 投诉」: review management - complaint)'));
    const u = message('3515313147329357901', unknown(dir), 'UTC');
    expect(u.stdout).toContain(stepZh('店铺所在平台商家后台的评价投诉入口 (淘宝/天猫: 卖家中心「评价管理 - 投诉」)'));
  });

  it("a copy of the old template (storeops init's storeops-templates/) says the 拼多多 shop's entry too (failed before)", () => {
    const dir = tmpDir();
    const old = {
      'complaint-extortion': {
        zh: '【不发给买家】订单 {orderId}: 3. 在 {complaintBy} 之前通过卖家中心「评价管理 - 投诉」以「恶意评价/要挟」为由投诉, 附上以上证据;',
        en: '[Not for the buyer] {orderId}: 3. before {complaintBy}, file a complaint in the seller centre (review management - complaint) as a malicious/extortion review, with that evidence attached;',
      },
    };
    const tpl = write(dir, 'messages.json', JSON.stringify(old));
    const cfg = write(dir, 'storeops.config.json', JSON.stringify({ reviews: { templates: tpl } }));
    const p = message(PDD_ORDER, pdd(dir), 'UTC', ['--config', cfg]);
    expect(p.code).toBe(0);
    expect(p.stdout).toContain(stepZh('拼多多商家后台的评价投诉入口'));
    expect(message(PDD_ORDER, pdd(dir), 'UTC', ['--config', cfg, '--message-lang', 'en']).stdout).toContain(stepEn("the Pinduoduo merchant back office's (拼多多商家后台) review complaint entry"));
    // Tmall's copy: unchanged.
    expect(message('3515313147329357901', tmall(dir), 'UTC', ['--config', cfg]).stdout).toContain(stepZh('卖家中心「评价管理 - 投诉」'));
  });
});
