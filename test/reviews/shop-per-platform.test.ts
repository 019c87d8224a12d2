// An operator with a Tmall shop and a 拼多多 (or 抖店) shop runs one config: the message greets each
// buyer with the shop they bought from (docs/rules.md §2.2 {shop}; README "Shop names"). Until text44
// one reviews.shopName served every shop: a 拼多多 buyer was greeted with the Tmall shop's name, and
// the workaround was a second --config. Order: the review file's own 店铺名称, the order export's
// 店铺名称 (--orders), reviews.shopNames for the platform, reviews.shopName, 本店.
// The wording check cites the buyer's platform's rule (RULES.md §2.2): Tmall's 评价管理规范 (ruleId
// 11000225) for a Tmall shop, the national 网络反不正当竞争暂行规定 第九条(五) alone for 抖店/拼多多.
// Through the built binary (npm run build first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-21 10:00:00'];
const TMALL_REVIEWS = path.join(EXAMPLES, 'reviews.csv'); // 宝贝标题 column: a Taobao/Tmall file
const TMALL_ORDER = '3515313147329357901'; // 差评 about a scarf: contact-quality
const PDD_ORDER = '261110-313147329357901'; // 拼多多 order id (yymmdd-digits)

function write(dir: string, name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

function config(dir: string, reviews: Record<string, unknown>): string {
  return write(dir, 'storeops.config.json', JSON.stringify({ reviews }));
}

/** A 拼多多 review sheet: 商品名称 (no 宝贝), a yymmdd-digits order id, no buyer column. */
function pddReviews(dir: string, extra = ''): string {
  const head = `订单编号,商品名称,评价结果,评价时间,评价内容${extra ? ',店铺名称' : ''}\n`;
  return write(dir, 'pdd-reviews.csv', `${head}${PDD_ORDER},加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,质量太差 掉毛${extra ? `,${extra}` : ''}\n`);
}

/** 抖店's own 商品评论 export (FORMATS.md): 商品评价得分 and 订单ID with 商品ID. */
function douyinReviews(dir: string): string {
  return write(dir, 'douyin-reviews.csv', '评价日期,订单ID,商品ID,商品名称,商品规格,商品评价得分,评价内容\n2026-11-19 21:40:00,6915313147329357901,3601234567,加厚羊毛围巾 灰色,默认,1,质量太差 掉毛\n');
}

// contact-quality (templates/reviews/messages.json), zh: "{buyer} 您好, 我是{shop}的客服。看到您反馈订单
// {orderId} 的「{title}」有质量问题"; no buyer column: {buyer} is 亲.
// A 商品规格 follows the title in brackets (read.ts titleWithSpec).
const greeting = (shop: string, order: string, buyer = '亲', title = '加厚羊毛围巾 灰色') => `${buyer} 您好, 我是${shop}的客服。看到您反馈订单 ${order} 的「${title}」有质量问题`;

describe('reviews message: the shop a buyer is greeted with', () => {
  it('a 拼多多 review: reviews.shopNames.pdd, not the Tmall shop\'s reviews.shopName (failed before: 暖暖天猫旗舰店)', () => {
    const dir = tmpDir();
    const cfg = config(dir, { shopName: '暖暖天猫旗舰店', shopNames: { pdd: '暖暖拼多多店' } });
    const r = runCli(['reviews', 'message', PDD_ORDER, '--reviews', pddReviews(dir), '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(greeting('暖暖拼多多店', PDD_ORDER));
    expect(r.stdout).not.toContain('暖暖天猫旗舰店');
  });

  it('the Tmall review with the same config: reviews.shopName (no shopNames.tmall), as before', () => {
    const dir = tmpDir();
    const cfg = config(dir, { shopName: '暖暖天猫旗舰店', shopNames: { pdd: '暖暖拼多多店' } });
    const r = runCli(['reviews', 'message', TMALL_ORDER, '--reviews', TMALL_REVIEWS, '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(greeting('暖暖天猫旗舰店', TMALL_ORDER, '小明爱购物'));
  });

  it('zh keys: 天猫 and 抖店; a 抖店 商品评论 export is a 抖店 review', () => {
    const dir = tmpDir();
    const cfg = config(dir, { shopNames: { 天猫: '暖暖天猫旗舰店', 抖店: '暖暖抖音小店', _note: '注释' } });
    const r = runCli(['reviews', 'message', '6915313147329357901', '--reviews', douyinReviews(dir), '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(greeting('暖暖抖音小店', '6915313147329357901', '亲', '加厚羊毛围巾 灰色 (默认)'));
    const t = runCli(['reviews', 'message', TMALL_ORDER, '--reviews', TMALL_REVIEWS, '--config', cfg, ...AS_OF]);
    expect(t.stdout).toContain(greeting('暖暖天猫旗舰店', TMALL_ORDER, '小明爱购物'));
  });

  it("the review file's own 店铺名称 wins over the config", () => {
    const dir = tmpDir();
    const cfg = config(dir, { shopName: '暖暖天猫旗舰店', shopNames: { pdd: '暖暖拼多多店' } });
    const r = runCli(['reviews', 'message', PDD_ORDER, '--reviews', pddReviews(dir, '暖暖家居拼多多二店'), '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(greeting('暖暖家居拼多多二店', PDD_ORDER));
  });

  it('a platform with no name of its own, and no shopName: 本店', () => {
    const dir = tmpDir();
    const cfg = config(dir, { shopNames: { tmall: '暖暖天猫旗舰店' } });
    const r = runCli(['reviews', 'message', PDD_ORDER, '--reviews', pddReviews(dir), '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(greeting('本店', PDD_ORDER));
  });

  it('a key that names no platform: exit 2, with the key meant and the keys there are', () => {
    const dir = tmpDir();
    const cfg = config(dir, { shopNames: { tmal: '暖暖天猫旗舰店' } });
    const r = runCli(['reviews', 'message', TMALL_ORDER, '--reviews', TMALL_REVIEWS, '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`reviews.shopNames in config file ${cfg}: "tmal" is not a platform (did you mean "tmall"?): the name would never be used, and that shop's buyers would be greeted with another name`);
    expect(r.stderr).toContain('the keys are: tmall (or taobao, 天猫, 淘宝), douyin (or 抖店), pdd (or 拼多多); keys starting with _ are notes. For two shops on one platform, add a 店铺名称 column to the review file.');
    const zh = runCli(['reviews', 'queue', TMALL_REVIEWS, '--config', cfg, '--lang', 'zh', ...AS_OF]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`配置文件 ${cfg} 中的 reviews.shopNames: "tmal" 不是平台 (是否想写 "tmall"?): 这个店名不会被使用, 那家店的买家会收到别的店名`);
  });

  it('a name that is not text, and two names for one platform: exit 2', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'queue', TMALL_REVIEWS, '--config', config(dir, { shopNames: { pdd: 12 } }), ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('reviews.shopNames in config file');
    expect(r.stderr).toContain('.pdd must be the shop\'s name (text), got 12');
    const two = runCli(['reviews', 'queue', TMALL_REVIEWS, '--config', config(tmpDir(), { shopNames: { tmall: '甲店', 天猫: '乙店' } }), ...AS_OF]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Taobao/Tmall is given two names ("甲店" and "乙店")');
  });
});

describe('reviews message: the rule the wording check cites is the platform\'s', () => {
  const bad = '亲, 麻烦您把差评改成好评, 好评返现5元。';
  // RULES.md §2.2: the national rule holds on every platform; only Tmall's has a platform rule id here.
  const national = 'the national 网络反不正当竞争暂行规定 art. 9(5) (in force 2024-09-01, on every platform) forbids inducing reviews with cash, red packets or vouchers';

  it('a 拼多多 review: the national rule alone, no Tmall rule (failed before: "Tmall review rules (art. 10)")', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'message', PDD_ORDER, '--reviews', pddReviews(dir), '--template', write(dir, 'tpl.txt', bad), ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`The national 网络反不正当竞争暂行规定 art. 9(5) (in force 2024-09-01, on every platform) forbids inducing reviews with cash, red packets or vouchers; storeops also refuses wording that asks a buyer to change, add or remove a review. Remove the phrase;`);
    expect(r.stderr).not.toMatch(/Tmall|天猫|11000225/);
    const zh = runCli(['reviews', 'message', PDD_ORDER, '--reviews', pddReviews(dir), '--template', write(dir, 'tpl.txt', bad), '--lang', 'zh', ...AS_OF]);
    expect(zh.stderr).toContain('《网络反不正当竞争暂行规定》第九条(五) (2024-09-01 起施行, 各平台都适用) 禁止以返现、红包、卡券等好处诱导好评; storeops 也拒绝要求买家修改/追加/删除评价的用语。 删掉这句话;');
    expect(zh.stderr).not.toMatch(/天猫|11000225/);
  });

  it('a 抖店 review with forbidden wording in shopNames.douyin: named, national rule', () => {
    const dir = tmpDir();
    const cfg = config(dir, { shopNames: { douyin: '暖暖店。好评返现20元。' } });
    const r = runCli(['reviews', 'message', '6915313147329357901', '--reviews', douyinReviews(dir), '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('from {shop} (config reviews.shopNames.douyin)');
    expect(r.stderr).toContain(`The national 网络反不正当竞争暂行规定 art. 9(5)`);
    expect(r.stderr).not.toMatch(/Tmall|天猫|11000225/);
  });

  it('a Tmall review: Tmall\'s 评价管理规范 (ruleId 11000225) and the national rule', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'message', TMALL_ORDER, '--reviews', TMALL_REVIEWS, '--template', write(dir, 'tpl.txt', bad), ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Tmall's 评价管理规范 (ruleId 11000225) art. 10 forbids asking a buyer to change a review or offering anything for one, and ${national}. Remove the phrase;`);
  });
});
