// reviews log --channel: each platform's chat is its own (docs/cli.md, reviews log). 旺旺 is
// Taobao/Tmall's; 抖店's is 飞鸽 (feige), 拼多多's its 商家客服 chat (pdd_chat). Until text44 wangwang
// was the only chat: a 抖店 shop's contact was recorded and shown as 旺旺. The order's platform is the
// order export's (--orders), else the review row's (--reviews: 抖店's 商品评论 export), else a 拼多多
// order id (yymmdd-digits) tells it without any file. Through the built binary (npm run build first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const AT = ['--as-of', '2026-11-21 10:00:00'];
const DOUYIN_ORDER = '6915313147329357901'; // examples/douyin-orders-202611.csv, 主订单编号
const HEAD = 'orderId,at,status,channel,attempts,nextContactAt,note\n';
// Contacted at 10:00, 4 h minimum gap (RULES 2.2 defaults): next contact 14:00, attempt 1.
const row = (id: string, channel: string) => `${id},2026-11-21 10:00:00,contacted,${channel},1,2026-11-21 14:00:00,\n`;

function douyinReviews(dir: string): string {
  const f = path.join(dir, 'douyin-reviews.csv');
  fs.writeFileSync(f, `评价日期,订单ID,商品ID,商品名称,商品规格,商品评价得分,评价内容\n2026-11-19 21:40:00,${DOUYIN_ORDER},3601234567,加厚羊毛围巾 灰色,默认,1,质量太差 掉毛\n`);
  return f;
}

describe('reviews log --channel by platform', () => {
  it('wangwang typed for a 抖店 order (its 商品评论 export): recorded as feige, shown 飞鸽, with a warning (failed before: 旺旺)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 's.db');
    const r = runCli(['reviews', 'log', DOUYIN_ORDER, '--status', 'contacted', '--channel', 'wangwang', '--reviews', douyinReviews(dir), '--state', state, '-f', 'csv', '--lang', 'zh', ...AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`订单编号,时间,状态,渠道,联系次数,下次可联系,备注\n${DOUYIN_ORDER},2026-11-21 10:00:00,已联系,飞鸽,1,2026-11-21 14:00:00,\n`);
    expect(r.stderr).toContain(`storeops: 警告: 订单 ${DOUYIN_ORDER} 是抖店的订单, 它的聊天是飞鸽 (feige), 不是旺旺 (淘宝/天猫的): 按 feige 记录`);
    // The ledger shows what was recorded.
    const list = runCli(['ledger', 'list', '--what', 'contacts', '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(list.stdout).toContain(`${DOUYIN_ORDER},contacted,1,2026-11-21 10:00:00,2026-11-21 10:00:00,feige,,`);
  });

  it('the same from the 抖店 order export (--orders), in English', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'log', DOUYIN_ORDER, '--status', 'contacted', '--channel', '旺旺', '--orders', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--state', path.join(dir, 's.db'), '-f', 'csv', '--lang', 'en', ...AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HEAD + row(DOUYIN_ORDER, 'feige'));
    expect(r.stderr).toContain(`storeops: warning: order ${DOUYIN_ORDER} is a 抖店 order, whose chat is 飞鸽 (feige), not 旺旺 (Taobao/Tmall's): recorded as feige`);
  });

  it('chat (or 聊天) is the order\'s own platform\'s: a 拼多多 order id needs no file', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'log', '261110-313147329357901', '--status', 'contacted', '--channel', '聊天', '--state', path.join(dir, 's.db'), '-f', 'csv', '--lang', 'zh', '-q', ...AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`订单编号,时间,状态,渠道,联系次数,下次可联系,备注\n261110-313147329357901,2026-11-21 10:00:00,已联系,拼多多客服聊天,1,2026-11-21 14:00:00,\n`);
  });

  it('chat for an order whose platform nothing tells: exit 2, naming the chats', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'log', '4400000000000000009', '--status', 'contacted', '--channel', 'chat', '--state', path.join(dir, 's.db'), '--lang', 'en', ...AT]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--channel chat: the platform of order 4400000000000000009 is not known, so which chat it was is not either');
    expect(r.stderr).toContain('name it: wangwang (旺旺, Taobao/Tmall), feige (飞鸽, 抖店) or pdd_chat (拼多多 商家客服 chat); or add --orders <export> / --reviews <file>.');
  });

  it('a Tmall order on wangwang stays wangwang, silently; an unknown channel lists every code', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--channel', 'wangwang', '--reviews', path.join(EXAMPLES, 'reviews.csv'), '--state', path.join(dir, 's.db'), '-f', 'csv', '--lang', 'en', ...AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HEAD + row('3515313147329357901', 'wangwang'));
    expect(r.stderr).not.toContain('warning');
    const bad = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--channel', 'email', '--state', path.join(dir, 's.db'), '--lang', 'zh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('可用: wangwang (旺旺), feige (飞鸽), pdd_chat (拼多多客服聊天), phone (电话), sms (短信), 或 chat (订单所在平台的聊天)');
  });
});
