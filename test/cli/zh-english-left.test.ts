// In zh mode (STOREOPS_LANG=zh or --lang zh), text that was still English: the roster wall
// calendar's printed footer, `rules list`'s 来源 column and `rules show`'s 来源 line, `roster plan
// --volume`'s staffing label (summary and the calendar's rules line), and the era in `orders
// inspect`'s 报表名称. The English texts stay as they were.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ZH = { env: { STOREOPS_LANG: 'zh' } };

describe('zh mode: no English left', () => {
  it('rules list: the 来源 column in Chinese (built-in sets), English under --lang en', () => {
    const zh = runCli(['rules', 'list', '-f', 'json'], ZH);
    expect(zh.code).toBe(0);
    const src = Object.fromEntries((JSON.parse(zh.stdout) as { id: string; source: string }[]).map((r) => [r.id, r.source]));
    // Before: "Tmall delayed-shipment compensation page dated 2023-02-05, rules 1, 2 and 4, quoted in docs/rules.md".
    expect(src['tmall-2023']).toBe('天猫延迟发货赔付页面 (2023-02-05), 第 1、2、4 条, 原文引于 docs/rules.md');
    expect(src['tmall-2026']).toBe('天猫规则中心 物流时效管理规范 ruleId 11000266 (2026-04-09 修订), 第五、六、十二、十四条; docs/rules.md');
    const en = runCli(['rules', 'list', '-f', 'json', '--lang', 'en']);
    expect((JSON.parse(en.stdout) as { id: string; source: string }[]).find((r) => r.id === 'tmall-2023')!.source).toBe('Tmall delayed-shipment compensation page dated 2023-02-05, rules 1, 2 and 4, quoted in docs/rules.md');
    const show = runCli(['rules', 'show', 'tmall-global-2026'], ZH);
    expect(show.stderr).toContain('来源: 天猫规则中心 天猫国际物流时效管理规范 ruleId 2927 (2026-04-22 生效); docs/rules.md');
  });

  it('a rule file whose source is one text (as before) shows it in both languages; the example file has both', () => {
    const own = JSON.parse(fs.readFileSync(path.join('templates', 'rules', 'custom-example.json'), 'utf8')) as Record<string, unknown>;
    own.source = '我们店的拼多多账单 2026-11';
    const f = path.join(tmpDir(), 'own.json');
    fs.writeFileSync(f, JSON.stringify(own));
    for (const lang of ['zh', 'en']) {
      const r = runCli(['rules', 'show', f, '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(lang === 'zh' ? '来源: 我们店的拼多多账单 2026-11' : 'source: 我们店的拼多多账单 2026-11');
    }
    const ex = runCli(['rules', 'show', path.join('templates', 'rules', 'custom-example.json')], ZH);
    expect(ex.stderr).toContain('来源: 店铺自己的规则: 拼多多没有公布官方比例');
  });

  it('orders inspect: the era in 报表名称 in Chinese ("(later)" and "(2022+)" before)', () => {
    const r = runCli(['orders', 'inspect', path.join(EXAMPLES, 'ExportOrderList202611.csv'), path.join(EXAMPLES, 'ExportOrderDetailList202611.csv'), '-f', 'json'], ZH);
    expect((JSON.parse(r.stdout) as { layoutName: string }[]).map((f) => f.layoutName)).toEqual(['淘宝/天猫 订单报表 taobao-orders-71 (2022 年起)', '淘宝/天猫 宝贝报表 taobao-items-28 (较新版)']);
    const en = runCli(['orders', 'inspect', path.join(EXAMPLES, 'ExportOrderDetailList202611.csv'), '-f', 'json', '--lang', 'en']);
    expect((JSON.parse(en.stdout) as { layoutName: string }[])[0]!.layoutName).toBe('Taobao/Tmall item report (宝贝报表) taobao-items-28 (later)');
  });

  it('roster plan --volume: the staffing label in Chinese, in the summary, the calendar\'s rules line; the printed footer', async () => {
    const file = path.join(tmpDir(), 'roster.xlsx');
    // Erlang C with the defaults: AHT 120 s, 90 % answered within 180 s, 1 chat at once.
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', '10', '--volume', path.join(EXAMPLES, 'roster', 'volume.csv'), '--time-limit', '20', '-o', file], ZH);
    expect(r.code).toBe(0);
    // Before: "最低人数 Erlang C (AHT 120 s, 90% within 180 s, 1 chat at once)".
    expect(r.stderr).toContain('排班 2026-11: 10 名客服, 最低人数 Erlang C (平均处理时长 120 秒, 90% 在 180 秒内接待, 每人同时 1 个会话), 每人休息 4 天');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    // Before: "&L&8storeops roster plan" on a page whose every other word is Chinese.
    expect(ws.headerFooter.oddFooter).toBe('&L&8由 storeops roster plan 生成');
    let rules = '';
    ws.eachRow((row) => {
      if (row.getCell(1).value === '规则') rules = String(row.getCell(2).value);
    });
    expect(rules.endsWith('最低人数 Erlang C (平均处理时长 120 秒, 90% 在 180 秒内接待, 每人同时 1 个会话)')).toBe(true);
  }, 60_000);

  it('roster plan in English keeps its footer and label', async () => {
    const file = path.join(tmpDir(), 'roster-en.xlsx');
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', '10', '--volume', path.join(EXAMPLES, 'roster', 'volume.csv'), '--time-limit', '20', '--lang', 'en', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('roster 2026-11: 10 agents, staff Erlang C (AHT 120 s, 90% within 180 s, 1 chat at once), 4 days off each');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]!.headerFooter.oddFooter).toBe('&L&8storeops roster plan');
  }, 60_000);

  // The default least staff (--min D=1,H=1,N=1) in the summary by shift name, as the wall calendar's
  // rules line names it; it said "最低人数 D=1,H=1,N=1" (user7). English keeps the codes.
  it('roster plan: the least staff in the zh summary by shift name, not D=1,H=1,N=1', () => {
    const r = runCli(['roster', 'plan', '--month', '2026-12', '--agents', '小王,小李,小张,小赵', '-f', 'csv'], ZH);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('排班 2026-12: 4 名客服, 最低人数 白班 ≥ 1, 半白班 ≥ 1, 晚班 ≥ 1, 每人休息 4 天;');
    expect(r.stderr).not.toContain('D=1');
    const en = runCli(['roster', 'plan', '--month', '2026-12', '--agents', '小王,小李,小张,小赵', '-f', 'csv', '--lang', 'en']);
    expect(en.stderr).toContain('roster 2026-12: 4 agents, staff D=1,H=1,N=1, 4 days off each;');
  });
});

