// The csv writer's memo of fields (src/io/delimited.ts) and the json writer's rows of more than 16
// keys (src/io/output.ts jsonWriter). csv: a cell holding the value the row before held keeps its
// field, an amount the money column before it wrote (one shared Decimal) is written from that
// column's field, and the line break rides on the last field. Every expected line below is written
// out by hand from the values (fmtMoney: two places; a list joined by `;`; a field holding a comma
// or a quote quoted, its quotes doubled; a zh label for a code), not taken from a run.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../../src/io/columns.js';
import { type OutputOptions, writeRows } from '../../src/io/output.js';
import { Money } from '../../src/money.js';
import { TimeZone } from '../../src/time.js';

class Capture extends Writable {
  chunks: Buffer[] = [];
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    cb();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function opts(over: Partial<OutputOptions> = {}): OutputOptions & { stdout: Capture } {
  return { outEncoding: 'utf8', formulaEscape: true, lang: 'en', tz: new TimeZone('Asia/Shanghai'), color: false, stdout: new Capture(), format: 'csv', ...over } as OutputOptions & { stdout: Capture };
}

// A voucher row's shape in small: the last column a money column, as issueNow is.
const COLS: Column[] = [
  { key: 'buyer', zh: '买家', en: 'buyer' },
  { key: 'state', zh: '状态', en: 'state', labels: { final: '确定', provisional: '暂定' } },
  { key: 'ids', zh: '订单', en: 'ids', type: 'list' },
  { key: 'amount', zh: '金额', en: 'amount', type: 'money' },
  { key: 'toIssue', zh: '应发', en: 'toIssue', type: 'money' },
  { key: 'issueNow', zh: '现发', en: 'issueNow', type: 'money' },
];

describe('csv writer: repeated values and the last field', () => {
  it('writes every row whole when values repeat, change and move between the money columns', async () => {
    const five = new Money('5.00');
    const ten = new Money('10.5');
    const o = opts();
    const rows: Row[] = [
      // First row: every field made. 5.00 three times (one Decimal): "5.00,5.00,5.00".
      { buyer: 'a', state: 'final', ids: ['1'], amount: five, toIssue: five, issueNow: five },
      // Nothing changes but the list (a new array each row): the last field keeps its line break.
      { buyer: 'a', state: 'final', ids: ['1', '2'], amount: five, toIssue: five, issueNow: five },
      // issueNow becomes 10.50 while the others stay 5.00; the buyer needs quoting ("b,c").
      { buyer: 'b,c', state: 'provisional', ids: ['3'], amount: five, toIssue: five, issueNow: ten },
      // issueNow goes back to the Decimal the column before it holds (5.00): written from that field.
      { buyer: 'd"e', state: 'provisional', ids: ['4'], amount: ten, toIssue: five, issueNow: five },
      // The last column empty (null) after an amount; then the same null again.
      { buyer: 'f', state: 'final', ids: [], amount: ten, toIssue: ten, issueNow: null },
      { buyer: 'f', state: 'final', ids: [], amount: ten, toIssue: ten, issueNow: null },
    ];
    expect(await writeRows(o, COLS, rows)).toBe(6);
    expect(o.stdout.text()).toBe(
      [
        'buyer,state,ids,amount,toIssue,issueNow',
        'a,final,1,5.00,5.00,5.00',
        'a,final,1;2,5.00,5.00,5.00',
        '"b,c",provisional,3,5.00,5.00,10.50',
        '"d""e",provisional,4,10.50,5.00,5.00',
        'f,final,,10.50,10.50,',
        'f,final,,10.50,10.50,',
        '',
      ].join('\n'),
    );
  });

  it('shows a labelled code by its zh label, and other strings as they are', async () => {
    const o = opts({ lang: 'zh' });
    const rows: Row[] = [
      { buyer: '买家1', state: 'final', ids: ['7'], amount: '3.00', toIssue: null, issueNow: '3.00' },
      { buyer: '买家1', state: 'provisional', ids: ['7'], amount: '3.00', toIssue: null, issueNow: '3.00' },
      // A code with no label stays as it is.
      { buyer: '=1+1', state: 'other', ids: ['8'], amount: '3.00', toIssue: null, issueNow: '4.00' },
    ];
    await writeRows(o, COLS, rows);
    // zh headers; 确定/暂定 for final/provisional; money given as text is written as given; a text
    // starting with = is formula-escaped with a leading '.
    expect(o.stdout.text()).toBe(['买家,状态,订单,金额,应发,现发', '买家1,确定,7,3.00,,3.00', '买家1,暂定,7,3.00,,3.00', "'=1+1,other,8,3.00,,4.00", ''].join('\n'));
  });
});

describe('json and ndjson: rows of many columns', () => {
  // 22 columns, as a voucher row has (built key by key such an object was a dictionary from its 20th
  // key on): every key in column order, each value as cellJson gives it.
  const many: Column[] = Array.from({ length: 22 }, (_, i) => ({ key: `k${i + 1}`, zh: `列${i + 1}`, en: `k${i + 1}`, type: i === 0 ? 'money' : i === 1 ? 'list' : i === 2 ? 'hours' : 'text' }));
  const row = (j: number): Row => {
    const r: Row = { k1: new Money('7.5'), k2: ['1', '2'], k3: 2.04 + j };
    for (let i = 4; i <= 22; i++) r[`k${i}`] = i === 22 ? null : `v${i}-${j}`;
    return r;
  };
  // By hand: money as a string with two places (7.5 → "7.50"); a list as an array; hours as a number
  // to the nearest tenth (the column sets no rounding: 2.04 → 2.0, 3.04 → 3.0, written 2 and 3);
  // text as it is; null as null.
  const line = (j: number) =>
    `{"k1":"7.50","k2":["1","2"],"k3":${j === 0 ? '2' : '3'},${Array.from({ length: 18 }, (_, i) => `"k${i + 4}":"v${i + 4}-${j}"`).join(',')},"k22":null}`;
  it('ndjson: one object a line, the keys in column order', async () => {
    const o = opts({ format: 'ndjson' });
    await writeRows(o, many, [row(0), row(1)]);
    expect(o.stdout.text()).toBe(`${line(0)}\n${line(1)}\n`);
  });
  it('json: the same objects in one array', async () => {
    const o = opts({ format: 'json' });
    await writeRows(o, many, [row(0), row(1)]);
    expect(o.stdout.text()).toBe(`[\n${line(0)},\n${line(1)}\n]\n`);
  });
});
