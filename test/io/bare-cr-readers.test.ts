// desk40: csv files whose line ends are bare CRs (old Mac tools, some editors and converters turn
// CRLF into CR), in UTF-8, UTF-8 with BOM and GBK, read by every reader as the same file with LF
// line ends, with the line numbers an editor shows (each CR, LF and CRLF ends one line). A file
// whose first two lines end in CRLF and whose later lines end in a bare CR ("crtail": rows appended
// by another tool, a converter that stopped half way) was read with every row after the switch
// merged into one record: `x.csv:2: this row has 631 cells but the header has 71`, no order used
// (exit 3; fails before the fix). A file of bare CRs from its first line on was read, but a CR
// inside a quoted cell (a buyer message over two lines) was not counted as a line, so every later
// row was named one line too high (`x.csv:5` for the row on line 6; fails before the fix).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { exampleLines } from '../hardening/hostile.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

type Enc = 'utf8' | 'bom' | 'gbk';
type Ends = 'lf' | 'cr' | 'crtail';

function encode(text: string, enc: Enc): Buffer {
  if (enc === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from((enc === 'bom' ? '\uFEFF' : '') + text, 'utf8');
}

/** `text`'s line breaks (LF, CRLF or CR, inside quoted cells too) made `ends`: crtail = CRLF for the first two, then CR. */
function withEnds(text: string, ends: Ends): string {
  let k = 0;
  return text.replace(/\r\n|\r|\n/g, () => (ends === 'lf' ? '\n' : ends === 'cr' ? '\r' : k++ < 2 ? '\r\n' : '\r'));
}

/** An example file (GBK or UTF-8, BOM or not) as text. */
function exampleText(name: string): string {
  const b = fs.readFileSync(path.join(EXAMPLES, name));
  let t: string;
  try {
    t = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    t = iconv.decode(b, 'gbk');
  }
  return t.replace(/^\uFEFF/, '');
}

describe('bare CR line ends: an order export with a two-line buyer message and a bad amount', () => {
  // The example 订单报表: header on line 1, 9 rows. Row 2's 买家留言 (column 14) is "第一行⏎第二行",
  // quoted, so that row spans lines 3–4; row 4's 买家实际支付金额 (column 11) is "abc". Lines: row 1
  // on 2, row 2 on 3–4, row 3 on 5, row 4 on 6 (rejected), rows 5–9 on 7–11.
  const lines = exampleLines();
  const set = (i: number, col: number, v: string) => {
    const c = lines[i]!.split(',');
    c[col] = v;
    lines[i] = c.join(',');
  };
  set(2, 13, '"第一行\n第二行"');
  set(4, 10, 'abc');
  const text = lines.join('\n') + '\n';

  for (const enc of ['utf8', 'bom', 'gbk'] as const) {
    for (const ends of ['cr', 'crtail'] as const) {
      it(`${enc}, ${ends}: the rejected row is line 6, the message keeps its line break in its cell, 8 orders on lines 2, 3, 5, 7–11`, () => {
        const dir = tmpDir();
        const f = path.join(dir, `orders-${enc}-${ends}.csv`);
        fs.writeFileSync(f, encode(withEnds(text, ends), enc));
        const r = runCli(['orders', 'normalize', f, '-f', 'json', '--lang', 'en']);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`${f}:6 [买家实际支付金额]: "abc" is not a valid amount`);
        expect(r.stderr).toContain('9 rows read: 8 accepted, 1 rejected, 0 duplicates; wrote 8 orders');
        const orders = JSON.parse(r.stdout) as { sourceLine: number; orderId: string; extra: Record<string, string> }[];
        expect(orders.map((o) => o.sourceLine)).toEqual([2, 3, 5, 7, 8, 9, 10, 11]);
        // The line break inside the quotes is the file's own (CR here): it stays in its cell.
        expect(orders[1]!.orderId).toBe('3515313147329357902');
        expect(orders[1]!.extra['买家留言']).toBe('第一行\r第二行');
      });
    }
  }
});

describe('bare CR line ends: every reader reads the file as it reads the same file with LF ends', () => {
  // Each command on the example files with LF ends, then with CR and crtail ends: the same stdout
  // (the file names aside), stderr and exit code. The examples' own contents are the expected
  // values (test/cli and the README work them out); here only the line ends differ.
  const FILES = [
    'ExportOrderList202611.csv',
    'ExportOrderDetailList202611.csv',
    'pdd-orders-202611.csv',
    'reviews.csv',
    'shipments.csv',
    'delivery-failures.csv',
    'zhenjian-products.csv',
    'zhenjian-labels.csv',
    'roster/roster-2026-11.csv',
    'roster/demand.csv',
    'roster/requests.csv',
  ];
  const COMMANDS: ((d: string) => string[])[] = [
    (d) => ['compensate', `${d}/ExportOrderList202611.csv`, `${d}/ExportOrderDetailList202611.csv`, '--as-of', '2026-11-20T12:00:00', '-f', 'json'],
    (d) => ['compensate', `${d}/ExportOrderList202611.csv`, '--as-of', '2026-11-20T12:00:00', '--shipments', `${d}/shipments.csv`, '--delivery-failures', `${d}/delivery-failures.csv`, '-f', 'json'],
    // A list read for its 订单编号 column (here another export's ids: none matches, each named).
    (d) => ['compensate', `${d}/ExportOrderList202611.csv`, '--as-of', '2026-11-20T12:00:00', '--exclude', `${d}/pdd-orders-202611.csv`, '-f', 'json'],
    (d) => ['reviews', 'queue', `${d}/reviews.csv`, '--orders', `${d}/ExportOrderList202611.csv`, '--as-of', '2026-11-20T12:00:00', '-f', 'json'],
    (d) => ['zhenjian', 'estimate', `${d}/zhenjian-products.csv`, '--avg-order', '150', '--balance', '5000', '--labels', `${d}/zhenjian-labels.csv`, '--as-of', '2026-11-20T11:00', '-f', 'json'],
    (d) => ['roster', 'check', `${d}/roster/roster-2026-11.csv`, '--demand', `${d}/roster/demand.csv`, '--requests', `${d}/roster/requests.csv`, '-f', 'json'],
  ];
  for (const enc of ['utf8', 'bom', 'gbk'] as const) {
    it(`${enc}: compensate (--shipments, --delivery-failures, --exclude), reviews queue, zhenjian estimate (--labels), roster check`, () => {
      const root = tmpDir();
      const dirs = Object.fromEntries(
        (['lf', 'cr', 'crtail'] as const).map((ends) => {
          const d = path.join(root, ends);
          for (const name of FILES) {
            fs.mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
            fs.writeFileSync(path.join(d, name), encode(withEnds(exampleText(name), ends), enc));
          }
          return [ends, d];
        }),
      ) as Record<Ends, string>;
      for (const command of COMMANDS) {
        const want = runCli([...command(dirs.lf), '--lang', 'en']);
        // The examples read cleanly: exit 0, or 1 where the command reports something to do.
        expect(want.code === 0 || want.code === 1, `${command(dirs.lf).join(' ')}\n${want.stderr}`).toBe(true);
        for (const ends of ['cr', 'crtail'] as const) {
          const got = runCli([...command(dirs[ends]), '--lang', 'en']);
          const same = (s: string) => s.replaceAll(dirs[ends], dirs.lf);
          const what = `${enc} ${ends}: ${command(dirs[ends]).join(' ')}`;
          expect(got.code, what).toBe(want.code);
          expect(same(got.stderr), what).toBe(want.stderr);
          expect(same(got.stdout), what).toBe(want.stdout);
        }
      }
    });
  }
});
