// The terminal table: display width of emoji/CJK, cutting with …, the short view, and that every
// command's table fits 80 and 120 columns.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import type { Column } from '../../src/io/columns.js';
import { layoutTable, viewColumns } from '../../src/io/tableview.js';
import { displayWidth, truncate } from '../../src/io/width.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('display width', () => {
  it('measures CJK, emoji and ZWJ sequences as a terminal draws them', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('小明爱购物')).toBe(10); // 5 wide characters × 2
    expect(displayWidth('🚚')).toBe(2);
    expect(displayWidth('⭐⭐⭐')).toBe(6);
    expect(displayWidth('👨‍👩‍👧‍👦')).toBe(2); // man ZWJ woman ZWJ girl ZWJ boy: one glyph, two columns
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute
  });

  it('cuts with … without splitting a wide character or an emoji sequence', () => {
    expect(truncate('abcdefghij', 5)).toBe('abcd…'); // 4 + 1
    expect(truncate('小明爱购物', 5)).toBe('小明…'); // 2+2+1; a third 爱 would make 7
    expect(truncate('小明爱购物', 10)).toBe('小明爱购物'); // fits: untouched
    expect(truncate('👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 5)).toBe('👨‍👩‍👧‍👦👨‍👩‍👧‍👦…'); // 2+2+1
  });
});

const BUYER: Column = { key: 'buyer', zh: '买家', en: 'buyer' };
const AMOUNT: Column = { key: 'amount', zh: '金额', en: 'amount', type: 'money' };
const ORDER: Column = { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' };

describe('layout', () => {
  it('aligns rows whose buyer names hold emoji', () => {
    const [lines] = layoutTable([BUYER, AMOUNT], ['buyer', 'amount'], [['🚚小明', '5.00'], ['👨‍👩‍👧‍👦', '12.50'], ['⭐⭐⭐', '500.00']]);
    // buyer column: widest is 🚚小明 / ⭐⭐⭐ = 6; amount column: 500.00 / "amount" = 6; gap 2.
    expect(lines).toEqual([
      'buyer   amount',
      '🚚小明    5.00',
      '👨‍👩‍👧‍👦' + ' '.repeat(4 + 2 + 1) + '12.50', // 2 wide, padded by 4; gap 2; 12.50 right-aligned in 6
      '⭐⭐⭐  500.00',
    ]);
  });

  it('cuts free text, never an id, to fit the width', () => {
    const title: Column = { key: 'title', zh: '标题', en: 'title' };
    const rows = [['3515313147329357901', 'a scarf of the finest cashmere wool from Inner Mongolia']];
    const [lines] = layoutTable([ORDER, title], ['orderId', 'title'], rows, 40);
    // 40 = 19 (id, kept whole) + 2 (gap) + 19 for the title: 18 characters and …
    expect(lines).toEqual(['orderId              title', '3515313147329357901  a scarf of the fin…']);
    expect(lines!.every((l) => displayWidth(l) <= 40)).toBe(true);
  });

  it('never cuts text marked whole (a rule set id, an agent): the other text is cut instead', () => {
    const id: Column = { key: 'id', zh: '规则集', en: 'id', whole: true };
    const detail: Column = { key: 'detail', zh: '说明', en: 'detail' };
    const [lines] = layoutTable([id, detail], ['id', 'detail'], [['tmall-global-2026', 'abcdefghijklmnopqrst']], 30);
    // 30 = 17 (the id, whole) + 2 + 11 for the detail: 10 characters and …. Before, both were cut
    // to 14 (tmall-global-…).
    expect(lines).toEqual(['id                 detail', 'tmall-global-2026  abcdefghij…']);
  });

  it('cuts a list of order ids between ids, never inside one', () => {
    const ids: Column = { key: 'orderIds', zh: '订单编号', en: 'orderIds', type: 'list' };
    const title: Column = { key: 'title', zh: '标题', en: 'title' };
    const rows = [
      ['3515313147329357901;3515313147329357902', 'a scarf of the finest cashmere wool'],
      ['3515313147329357903', 'gloves'],
    ];
    const [lines] = layoutTable([ids, title], ['orderIds', 'title'], rows, 40);
    // The list may not go below its widest first id + ";…" = 19 + 2 = 21; 21 + 2 (gap) leaves 17
    // for the title: 16 characters and …. The first cell keeps one whole id and ";…".
    expect(lines).toEqual([
      'orderIds               title',
      '3515313147329357901;…  a scarf of the f…', // "a scarf of the f" is 16
      '3515313147329357903    gloves',
    ]);
  });

  it('never cuts a header: columns that do not fit under their whole headers go in blocks', () => {
    const cols: Column[] = ['min', 'max', 'fee'].map((k) => ({ key: k, zh: k, en: k, type: 'int' as const }));
    const heads = ['样品数下限', '样品数上限', '服务费合计金额'];
    const rows = [['3', '5', '450']];
    // Whole headers: 10 + 2 + 10 + 2 + 14 = 38 > 30. Until 2026-12 the headers were cut to fit
    // (样品数下…  样品数上…   服务费…); now blocks, the first column (no id column) repeated in each:
    // 10 + 2 + 10 = 22 ≤ 30, then 10 + 2 + 14 = 26. Numbers right-aligned under their headers.
    expect(layoutTable(cols, heads, rows, 30)).toEqual([
      ['样品数下限  样品数上限', '         3           5'],
      ['样品数下限  服务费合计金额', '         3             450'],
    ]);
  });

  it('uses a column\'s short header (Column.short) only when the whole headers do not fit on one line', () => {
    const cols: Column[] = [ORDER, { key: 'late', zh: '最长延迟(小时)', en: 'maxHoursLate', type: 'hours', short: { zh: '延迟(小时)', en: 'hoursLate' } }];
    const rows = [['3515313147329357901', '25.0']];
    // 19 + 2 + 14 = 35: fits 35 whole; at 34 the short header (10): 19 + 2 + 10 = 31.
    expect(layoutTable(cols, ['订单编号', '最长延迟(小时)'], rows, 35, ['订单编号', '延迟(小时)'])).toEqual([['订单编号             最长延迟(小时)', '3515313147329357901            25.0']]);
    expect(layoutTable(cols, ['订单编号', '最长延迟(小时)'], rows, 34, ['订单编号', '延迟(小时)'])).toEqual([['订单编号             延迟(小时)', '3515313147329357901        25.0']]);
  });

  it('prints too many columns in blocks that repeat the id column', () => {
    const cols: Column[] = [ORDER, ...['a', 'b', 'c'].map((k) => ({ key: k, zh: k, en: k, type: 'money' as const }))];
    const row = ['3515313147329357901', '1000.00', '2000.00', '3000.00'];
    const blocks = layoutTable(cols, ['orderId', 'a', 'b', 'c'], [row], 40);
    // 19 + 3 × (2 + 7) = 46 > 40; each block: 19 + 2 × 9 = 37 ≤ 40, so a,b then c.
    expect(blocks).toEqual([
      ['orderId                    a        b', '3515313147329357901  1000.00  2000.00'],
      ['orderId                    c', '3515313147329357901  3000.00'],
    ]);
  });

  it('in blocks, a row without an id (a total row) keeps its label in the id\'s place in the later blocks', () => {
    const TITLE: Column = { key: 'title', zh: '标题', en: 'title' };
    const cols: Column[] = [ORDER, TITLE, ...['a', 'b'].map((k) => ({ key: k, zh: k, en: k, type: 'money' as const }))];
    const rows = [
      ['3515313147329357901', 'dress', '1000.00', '2000.00'],
      ['', 'total (1 of 2)', '1000.00', '2000.00'],
    ];
    // 19 + 2 + 14 + 2 + 7 + 2 + 7 = 53 > 40: [orderId, title, a] (19 + 2 + 14 + 2 + 7 = 44 > 40,
    // so [orderId, title] then [orderId, a, b]: 19 + 2 + 7 + 2 + 7 = 37). The total row's label goes
    // in the id's place of the second block (14 columns, within the id's 19); before, that row
    // showed its amounts under nothing (zhenjian estimate at 80 columns, its 合计 row).
    const blocks = layoutTable(cols, ['orderId', 'title', 'a', 'b'], rows, 40);
    expect(blocks).toEqual([
      ['orderId              title', '3515313147329357901  dress', '                     total (1 of 2)'],
      ['orderId                    a        b', '3515313147329357901  1000.00  2000.00', 'total (1 of 2)       1000.00  2000.00'],
    ]);
  });

  it('shows the brief columns unless --wide, and every column when none is brief', () => {
    const cols: Column[] = [{ ...BUYER, brief: true }, AMOUNT, { ...ORDER, brief: true }];
    expect(viewColumns(cols, false).map((c) => c.key)).toEqual(['buyer', 'orderId']);
    expect(viewColumns(cols, true).map((c) => c.key)).toEqual(['buyer', 'amount', 'orderId']);
    expect(viewColumns([BUYER, AMOUNT], false).map((c) => c.key)).toEqual(['buyer', 'amount']);
  });
});

const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
// A ledger with a voucher: an empty one prints a sentence on stderr, not a table.
const LEDGER = path.join(tmpDir(), 'state.db');
beforeAll(async () => {
  const db = await openState(LEDGER);
  db.recordVouchers([{ voucherKey: 'v-a1', buyer: 'tb_li', rules: 'tmall-2023', orderIds: ['3551234567890123456', '3551234567890123457'], amount: '30.00', windowStart: null }], Date.UTC(2026, 10, 21, 1, 0, 0));
  db.close();
});
const ex = (f: string) => `${EXAMPLES}/${f}`;
const COMMANDS: [string, string[]][] = [
  ['orders inspect', ['orders', 'inspect', ex('ExportOrderList202611.csv')]],
  ['orders normalize', ['orders', 'normalize', ex('ExportOrderList202611.csv')]],
  ['compensate', ['compensate', ex('ExportOrderList202611.csv'), ...AS_OF]],
  ['compensate --by order', ['compensate', ex('ExportOrderList202611.csv'), '--by', 'order', ...AS_OF]],
  ['compensate --at-risk', ['compensate', ex('ExportOrderList202611.csv'), '--at-risk', '48', ...AS_OF]],
  ['reviews queue', ['reviews', 'queue', ex('reviews.csv'), '--orders', ex('ExportOrderList202611.csv'), ...AS_OF]],
  ['zhenjian estimate', ['zhenjian', 'estimate', ex('zhenjian-products.csv'), ...AS_OF]],
  // With --demand (D=2 on 11-11 and 11-12, examples/roster/demand.csv) the roster breaks the rules on
  // two days, so there are rows to fit. Without it the example roster has no violations: the table was
  // its header alone, so the case checked no row, and since a clean check prints no table on the
  // terminal (stdout empty) it would check nothing at all.
  ['roster check', ['roster', 'check', ex('roster/roster-2026-11.csv'), '--demand', ex('roster/demand.csv')]],
  ['roster plan', ['roster', 'plan', '--month', '2026-11', '--agents', '3', '--min', 'D=1,H=0,N=1', '--time-limit', '20']],
  ['rules list', ['rules', 'list']],
  ['rules show', ['rules', 'show', 'tmall-2026']],
  ['ledger list', ['ledger', 'list', '--state', LEDGER]],
];

describe('every command fits the terminal', () => {
  for (const [name, args] of COMMANDS) {
    for (const lang of ['en', 'zh']) {
      it(`${name} (${lang}) at 80 and 120 columns`, { timeout: 90_000 }, () => {
        for (const width of [80, 120]) {
          const r = runCli([...args, '-f', 'table', '--lang', lang], { env: { COLUMNS: String(width) } });
          expect(r.code, r.stderr).toBeLessThanOrEqual(1);
          const lines = r.stdout.split('\n').filter((l) => l !== '');
          // A header and at least one row: a header alone fits any width and proves nothing.
          expect(lines.length, r.stdout).toBeGreaterThan(1);
          const widest = Math.max(...lines.map(displayWidth));
          expect(widest, r.stdout).toBeLessThanOrEqual(width);
          // No header cut: the first line of each block (blocks are apart by an empty line). At 80,
          // compensate's read 最长延迟(小… (zh) and maxHours… (en) until 2026-12.
          const headLines = r.stdout.split('\n\n').map((b) => b.split('\n')[0]!);
          for (const h of headLines) expect(h, r.stdout).not.toContain('…');
        }
      });
    }
  }

  it('rules list at 80 columns keeps the ids and dates whole and cuts the title (en, zh)', () => {
    // Worked by hand. en: id 17 (tmall-global-2026), validFrom 10, validTo 10, payer 16
    // (platform-deducts), 4 gaps of 2 = 61, so the title gets 19: 18 characters and ….
    const en = runCli(['rules', 'list', '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(en.stdout).toBe(
      [
        'id                 validFrom   validTo     title                payer',
        'douyin-2025        2025-09-29              Douyin shop seller…  platform-deducts',
        'tmall-2023                     2026-04-08  Tmall/Taobao delay…  shop-issues',
        'tmall-2026         2026-04-09              Tmall logistics ti…  shop-issues',
        'tmall-global-2026  2026-04-22              Tmall Global logis…  shop-issues',
        '',
      ].join('\n'),
    );
    // zh: 规则集 17, 生效 10, 失效(含当日) 12 (its header), 赔付方式 12 (平台扣款代赔), gaps 8 = 59,
    // so the title gets 21: ten Chinese characters (20) and …; 天猫/淘宝延迟发货赔 is 19 (付 would
    // make 22 with …), padded to 21.
    const zh = runCli(['rules', 'list', '-f', 'table', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    expect(zh.stdout).toBe(
      [
        '规则集             生效        失效(含当日)  名称                   赔付方式',
        'douyin-2025        2025-09-29                抖店《商家发货行为管…  平台扣款代赔',
        'tmall-2023                     2026-04-08    天猫/淘宝延迟发货赔…   商家发放',
        'tmall-2026         2026-04-09                天猫物流时效管理规范…  商家发放',
        'tmall-global-2026  2026-04-22                天猫国际物流时效管理…  商家发放',
        '',
      ].join('\n'),
    );
  });

  // The note after a short view fits the terminal: "storeops: 表格只显示 6/22 列; 加 --wide 显示全部, 或 -f csv
  // / -o 文件.xlsx 导出全部列" is 81 columns (98 in en), and at 80 the terminal put 全部列 on a line of its
  // own (user7). Wider than the table's width, it goes on in a second line after the ';'.
  it('the columns-left-out note fits the terminal width', () => {
    const zh = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    expect(zh.stderr).toContain('\nstoreops: 表格只显示 6/22 列;\nstoreops: 加 --wide 显示全部, 或 -f csv / -o 文件.xlsx 导出全部列\n');
    const en = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(en.stderr).toContain('\nstoreops: the table shows 6 of 22 columns;\nstoreops: --wide for all, or -f csv / -o file.xlsx to export every column\n');
    const wide = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table', '--lang', 'zh'], { env: { COLUMNS: '160' } });
    expect(wide.stderr).toContain('\nstoreops: 表格只显示 6/22 列; 加 --wide 显示全部, 或 -f csv / -o 文件.xlsx 导出全部列\n');
  });

  it('--wide shows every column at full width', () => {
    const r = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table', '--wide'], { env: { COLUMNS: '80' } });
    const head = r.stdout.split('\n')[0]!.split(/\s{2,}/);
    // All 22 voucher columns, from voucherKey to issueNow (after shop).
    expect(head[0]).toBe('voucherKey');
    expect(head.at(-1)).toBe('issueNow');
    expect(head).toHaveLength(22);
    expect(r.stderr).not.toContain('--wide for all');
  });

  it('shows a column marked "filled" (compensate --by order lineId) only when a row has a value in it', async () => {
    const { tableWriter } = await import('../../src/io/tableview.js');
    const LINE: Column = { key: 'lineId', zh: '子订单编号', en: 'lineId', type: 'id', brief: 'filled' };
    const out = async (rows: Record<string, string>[], wide = false) => {
      let text = '';
      const infos: string[] = [];
      const sink = { write: async (t: string) => void (text += t), end: async () => {}, abort: async () => {} };
      const w = tableWriter(sink as never, [{ ...ORDER, brief: true }, LINE, AMOUNT], { lang: 'en' } as never, { wide, color: false, info: (m) => infos.push(m.en) });
      for (const r of rows) await w.row(r);
      await w.close();
      return [text, infos.join('')];
    };
    // Filled in one row: shown, the empty cell blank; AMOUNT (not brief) left out: 2 of 3 columns.
    expect(await out([{ orderId: '3700000000000000001', lineId: '3700000000000000011', amount: '5.00' }, { orderId: '3700000000000000002', lineId: '', amount: '5.00' }])).toEqual([
      'orderId              lineId\n3700000000000000001  3700000000000000011\n3700000000000000002\n',
      'storeops: the table shows 2 of 3 columns; --wide for all, or -f csv / -o file.xlsx to export every column',
    ]);
    // Empty in every row: left out, and the note counts 1 of 3.
    expect(await out([{ orderId: '3700000000000000002', lineId: '', amount: '5.00' }])).toEqual([
      'orderId\n3700000000000000002\n',
      'storeops: the table shows 1 of 3 columns; --wide for all, or -f csv / -o file.xlsx to export every column',
    ]);
    // --wide: every column, the empty one too.
    expect((await out([{ orderId: '3700000000000000002', lineId: '', amount: '5.00' }], true))[0]).toBe('orderId              lineId  amount\n3700000000000000002            5.00\n');
  });

  it('in blocks, a line id shown only when filled is repeated beside the order id (two lines of one order stay apart)', () => {
    const LINE: Column = { key: 'lineId', zh: '子订单编号', en: 'lineId', type: 'id', brief: 'filled' };
    const cols = [ORDER, LINE, BUYER, AMOUNT];
    // 19 + 2 + 19 = 40 for the key; width 52 leaves 2 + 10 for buyer (小明爱购物), and amount (2 + 6) goes to a block of its own.
    const parts = layoutTable(cols, ['orderId', 'lineId', 'buyer', 'amount'], [['3700000000000000001', '3700000000000000011', '小明爱购物', '50.00'], ['3700000000000000001', '3700000000000000012', '小明爱购物', '50.00']], 52);
    expect(parts).toEqual([
      ['orderId              lineId               buyer', '3700000000000000001  3700000000000000011  小明爱购物', '3700000000000000001  3700000000000000012  小明爱购物'],
      ['orderId              lineId               amount', '3700000000000000001  3700000000000000011   50.00', '3700000000000000001  3700000000000000012   50.00'],
    ]);
  });

  it('says on stderr that the short view left columns out', () => {
    const r = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table'], { env: { COLUMNS: '120' } });
    // state is as wide as paid_by_platform; issueNow (what the shop issues now) is in the short view,
    // in toIssue's place (toIssue of a provisional voucher is owed so far, not to issue now).
    // recorded (empty without --record) is left out.
    expect(r.stdout.split('\n')[0]).toBe('buyer       orderIds                                 amount  state             maxHoursLate  issueNow');
    expect(r.stderr).toContain('the table shows 6 of 22 columns; --wide for all');
  });

  it('the short view\'s money column is issueNow, and it adds up to the summary\'s total to issue (en and zh, 80 and 120 columns)', () => {
    // README worked example as of 2026-11-20 12:00: paid_by_platform 0.00, final (…903) 50.00,
    // paid_by_platform 0.00, provisional (…701, owing 5.00 so far) 0.00 -> 50.00, the summary's
    // "1 voucher totalling 50.00 to issue". The short view showed toIssue instead: 0 + 50 + 0 + 5 = 55.00
    // on screen against 50.00 in the summary, the provisional 5.00 (not to issue yet) read as money to pay.
    for (const lang of ['en', 'zh'])
      for (const cols of ['80', '120']) {
        const r = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table', '--lang', lang], { env: { COLUMNS: cols } });
        expect(r.code).toBe(0);
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines[0].trimEnd().endsWith(lang === 'en' ? 'issueNow' : '现在发放')).toBe(true);
        expect(lines[0]).not.toContain(lang === 'en' ? 'toIssue' : '待发放');
        const last = lines.slice(1).map((l) => l.trim().split(/\s+/).at(-1));
        expect(last).toEqual(['0.00', '50.00', '0.00', '0.00']);
        expect(r.stderr).toContain(lang === 'en' ? '1 voucher totalling 50.00 to issue' : '现在发放的红包 1 个共 50.00 元');
      }
  });

  it("compensate at 80 columns names the longest delay 延迟(小时) / hoursLate whole, at 120 最长延迟(小时) / maxHoursLate", () => {
    // Whole at 80: 买家 10 + 订单编号 21 (…901;… ) + 赔付金额 8 + 状态 10 + 最长延迟(小时) 14 + 现在发放 8
    // + 5 gaps of 2 = 81 > 80, so it read 最长延迟(小… (zh) and maxHours… (en); the short header (10 / 9)
    // fits, and the order ids get the room left.
    const head = (w: number, lang: string) =>
      runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table', '--lang', lang, '-q'], { env: { COLUMNS: String(w) } }).stdout.split('\n')[0];
    expect(head(80, 'zh')).toBe('买家        订单编号                  赔付金额  状态        延迟(小时)  现在发放');
    expect(head(80, 'en')).toBe('buyer       orderIds               amount  state             hoursLate  issueNow');
    expect(head(120, 'zh')).toBe('买家        订单编号                                 赔付金额  状态        最长延迟(小时)  现在发放');
    expect(head(120, 'en')).toBe('buyer       orderIds                                 amount  state             maxHoursLate  issueNow');
  });

  it('a run of two shops shows the shop column (whole), one of one shop does not', () => {
    // The README example with order …903 moved to another shop (店铺Id 900800700): 小明爱购物's vouchers
    // of 11-10 (…901;…902, shop 100200300) and 11-11 (…903, shop 900800700) read as two rows of one
    // buyer with nothing saying which shop issues the 50.00.
    const text = new TextDecoder('gb18030').decode(fs.readFileSync(ex('ExportOrderList202611.csv')));
    const lines = text.split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('="3515313147329357903"'));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i]!.replace(',100200300,', ',900800700,');
    const two = path.join(tmpDir(), 'ExportOrderList202611-two-shops.csv');
    fs.writeFileSync(two, '\ufeff' + lines.join('\r\n'));
    const r120 = runCli(['compensate', two, ...AS_OF, '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '120' } });
    const rows120 = r120.stdout.trimEnd().split('\n');
    expect(rows120[0]).toBe('buyer       orderIds                                 amount  state             maxHoursLate  shop       issueNow');
    expect(rows120.slice(1).map((l) => l.trim().split(/\s+/).slice(-2))).toEqual([
      ['100200300', '0.00'],
      ['900800700', '50.00'],
      ['100200300', '0.00'],
      ['100200300', '0.00'],
    ]);
    // At 80 columns the shop id is never cut (it goes to a block of its own with the money column).
    const r80 = runCli(['compensate', two, ...AS_OF, '-f', 'table', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    for (const l of r80.stdout.trimEnd().split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(r80.stdout).toContain('900800700');
    expect(r80.stdout.match(/100200300/g)!.length).toBe(3);
    expect(r80.stdout).not.toMatch(/\d…/);
    // One shop: no shop column (as before).
    const one = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '120' } });
    expect(one.stdout.split('\n')[0]).not.toContain('shop');
  });

  it('at 80 columns the state is never cut (provisi… beside 5.00 to issue read as money to pay now)', () => {
    const r = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '-f', 'table'], { env: { COLUMNS: '80' } });
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    // The example (README worked example): 2 paid by the platform, 1 final, 1 provisional.
    const states = lines.slice(1).map((l) => l.match(/\b(paid_by_platform|final|provisional)\b/)?.[1]);
    expect(states.sort()).toEqual(['final', 'paid_by_platform', 'paid_by_platform', 'provisional']);
    expect(r.stdout).not.toContain('provisi…');
  });
});

describe('what an operator reads at 80 columns (desk check of the README examples)', () => {
  it('a wrapped column (the value of a field/value list) goes on over the next lines instead of being cut', () => {
    const field: Column = { key: 'field', zh: '项目', en: 'field', whole: true };
    const value: Column = { key: 'value', zh: '值', en: 'value', wrap: true };
    const rows = [
      ['platform', 'taobao'],
      ['statusCounts', 'completed=4, shipped=2, awaiting_shipment=1, closed=1, unpaid=1'],
    ];
    const [lines] = layoutTable([field, value], ['field', 'value'], rows, 40);
    // 40 = 12 (statusCounts) + 2 + 26 for the value; breaks fall after the spaces of ", ".
    // "completed=4, shipped=2," is 23; adding " awaiting_shipment=1," makes 44 > 26.
    expect(lines).toEqual([
      'field         value',
      'platform      taobao',
      'statusCounts  completed=4, shipped=2,',
      '              awaiting_shipment=1,',
      '              closed=1, unpaid=1',
    ]);
  });

  it('orders inspect at 80 columns shows every status count and mapped column (it cut them with …)', () => {
    for (const lang of ['en', 'zh']) {
      const r = runCli(['orders', 'inspect', ex('ExportOrderList202611.csv'), '-f', 'table', '--lang', lang], { env: { COLUMNS: '80' } });
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
      expect(r.stdout).not.toContain('…');
      // The example holds one unpaid order (新客0001), the last status counted: it was cut off.
      expect(r.stdout).toContain(lang === 'en' ? 'unpaid=1' : '待付款=1');
      // The last mapped column (延迟发货自动赔付金额) and the era of the layout.
      expect(r.stdout).toContain('=延迟发货自动赔付金额');
      // the era, perhaps on the next line (zh: 2022 年起)
      expect(r.stdout).toMatch(lang === 'en' ? /taobao-orders-71\s+\(2022\+\)/ : /taobao-orders-71\s+\(2022 年起\)/);
    }
    // zh names the shop fields in Chinese like every other field (it wrote shopId=店铺Id).
    const zh = runCli(['orders', 'inspect', ex('ExportOrderList202611.csv'), '-f', 'csv', '--lang', 'zh']);
    expect(zh.stdout).toContain('店铺Id=店铺Id;店铺名称=店铺名称');
    expect(zh.stdout).not.toContain('shopId=');
    // The item report's 是否赔付 likewise (was compensated=是否赔付).
    const items = runCli(['orders', 'inspect', ex('ExportOrderDetailList202611.csv'), '-f', 'csv', '--lang', 'zh']);
    expect(items.stdout).toContain(';是否赔付=是否赔付;');
  });

  it('compensate --record at 80 columns (zh) cuts neither the buyer to send the voucher to nor the recorded state', () => {
    const state = path.join(tmpDir(), 'state.db');
    const args = ['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--record', '--state', state, '-f', 'table', '--lang', 'zh'];
    runCli(args, { env: { COLUMNS: '80' } });
    const r = runCli(args, { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    for (const l of r.stdout.trimEnd().split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    // Before: 小明爱… and 此前已… (the README's worked example: voucher …903 recorded by the first run).
    expect(r.stdout).not.toContain('小明爱…');
    expect(r.stdout).not.toContain('老王的…');
    expect(r.stdout).not.toContain('此前已…');
    expect(r.stdout).toContain('此前已记录');
    expect(r.stdout.match(/小明爱购物/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('a block with room left shows its text whole (zhenjian warningCodes, alone beside the item id)', () => {
    const r = runCli(['zhenjian', 'estimate', ex('zhenjian-products.csv'), '--avg-order', '150', '--balance', '5000', '--labels', ex('zhenjian-labels.csv'), '--as-of', '2026-11-20 11:00', '-f', 'table', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    for (const l of r.stdout.trimEnd().split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    // zh: the last block is 商品ID (12) + 2 + 提醒代码, 66 columns for codes of at most 46
    // (行业不适用;扣款远超预估;余额不足扣款;未选标签: 21 wide characters and 3 semicolons = 45); they were
    // cut at a third of the line (26): 样品数无上限;…
    // (Since the total row leaves out the ineligible sofa, 2026-12, its title is wider and
    // 年扣款上限 moved into this last block: the codes still have room, 54 columns.)
    expect(r.stdout.trimEnd().split('\n').at(-6)).toBe('商品ID        年扣款上限  提醒代码');
    expect(r.stdout).toContain('行业不适用;扣款远超预估;余额不足扣款;未选标签');
    // the lenses counted in pairs (2026-12): 7 boxes, 1293.00, not above 2 × 728, no 扣款远超预估
    expect(r.stdout).toContain('按包装折算;样品数无上限;标签不是三个');
  });

  // zhenjian estimate at 80 columns showed its total row as "合计 (4 个…" in the later blocks: the label
  // was put in the 商品ID column (12 wide) and cut. Now a block with room widens that column for it,
  // and one without shows the label without its brackets (合计), the first block having it whole.
  it('zhenjian at 80: the total label in later blocks is whole where the block has room, else 合计, never cut', () => {
    const r = runCli(['zhenjian', 'estimate', ex('zhenjian-products.csv'), '-f', 'table', '--lang', 'zh', '-q'], { env: { COLUMNS: '80' } });
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('合计 (4 个…');
    // Block 2 (amounts right-aligned): 商品ID 12 + 报名页预估 10 + 实际扣款上限 12 + 真实成本上限 12 + 所需余额 8 + 每年检测次数 12
    // and five gaps of 2 = 76: 4 left, the label (24 columns) does not fit in 12 + 4, so 合计 (4 wide)
    // padded to 12, the gap, 2316.00 right-aligned in 10.
    // (the lenses counted in pairs since 2026-12: 1445 + 1293 + 2216 = 4954.00, 939.75 + 844.65 + 1103.80 = 2888.20)
    expect(lines).toContain('合计' + ' '.repeat(8) + '  ' + '   2316.00' + '       4954.00' + '       2888.20' + '   4954.00' + '            17');
    // Block 3: 商品ID + 年扣款上限 10 + 提醒代码 34 (按包装折算;样品数无上限;已过取消期: 16 wide
    // characters, 2 semicolons), 12 + 2 + 10 + 2 + 34 = 60: 20 left, and 24 ≤ 12 + 20, so the column
    // is 24 wide and the label whole: 合计 (4 个商品中的 3 个) is 4 + 1 + 2 + 1 + 10 + 1 + 1 + 1 + 2 + 1 = 24.
    expect(lines).toContain('商品ID' + ' '.repeat(18) + '  ' + '年扣款上限  提醒代码');
    // 4335 + 13 × 1293 (16809) + 2216 = 23360.00
    expect(lines).toContain('合计 (4 个商品中的 3 个)' + '  ' + '  23360.00' + '  ' + '行业不适用的未计入');
  });

  it('orders normalize of an order report leaves out the empty lineId column (only --lines fills it)', () => {
    const r = runCli(['orders', 'normalize', ex('ExportOrderList202611.csv'), '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '120' } });
    expect(r.stdout.split('\n')[0]).not.toContain('lineId');
    const lines = runCli(['orders', 'normalize', ex('ExportOrderDetailList202611.csv'), '--lines', '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '120' } });
    expect(lines.stdout.split('\n')[0]).toContain('lineId');
  });
});
