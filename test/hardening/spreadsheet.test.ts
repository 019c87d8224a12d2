// Issue 9: spreadsheet safety end to end (SPEC --no-formula-escape: a text cell starting with
// = + - @ tab CR LF or a full-width form gets a leading '), long ids as text in xlsx, GBK and BOM
// csv bytes; and privacy (receiver, phone, address masked everywhere unless --show-pii).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ORDER_LAYOUTS, csvCell, taobaoCsvCell } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { expectWellBehaved, run } from './cli.js';

const H71: string[] = TAOBAO_ORDER_LAYOUTS[71];
const AS_OF = ['--as-of', '2026-11-25 10:00:00'];

// Hostile buyer nicknames and notes, one order each; every order paid 2026-11-10 09:00 and marked
// shipped 2026-11-13 10:00, 73 h later: 25 h past the 48 h window, so each buyer gets a voucher.
const HOSTILE = [
  { id: '3515313147329357901', buyer: '=HYPERLINK("http://x.example","点我")', note: '=1+1' },
  // Not a phone-number nick: one (+8613800138000) is masked as a phone now (861****8000, README
  // Privacy; test/compensation/nick-masked.test.ts), which no longer starts with +.
  { id: '3515313147329357902', buyer: '+1 小明', note: '+86 138' },
  { id: '3515313147329357903', buyer: '@SUM(A1:A9)', note: '@SUM(1)' },
  { id: '3515313147329357904', buyer: '-2+3', note: '-cmd' },
  { id: '3515313147329357905', buyer: '＝1+1', note: '＋86' }, // full-width ＝ ＋
];
const ESCAPED: Record<string, string> = Object.fromEntries(HOSTILE.flatMap((h) => [[h.buyer, `'${h.buyer}`], [h.note, `'${h.note}`]]));

const PII = { receiver: '王小明', phone: '13925130165', address: '广东省 深圳市 南山区 科技园南路88号(518057)', landline: '0755-86001234', newAddress: '广东省 深圳市 福田区 福华路99号(518000)' };
const MASKED = { receiver: '王**', phone: '139****0165', address: '广东省 深圳市 ****' };
const RAW_PII = ['王小明', '13925130165', '科技园南路', '86001234', '福华路'];

let dir: string;
let exportFile: string;
beforeAll(() => {
  dir = tmpDir('storeops-sheet-');
  exportFile = path.join(dir, 'ExportOrderList202611.csv');
  const row = (h: (typeof HOSTILE)[number], over: Record<string, string> = {}) => {
    const v: Record<string, string> = {
      订单编号: h.id, 主订单编号: h.id, 买家会员名: h.buyer, 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00',
      订单状态: '交易成功', 收货人姓名: PII.receiver, 收货地址: PII.address, 联系手机: `'${PII.phone}`, 联系电话: PII.landline,
      修改后的收货地址: PII.newAddress, 订单创建时间: '2026-11-10 08:58:12', 订单付款时间: '2026-11-10 09:00:00',
      发货时间: '2026-11-13 10:00:00', 宝贝标题: '加厚羊毛围巾', 宝贝总数量: '1', 订单备注: h.note, 订单关闭原因: '订单未关闭', ...over,
    };
    return H71.map((c) => taobaoCsvCell(c, v[c] ?? '')).join(',');
  };
  // Line 7: the same buyer data, rejected for its payment time (the rejects must not show PII).
  const bad = row({ id: '3515313147329357906', buyer: '小红', note: '' }, { 订单付款时间: '昨天' });
  fs.writeFileSync(exportFile, [H71.map(csvCell).join(','), ...HOSTILE.map((h) => row(h)), bad].join('\r\n') + '\r\n');
});

/** Parse a csv/tsv we wrote (RFC 4180 quoting) into rows of cells. */
function parseDelimited(text: string, d: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === d) row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}
const byHeader = (rows: string[][], h: string) => rows.slice(1).map((r) => r[rows[0]!.indexOf(h)]!);

describe('formula escaping, end to end', () => {
  it('orders normalize -o x.csv: UTF-8 with BOM; buyers and notes escaped, ids and amounts untouched', async () => {
    const out = path.join(dir, 'orders.csv');
    const r = await run(['orders', 'normalize', exportFile, '-o', out]);
    expectWellBehaved(r, dir);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseDelimited(bytes.subarray(3).toString('utf8'), ',');
    expect(byHeader(rows, 'buyer')).toEqual(HOSTILE.map((h) => ESCAPED[h.buyer]));
    expect(byHeader(rows, 'sellerNote')).toEqual(HOSTILE.map((h) => ESCAPED[h.note]));
    // A file for a spreadsheet (BOM): ids written as the seller centre does, ="…", so Excel and
    // LibreOffice keep all 19 digits as text (a bare id opens as 3.51531314732936E+18).
    const text = bytes.subarray(3).toString('utf8');
    for (const h of HOSTILE) expect(text).toContain(`,="${h.id}",="${h.id}",`); // orderId, parentOrderId
    expect(text).not.toMatch(/,3515313147329357\d{3}[,;\n]/);
    expect(byHeader(rows, 'paidAmount')).toEqual(HOSTILE.map(() => '100.00'));
    // The raw bytes of the first buyer: quoted because of the comma and quotes, apostrophe inside.
    expect(bytes.toString('utf8')).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
  });

  it('orders normalize -f tsv on stdout: no BOM, escaped the same way', async () => {
    const r = await run(['orders', 'normalize', exportFile, '-f', 'tsv']);
    expect(r.stdoutBytes[0]).not.toBe(0xef);
    const rows = parseDelimited(r.stdout, '\t');
    expect(byHeader(rows, 'buyer')).toEqual(HOSTILE.map((h) => ESCAPED[h.buyer]));
  });

  it('--no-formula-escape writes them as they are', async () => {
    const r = await run(['orders', 'normalize', exportFile, '-f', 'csv', '--no-formula-escape']);
    expect(byHeader(parseDelimited(r.stdout, ','), 'buyer')).toEqual(HOSTILE.map((h) => h.buyer));
  });

  it('orders normalize -o x.xlsx: text cells as they are (a string cell never runs); 19-digit ids are text cells, amounts numbers', async () => {
    const out = path.join(dir, 'orders.xlsx');
    const r = await run(['orders', 'normalize', exportFile, '-o', out]);
    expectWellBehaved(r, dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const heads = (ws.getRow(1).values as string[]).slice(1);
    const col = (h: string) => heads.indexOf(h) + 1;
    for (let i = 0; i < HOSTILE.length; i++) {
      const row = ws.getRow(i + 2);
      // Issue 16: xlsx text cells get no visible ' (csv/tsv keep the escaping).
      expect(row.getCell(col('buyer')).value).toBe(HOSTILE[i]!.buyer);
      expect(row.getCell(col('buyer')).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(col('sellerNote')).value).toBe(HOSTILE[i]!.note);
      const id = row.getCell(col('orderId'));
      expect(id.type).toBe(ExcelJS.ValueType.String);
      expect(id.value).toBe(HOSTILE[i]!.id);
      expect(row.getCell(col('paidAmount')).value).toBe(100);
    }
  });

  it('compensate: the buyer column is escaped in csv; plain text cells in xlsx', async () => {
    const out = path.join(dir, 'vouchers.csv');
    const r = await run(['compensate', exportFile, ...AS_OF, '-o', out]);
    expectWellBehaved(r, dir);
    expect(r.code).toBe(1); // line 7 rejected
    const rows = parseDelimited(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), ',');
    // One voucher per buyer, all opened at 09:00 on the same day: sorted by buyer (code points).
    expect(byHeader(rows, 'buyer').sort()).toEqual(HOSTILE.map((h) => ESCAPED[h.buyer]).sort());
    // Paid in November 2026: tmall-2026 (RULES 1.3a), 5 % of 100.00 = 5.00, at least 5.00 (RULES 1.3)
    expect(byHeader(rows, 'amount')).toEqual(HOSTILE.map(() => '5.00'));
    const x = path.join(dir, 'vouchers.xlsx');
    await run(['compensate', exportFile, ...AS_OF, '-o', x]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x);
    const ws = wb.worksheets[0]!;
    const heads = (ws.getRow(1).values as string[]).slice(1);
    const buyers = HOSTILE.map((_, i) => ws.getRow(i + 2).getCell(heads.indexOf('buyer') + 1).value as string);
    expect(buyers.sort()).toEqual(HOSTILE.map((h) => h.buyer).sort());
    for (let i = 0; i < HOSTILE.length; i++) expect(ws.getRow(i + 2).getCell(heads.indexOf('buyer') + 1).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('encodings of csv written for Excel/WPS', () => {
  it('--out-encoding gbk: GBK bytes, no BOM, Chinese headers and text readable in GBK', async () => {
    const out = path.join(dir, 'orders-gbk.csv');
    const r = await run(['orders', 'normalize', exportFile, '-o', out, '--out-encoding', 'gbk', '--lang', 'zh']);
    expectWellBehaved(r, dir);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    // Not UTF-8: GBK 加 is B C 0 D 3 (two bytes), UTF-8 is three.
    expect(bytes.includes(iconv.encode('加厚羊毛围巾', 'gbk'))).toBe(true);
    expect(bytes.includes(Buffer.from('加厚羊毛围巾'))).toBe(false);
    const text = iconv.decode(bytes, 'gbk');
    const rows = parseDelimited(text, ',');
    expect(rows[0]).toContain('订单编号');
    expect(byHeader(rows, '买家')).toEqual(HOSTILE.map((h) => ESCAPED[h.buyer]));
  });

  it('-o x.csv: a UTF-8 BOM; --no-bom drops it', async () => {
    const a = path.join(dir, 'bom.csv');
    const b = path.join(dir, 'nobom.csv');
    await run(['orders', 'normalize', exportFile, '-o', a, '--lang', 'zh']);
    await run(['orders', 'normalize', exportFile, '-o', b, '--lang', 'zh', '--no-bom']);
    const ba = fs.readFileSync(a);
    const bb = fs.readFileSync(b);
    expect([...ba.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(ba.subarray(3, 3 + Buffer.byteLength('平台')).toString('utf8')).toBe('平台');
    // Without a BOM the file is plain UTF-8 for programs: ids bare; otherwise the same bytes.
    expect(ba.subarray(3).toString('utf8').replace(/="(\d+)"/g, '$1')).toBe(bb.toString('utf8'));
    expect(bb.toString('utf8')).not.toContain('="');
  });
});

describe('privacy: receiver, phone and address masked everywhere by default', () => {
  const noRaw = (text: string) => {
    for (const raw of RAW_PII) expect(text).not.toContain(raw);
  };

  for (const fmt of ['csv', 'tsv', 'json', 'ndjson', 'table']) {
    it(`orders normalize -f ${fmt}: masked, and nothing raw on stdout or stderr`, async () => {
      // The table's short view leaves the personal columns out; --wide shows every column, masked.
      const r = await run(['orders', 'normalize', exportFile, '-f', fmt, ...(fmt === 'table' ? ['--wide'] : [])]);
      expect(r.stdout).toContain(MASKED.phone);
      expect(r.stdout).toContain(MASKED.receiver);
      expect(r.stdout).toContain(MASKED.address);
      noRaw(r.stdout + r.stderr);
      if (fmt === 'table') {
        const short = await run(['orders', 'normalize', exportFile, '-f', fmt]);
        noRaw(short.stdout + short.stderr);
      }
    });
  }

  it('json extra: unmapped personal columns (联系电话, 修改后的收货地址) masked too', async () => {
    const r = await run(['orders', 'normalize', exportFile, '-f', 'json']);
    const [o] = JSON.parse(r.stdout) as { extra: Record<string, string> }[];
    // 0755-86001234 has 11 digits: first 3 and last 4 kept.
    expect(o!.extra['联系电话']).toBe('075****1234');
    expect(o!.extra['修改后的收货地址']).toBe('广东省 深圳市 ****');
  });

  it('xlsx, inspect, --rejects and the rejection message: nothing raw', async () => {
    const x = path.join(dir, 'pii.xlsx');
    const rej = path.join(dir, 'pii-rejects.csv');
    const r = await run(['orders', 'normalize', exportFile, '-o', x, '--rejects', rej]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(':7 [订单付款时间]: "昨天" is not a valid time');
    noRaw(r.stderr);
    noRaw(fs.readFileSync(rej, 'utf8'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain(MASKED.phone);
    noRaw(cells.join('\n'));
    const i = await run(['orders', 'inspect', exportFile, '-f', 'json']);
    noRaw(i.stdout + i.stderr);
    const c = await run(['compensate', exportFile, ...AS_OF, '--by', 'order', '-f', 'json']);
    noRaw(c.stdout + c.stderr);
  });

  it('--show-pii shows them', async () => {
    const r = await run(['orders', 'normalize', exportFile, '-f', 'json', '--show-pii']);
    const [o] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(o).toMatchObject({ receiver: PII.receiver, phone: PII.phone, address: PII.address });
  });
});
