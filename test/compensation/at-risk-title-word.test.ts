// text44: `compensate --at-risk` in Chinese headed the item column 宝贝标题 (Taobao/Tmall's word) for a 抖店
// or 拼多多 export, whose own headers say 选购商品 / 商品 (docs/formats.md): 商品名称 for them, as reviews
// queue (text43) and orders inspect (text44) say; a run of a Tmall and a 拼多多 export: 宝贝标题/商品名称; a
// Tmall run keeps 宝贝标题. The header row is AT_RISK_COLUMNS (src/compensation/columns.ts) in zh, the 7th
// column the title's. English and JSON keep `title`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-10 20:00:00'];
const head = (title: string) => `订单编号,买家,付款时间,发货截止,剩余(小时),风险,${title},计算基数,延迟将赔,规则集,赔付方式`;

function header(files: string[]): string {
  const r = runCli(['compensate', ...files.map((f) => path.join(EXAMPLES, f)), '--at-risk', '48', ...AS_OF, '--lang', 'zh', '-f', 'csv']);
  return r.stdout.split('\n')[0]!;
}

describe('compensate --at-risk: the item column in the words of the run\'s platforms', () => {
  it('抖店: 商品名称 (failed before: 宝贝标题)', () => {
    expect(header(['douyin-orders-202611.csv'])).toBe(head('商品名称'));
  });
  it('Tmall and 拼多多 together: 宝贝标题/商品名称 (failed before: 宝贝标题)', () => {
    expect(header(['pdd-orders-202611.csv', 'ExportOrderList202611.csv'])).toBe(head('宝贝标题/商品名称'));
  });
  it('Tmall alone: 宝贝标题, as before; English: title', () => {
    expect(header(['ExportOrderList202611.csv'])).toBe(head('宝贝标题'));
    const en = runCli(['compensate', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--at-risk', '48', ...AS_OF, '--lang', 'en', '-f', 'csv']);
    expect(en.stdout.split('\n')[0]).toBe('orderId,buyer,paidAt,deadline,hoursLeft,risk,title,base,costIfLate,rules,payer');
  });
});
