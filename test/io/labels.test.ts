// Issue 16: enumerated values have zh labels in zh output; JSON and en output keep the codes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Column, cellJson, cellText, labelOf } from '../../src/io/columns.js';
import { TimeZone } from '../../src/time.js';
import { EXAMPLES, runCli } from '../helpers.js';

const tz = new TimeZone('Asia/Shanghai');
const STATE: Column = { key: 'state', zh: '状态', en: 'state', labels: { final: '确定', provisional: '待定' } };
const REASONS: Column = { key: 'reasons', zh: '原因', en: 'reasons', type: 'list', labels: { negative_rating: '差评', low_dsr_service: '服务态度评分低', extortion: '索要好处' } };

describe('labels', () => {
  it('zh shows the label, en and JSON the code; lists label each item; prefix:detail keeps the detail', () => {
    expect(cellText(STATE, 'final', { lang: 'zh', tz })).toBe('确定');
    expect(cellText(STATE, 'final', { lang: 'en', tz })).toBe('final');
    expect(cellJson(STATE, 'final', { lang: 'zh', tz })).toBe('final');
    expect(cellText(REASONS, ['negative_rating', 'low_dsr_service=3', 'extortion:返现'], { lang: 'zh', tz })).toBe('差评;服务态度评分低=3;索要好处: 返现');
    expect(cellJson(REASONS, ['negative_rating'], { lang: 'zh', tz })).toEqual(['negative_rating']);
    // An unknown code is shown as it is rather than guessed.
    expect(labelOf(STATE.labels, 'draft', 'zh')).toBe('draft');
  });
});

describe('compensate in zh: no English codes in csv; JSON unchanged', () => {
  // Forced tmall-2023, the rule set with a serious-delay flag (under auto these orders are tmall-2026's).
  const args = ['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-25 10:00:00', '--rules', 'tmall-2023', '-q'];
  it('csv', () => {
    const r = runCli([...args, '--lang', 'zh', '-f', 'csv']);
    const lines = r.stdout.trim().split('\n');
    const head = lines[0]!.split(',');
    const col = (h: string) => lines.slice(1).map((l) => l.split(',')[head.indexOf(h)]);
    // examples/ExportOrderList202611.csv: four vouchers, all for late shipment, paid-minus-postage base;
    // the 2026-11-17 one is still open (provisional) and 146 h late (> 72 h: serious delay); the export
    // carries the platform's payouts for the first and third (paid by the platform).
    expect(col('类型')).toEqual(['延迟发货', '延迟发货', '延迟发货', '延迟发货']);
    expect(col('状态')).toEqual(['平台已赔付', '确定', '平台已赔付', '待定']);
    expect(col('赔付方式')).toEqual(['商家发放', '商家发放', '商家发放', '商家发放']);
    expect(col('基数口径')).toEqual(['实付减邮费', '实付减邮费', '实付减邮费', '实付减邮费']);
    expect(col('扣分风险')).toEqual(['', '', '', '严重延迟']);
    for (const code of ['late', 'final', 'provisional', 'paid_by_platform', 'shop-issues', 'paid-minus-postage', 'serious_delay']) expect(r.stdout).not.toContain(code);
  });
  it('the zh summary names the base and the not-judged reason in Chinese', () => {
    const r = runCli([...args.filter((a) => a !== '-q'), '--lang', 'zh', '-f', 'csv']);
    expect(r.stderr).toContain('(基数 实付减邮费)');
    expect(r.stderr).toContain('无法判断 1 (关闭未发货 1)');
    expect(r.stderr).not.toContain('closed_unshipped');
  });
  it('json keeps the codes', () => {
    const r = runCli([...args, '--lang', 'zh', '-f', 'json']);
    const rows = JSON.parse(r.stdout) as { state: string; kinds: string[]; base: string }[];
    expect(rows.map((x) => x.state)).toEqual(['paid_by_platform', 'final', 'paid_by_platform', 'provisional']);
    expect(rows[0]!.kinds).toEqual(['late']);
    expect(rows[0]!.base).toBe('paid-minus-postage');
  });
});

describe('reviews queue in zh: the message template is named in Chinese; JSON keeps the id', () => {
  // examples/reviews.csv as of 2026-11-21 10:00: the template of each item follows its escalation
  // and first category (safety → contact-safety; extortion → complaint-extortion; 色差 → not_as_described …).
  const args = ['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--as-of', '2026-11-21 10:00:00', '-q'];
  it('csv and json', () => {
    const zh = runCli([...args, '--lang', 'zh', '-f', 'csv']);
    const lines = zh.stdout.trim().split('\n');
    const head = lines[0]!.split(',');
    const byOrder = Object.fromEntries(lines.slice(1).map((l) => { const c = l.split(','); return [c[head.indexOf('订单编号')], c[head.indexOf('模板')]]; }));
    expect(byOrder).toMatchObject({
      '6000000000000000902': '联系: 健康/安全',
      '4100000000000000701': '投诉: 要挟评价 (不发给买家)',
      '3515313147329357901': '联系: 质量',
      '2987650012233445501': '联系: 描述不符',
      '5200000000000000801': '联系: 物流',
      '6000000000000000901': '联系: 价格',
    });
    expect(zh.stdout).not.toMatch(/contact-|complaint-extortion/);
    const json = JSON.parse(runCli([...args, '--lang', 'zh', '-f', 'json']).stdout) as { orderId: string; template: string }[];
    expect(json.find((r) => r.orderId === '6000000000000000902')!.template).toBe('contact-safety');
  });
});

describe('orders inspect in zh: the mapped fields are named in Chinese; JSON keeps the keys', () => {
  it('columnsMapped', () => {
    const f = path.join(EXAMPLES, 'ExportOrderList202611.csv');
    const zh = runCli(['orders', 'inspect', f, '--lang', 'zh', '-f', 'json', '-q']);
    expect((JSON.parse(zh.stdout) as { columnsMapped: string[] }[])[0]!.columnsMapped.slice(0, 3)).toEqual(['orderId=订单编号', 'parentOrderId=主订单编号', 'buyer=买家会员名']);
    const csv = runCli(['orders', 'inspect', f, '--lang', 'zh', '-f', 'tsv', '-q']).stdout.trim().split('\n');
    const cell = csv[1]!.split('\t')[csv[0]!.split('\t').indexOf('已识别列')]!;
    // the 订单报表's 买家实际支付金额 is the paid amount, 延迟发货自动赔付金额 the platform's payout
    expect(cell.startsWith('订单编号=订单编号;主订单编号=主订单编号;买家=买家会员名;')).toBe(true);
    expect(cell).toContain(';实付金额=买家实际支付金额;');
    expect(cell).toContain(';平台赔付金额=延迟发货自动赔付金额');
    expect(cell).not.toMatch(/orderId|paidAmount|platformCompensation/);
  });
});
