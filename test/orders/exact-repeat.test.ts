// A row that is an exact copy of an earlier row of the same file (the seller centre's export
// repeating a row; two downloads pasted together) says nothing new: used once, counted and listed
// as a duplicate, a `storeops:` note, exit 0, the vouchers as if the row were there once. Two rows
// of one order that differ in any cell stay as they were: provisional, exit 1 (read.ts settleRepeats).
// Every test here failed before (exit 1 and a provisional voucher for an exact copy), except the
// "as now" ones (a differing cell, a repeat across two files), which pin that nothing else moved.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmpDir } from '../helpers.js';
import { write } from './build.js';
import { cli, json } from './expected.js';

const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** A file's lines as bytes (GBK examples: never decoded here), each with its line break. */
function lines(file: string): Buffer[] {
  const b = fs.readFileSync(path.join(ROOT, 'examples', file));
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) { out.push(b.subarray(start, i + 1)); start = i + 1; }
  if (start < b.length) out.push(b.subarray(start));
  return out;
}

/** The example with its physical line `n` (1 = the header) written again at the end, changed by `edit`. */
function repeated(dir: string, file: string, n: number, edit: (l: string) => string = (l) => l): string {
  const ls = lines(file);
  const last = ls[ls.length - 1]!;
  const body = last[last.length - 1] === 0x0a ? ls : [...ls.slice(0, -1), Buffer.concat([last, Buffer.from('\r\n')])];
  const copy = Buffer.from(edit(ls[n - 1]!.toString('latin1')), 'latin1');
  return write(dir, file, Buffer.concat([...body, copy]));
}

describe('an exact copy of a row in one file', () => {
  // examples/ExportOrderList202611.csv, 9 rows (lines 2–10); line 4 is order …903 (小明爱购物, paid
  // 11-11 10:00, 2000.00, no postage, shipped 23 h late; tmall-2026): 2000.00 × 5 % = 100.00, the
  // order's 50.00 maximum: 50.00, final, alone in its 11-11 10:00 window. Written again as line 11:
  // 10 rows read = 9 accepted + 0 rejected + 1 duplicate. Before, the copy kept it provisional, exit 1.
  it('order report: the vouchers of the file without the copy, exit 0, a note, the counts, --duplicates lists it', () => {
    const dir = tmpDir();
    const once = cli(['compensate', path.join(ROOT, 'examples/ExportOrderList202611.csv'), '-f', 'json', ...AS_OF]);
    expect(once.code).toBe(0);
    const f = repeated(dir, 'ExportOrderList202611.csv', 4);
    const out = path.join(dir, 'dups.csv');
    const r = cli(['compensate', f, '-f', 'json', ...AS_OF, '--duplicates', out]);
    expect(r.code).toBe(0); // was 1
    expect(json(r)).toEqual(json(once));
    const w = json(r).find((v) => (v.orderIds as string[]).includes('3515313147329357903'))!;
    // Was 'provisional' (the copy held the order's voucher): now as the single row gives it.
    expect(w).toMatchObject({ buyer: '小明爱购物', amount: '50.00', state: 'final', issueNow: '50.00' });
    expect(r.stderr).toContain(`storeops: ${f}: 1 row is an exact copy of a row read before it in the file (3515313147329357903); each order counted once\n`);
    expect(r.stderr).not.toContain('which row is current cannot be told');
    expect(r.stderr).not.toContain('repeat an order already read from the same file');
    expect(r.stderr).toContain('1 file: 10 rows read = 9 accepted + 0 rejected + 1 duplicate');
    const listed = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(listed).toEqual(['file,line,orderId,keptFile,keptLine,lineId', `${f},11,="3515313147329357903",${f},4,`]);
    const zh = cli(['compensate', f, '-f', 'json', ...AS_OF, '--lang', 'zh']);
    expect(zh.stderr).toContain(`storeops: ${f}: 1 行与文件中前面的一行完全相同 (3515313147329357903), 每个订单只计一次\n`);
    // -q: a note, not said.
    const q = cli(['compensate', f, '-f', 'json', ...AS_OF, '-q']);
    expect(q.code).toBe(0);
    expect(q.stderr).not.toContain('exact copy');
  });

  it('a trailing empty cell more is the same row; a space more in a cell is not (as before: provisional, exit 1)', () => {
    const dir = tmpDir();
    const once = json(cli(['compensate', path.join(ROOT, 'examples/ExportOrderList202611.csv'), '-f', 'json', ...AS_OF]));
    const comma = repeated(dir, 'ExportOrderList202611.csv', 4, (l) => l.replace(/\r?\n$/, ',\r\n'));
    const a = cli(['compensate', comma, '-f', 'json', ...AS_OF]);
    expect(a.code).toBe(0);
    expect(json(a)).toEqual(once);
    // "2000.00" → "2000.00 " in 总金额 (the 9th cell), an amount the reader reads the same: the rows
    // still differ as text, and which one is current is not for storeops to say.
    const dir2 = tmpDir();
    const spaced = repeated(dir2, 'ExportOrderList202611.csv', 4, (l) => l.replace(',2000.00,0,2000.00,', ',2000.00,0,2000.00 ,'));
    expect(fs.readFileSync(spaced).includes(Buffer.from('2000.00 ,'))).toBe(true);
    const b = cli(['compensate', spaced, '-f', 'json', ...AS_OF]);
    expect(b.code).toBe(1);
    const w = json(b).find((v) => (v.orderIds as string[]).includes('3515313147329357903'))!;
    expect(w).toMatchObject({ amount: '50.00', state: 'provisional', issueNow: '0.00' });
    expect(b.stderr).toContain(`${spaced}: 1 row repeats an order already read from the file (3515313147329357903); the first row of each order is used, but which row is current cannot be told`);
    expect(b.stderr).toContain('1 row(s) repeat an order already read from the same file (see above)');
  });

  it('a row repeated in a second file: the overlap of two downloads, as before (the newer file used, exit 0)', () => {
    const dir = tmpDir();
    const ls = lines('ExportOrderList202611.csv');
    const a = write(dir, 'ExportOrderList202611191200.csv', Buffer.concat(ls));
    const b = write(dir, 'ExportOrderList202611201200.csv', Buffer.concat([ls[0]!, ls[2]!]));
    const r = cli(['compensate', a, b, '-f', 'json', ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`storeops: ${b} and ${a} share 1 order (3515313147329357902); the versions in the newer ${b} are used`);
    expect(r.stderr).not.toContain('exact copy');
    expect(r.stderr).toContain('2 files: 10 rows read = 9 accepted + 0 rejected + 1 duplicate');
  });

  // The item report (宝贝报表, by 子订单编号), 抖店 (by 子订单编号) and 拼多多 (by 订单号): the same.
  for (const [file, line, id, rules] of [
    ['ExportOrderDetailList202611.csv', 3, 'orders 3515313147329357902', []],
    ['douyin-orders-202611.csv', 3, 'orders ', []],
    ['pdd-orders-202611.csv', 3, '', ['--rules', path.join(ROOT, 'templates/rules/custom-example.json')]],
  ] as const) {
    it(`${file}: line ${line} written again at the end: the same vouchers and exit, a note`, () => {
      const dir = tmpDir();
      const once = cli(['compensate', path.join(ROOT, 'examples', file), '-f', 'json', ...AS_OF, ...rules]);
      const f = repeated(dir, file, line);
      const r = cli(['compensate', f, '-f', 'json', ...AS_OF, ...rules]);
      expect(r.code).toBe(once.code);
      expect(json(r)).toEqual(json(once));
      expect(r.stderr).toContain(`storeops: ${f}: 1 row is an exact copy of a row read before it in the file (${id}`);
      expect(r.stderr).not.toContain('which row is current cannot be told');
    });
  }
});
