// Reading: container and encoding sniffing, decoding, records with line numbers, cell clean-up
// (FORMATS "Container and encoding — detect, never assume", "Cell clean-up").
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkOrderId, cleanCell, cleanHeader, cleanTracking } from '../../src/io/cells.js';
import { firstBadUtf8, readRecords } from '../../src/io/records.js';
import { isUtf8Prefix, openSource } from '../../src/io/source.js';
import { mapHeader } from '../../src/io/table.js';
import { tmpDir } from '../helpers.js';

const noStdin = Readable.from([]);

function fileWith(name: string, bytes: Buffer | string): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, bytes);
  return f;
}

async function records(bytes: Buffer | string, encoding?: string) {
  const s = await openSource(fileWith('x.csv', bytes), noStdin, encoding);
  const out = [];
  for await (const r of readRecords(s)) out.push(r);
  return { sniffed: s, out };
}

describe('cell clean-up', () => {
  it.each([
    ['="3515313147329357901"', '3515313147329357901'], // Taobao id formula
    ['=""', ''], // empty formula cell
    ["'13925130165", '13925130165'], // Taobao phone apostrophe
    ['\t6917926768823643751', '6917926768823643751'], // 抖店 tab prefix
    ['  1.00\t', '1.00'], // PDD stray tabs/spaces
    ['null', ''],
    ['NULL', ''],
    ['nullable', 'nullable'],
    ['0元', '0元'], // 元 is the money parser's business
    ['\u3000买家', '买家'], // ideographic space
    // A no-break space (U+00A0, left by a copy through a web page or Excel), ideographic space or BOM
    // at either end is trimmed like a space, and the ="…" or ' wrapping inside it is then undone.
    ['\u00a02026-11-10 09:00:00', '2026-11-10 09:00:00'],
    ['2026-11-10 09:00:00\u00a0', '2026-11-10 09:00:00'],
    ['\u00a03515313147329357901\u00a0', '3515313147329357901'],
    ['买家\u3000', '买家'],
    ['\ufeff3515313147329357901', '3515313147329357901'],
    ['\u00a0="3515313147329357901"', '3515313147329357901'],
    ['\u00a0null', ''],
    ['\u00a0\t 12.50 \u3000', '12.50'],
    ['小\u00a0明', '小\u00a0明'], // inside: kept
  ])('%j → %j', (raw, clean) => {
    expect(cleanCell(raw)).toBe(clean);
  });

  it('headers: trailing spaces and BOM removed, inner whitespace collapsed', () => {
    expect(cleanHeader('收货地址 ')).toBe('收货地址');
    expect(cleanHeader('\uFEFF订单编号')).toBe('订单编号');
    expect(cleanHeader('商品总价 (元)')).toBe('商品总价 (元)');
    expect(cleanHeader('a \t b')).toBe('a b');
  });

  it('tracking numbers lose No:', () => {
    expect(cleanTracking('No:773012345678901')).toBe('773012345678901');
    expect(cleanTracking('NO：SF1400000008')).toBe('SF1400000008');
    expect(cleanTracking('YT8800001')).toBe('YT8800001');
    // Any case of "no", then an ASCII or full-width colon; nothing else is cut.
    expect(cleanTracking('nO: SF1')).toBe('SF1');
    expect(cleanTracking('No;773')).toBe('No;773');
    expect(cleanTracking('Nx:773')).toBe('Nx:773');
    expect(cleanTracking('No')).toBe('No');
    expect(cleanTracking('')).toBe('');
  });

  it('order ids: digits or PDD yymmdd-digits; scientific notation is an id Excel rounded', () => {
    expect(checkOrderId('3515313147329357901')).toBe('ok');
    expect(checkOrderId('261110-313147329357901')).toBe('ok');
    expect(checkOrderId('3.51531E+18')).toBe('excel-rounded');
    expect(checkOrderId('3.5153E+16')).toBe('excel-rounded');
    expect(checkOrderId('3515313147329357901.0')).toBe('not-an-id');
    expect(checkOrderId('')).toBe('empty');
  });

  it('header mapping goes by trimmed name through aliases, whatever the position', () => {
    const m = mapHeader(['x', '订单付款时间 ', '订单编号'], [
      { key: 'orderId', aliases: ['订单编号'], required: true },
      { key: 'paidAt', aliases: ['支付时间', '订单付款时间'] },
    ]);
    expect(m.index.get('orderId')).toBe(2);
    expect(m.index.get('paidAt')).toBe(1);
    expect(m.unmapped).toEqual(['x']);
  });

  it('header mapping: BOM, spaces and case cleaned, a mapped name given twice a twin, the rest unmapped', () => {
    // Each header cleaned once (twenty-fourth round, issue 21): BOM and spaces off, then compared in
    // lower case. By hand: cleaned '订单编号','订单状态','Extra','订单状态','','extra'; orderId → 0,
    // status → 1 (its first column); column 3 is status's twin (same name); 'Extra' and 'extra' are
    // mapped by no field, so both unmapped (not twins: neither is mapped); the empty one is neither.
    const m = mapHeader(['\uFEFF订单编号', '订单状态', 'Extra ', '订单状态 ', '', 'extra'], [
      { key: 'orderId', aliases: ['订单编号'], required: true },
      { key: 'status', aliases: ['订单状态'] },
    ]);
    expect([...m.index]).toEqual([['orderId', 0], ['status', 1]]);
    expect([...m.twins]).toEqual([['status', [3]]]);
    expect(m.unmapped).toEqual(['Extra', 'extra']);
    expect(m.headers).toEqual(['订单编号', '订单状态', 'Extra', '订单状态', '', 'extra']);
  });
});

describe('sniffing', () => {
  const HEAD = '订单编号,订单状态\r\n="1234567890123456",交易成功\r\n';

  it('UTF-8 with BOM, without BOM, GBK, xlsx', async () => {
    const bom = await openSource(fileWith('a.csv', '\uFEFF' + HEAD), noStdin);
    expect([bom.encoding, bom.encodingNote, bom.skip]).toEqual(['utf8', 'bom', 3]);
    const plain = await openSource(fileWith('b.csv', HEAD), noStdin);
    expect([plain.encoding, plain.encodingNote]).toEqual(['utf8', 'valid-utf8']);
    const gbk = await openSource(fileWith('c.csv', iconv.encode(HEAD, 'gbk')), noStdin);
    expect([gbk.encoding, gbk.encodingNote]).toEqual(['gb18030', 'not-utf8']);
    const flag = await openSource(fileWith('d.csv', HEAD), noStdin, 'GBK');
    expect([flag.encoding, flag.encodingNote]).toEqual(['gb18030', 'flag']);
    const x = await openSource(fileWith('e.xlsx', Buffer.from('PK\x03\x04rest')), noStdin);
    expect(x.container).toBe('xlsx');
  });

  it('an unknown --encoding is an input error naming it', async () => {
    await expect(openSource(fileWith('a.csv', HEAD), noStdin, 'latin9')).rejects.toThrow('unsupported input encoding "latin9"');
  });

  it('a missing file is exit 3 naming it', async () => {
    await expect(openSource('/no/such/ExportOrderList.csv', noStdin)).rejects.toMatchObject({ exitCode: 3, message: 'file not found: /no/such/ExportOrderList.csv' });
  });

  it('isUtf8Prefix allows a character cut at the end of the sniffed prefix only', () => {
    const b = Buffer.from('订单', 'utf8'); // 6 bytes
    expect(isUtf8Prefix(b, true)).toBe(true);
    expect(isUtf8Prefix(b.subarray(0, 5), false)).toBe(true);
    expect(isUtf8Prefix(b.subarray(0, 5), true)).toBe(false);
    expect(isUtf8Prefix(iconv.encode('订单', 'gbk'), true)).toBe(false);
  });

  it('isUtf8Prefix after a long valid prefix (checked natively up to its last character): the same verdicts as byte by byte', () => {
    const text = Buffer.from('订单编号,买家会员名\n'.repeat(2000), 'utf8');
    const smile = Buffer.from('😀', 'utf8'); // F0 9F 98 80
    // Whole: valid. Cut after 1, 2 or 3 of its 4 bytes: valid only while more input may follow.
    expect(isUtf8Prefix(Buffer.concat([text, smile]), true)).toBe(true);
    for (let k = 1; k < 4; k++) {
      const cut = Buffer.concat([text, smile.subarray(0, k)]);
      expect(isUtf8Prefix(cut, false)).toBe(true);
      expect(isUtf8Prefix(cut, true)).toBe(false);
    }
    // A surrogate (ED A0 80) has the shape of a three-byte character: the sniff takes the file as
    // UTF-8 (the reader then names its line as bad), though the native check refuses it.
    const surrogate = Buffer.concat([text, Buffer.from([0xed, 0xa0, 0x80]), text]);
    expect(isUtf8(surrogate)).toBe(false);
    expect(isUtf8Prefix(surrogate, true)).toBe(true);
    // A continuation byte with no lead, or a lead byte F5 that UTF-8 never has: not UTF-8.
    expect(isUtf8Prefix(Buffer.concat([text, Buffer.from([0x80])]), false)).toBe(false);
    expect(isUtf8Prefix(Buffer.concat([text, Buffer.from([0xf5, 0x80, 0x80, 0x80])]), false)).toBe(false);
    // Five continuation bytes after a valid text: the last character is not whole, whatever follows.
    expect(isUtf8Prefix(Buffer.concat([text, Buffer.from([0xe8, 0x80, 0x80, 0x80, 0x80])]), false)).toBe(false);
  });

  it('firstBadUtf8 finds the exact byte; continuation bytes at a chunk start are bad (a cut character is carried over whole)', () => {
    const ok = Buffer.from('a订b\n', 'utf8');
    expect(firstBadUtf8(ok)).toBe(ok.length);
    const bad = Buffer.concat([Buffer.from('ab\n', 'utf8'), iconv.encode('订', 'gbk')]);
    expect(firstBadUtf8(bad)).toBe(3);
    // '订' is E8 AE A2: its last two bytes without the first are bad from byte 0 (decode() never
    // starts a chunk inside a character; before, they were skipped and the error named a later line).
    expect(firstBadUtf8(Buffer.from([0xae, 0xa2, 0x41]))).toBe(0);
    // What the native check refuses too: a surrogate (ED A0 80), an overlong '/' (E0 80 AF, F0 80 80 AF),
    // past U+10FFFF (F4 90 80 80); each after "a\n", so at offset 2.
    for (const seq of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0xaf], [0xf0, 0x80, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80]]) {
      const b = Buffer.from([0x61, 0x0a, ...seq, 0x0a]);
      expect(isUtf8(b)).toBe(false);
      expect(firstBadUtf8(b)).toBe(2);
    }
  });
});

describe('records with line numbers', () => {
  it('a quoted cell over two lines: the next record starts on the right line; blank lines skipped', async () => {
    const { out } = await records('a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n');
    expect(out.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\r\ny']],
      [5, ['2', 'z']],
    ]);
  });

  it('CRLF inside a quoted cell is one line break (Taobao notes over several lines)', async () => {
    // lines: 1 a,b · 2 1,"x · 3 (empty inside the quote) · 4 y" · 5 2,z
    const { out } = await records('a,b\r\n1,"x\r\n\r\ny"\r\n2,z\r\n');
    expect(out.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('unquoted ="…" formulas are read (relax_quotes)', async () => {
    const { out } = await records('订单编号,x\n="3515313147329357901",1\n');
    expect(out[1]!.cells).toEqual(['="3515313147329357901"', '1']);
  });

  it('tab-separated files are detected from the header', async () => {
    const { out } = await records('订单号\t订单状态\n261110-1\t已收货\n');
    expect(out[1]!.cells).toEqual(['261110-1', '已收货']);
  });

  it('tabs inside quoted cells (抖店 writes "\\t…") do not make a comma file tab-separated', async () => {
    // Header: 3 quoted cells each holding a tab, 2 commas between them: counted outside the
    // quotes, 0 tabs and 2 commas.
    const { out } = await records('"\t主订单编号","\t子订单编号","\t订单状态"\n"\t6917926768823643751","\t6917926768823643752","已完成"\n');
    expect(out[0]!.cells).toHaveLength(3);
    expect(out[1]!.cells).toHaveLength(3);
  });

  it('GBK is decoded', async () => {
    const { out } = await records(iconv.encode('订单编号,宝贝标题\r\n1,加厚羊毛围巾 灰色\r\n', 'gbk'));
    expect(out[1]!.cells).toEqual(['1', '加厚羊毛围巾 灰色']);
  });

  it('a quote never closed: one problem record at the line where it opened', async () => {
    const { out } = await records('a,b\n1,ok\n2,"open\n3,x\n4,y\n');
    expect(out.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(out[2]!.problem?.en).toBe('a quote opened at line 3 is never closed before the end of the file (line 5); those lines cannot be read');
  });

  it('invalid UTF-8 after a long valid prefix (past the sniffed 256 KiB): exit 3 naming the exact line', async () => {
    const good = '订单编号,宝贝标题\n' + '="1234567890123456",加厚羊毛围巾 灰色\n'.repeat(8000); // 8001 lines, ~370 KB
    const bytes = Buffer.concat([Buffer.from(good, 'utf8'), iconv.encode('="1234567890123457",羊毛袜\n', 'gbk'), Buffer.from('="1",x\n')]);
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    const s = await openSource(fileWith('x.csv', bytes), noStdin);
    expect(s.encoding).toBe('utf8');
    const err = await (async () => {
      try {
        for await (const _ of readRecords(s)) void _;
      } catch (e) {
        return e as { exitCode: number; message: string };
      }
    })();
    expect(err?.exitCode).toBe(3);
    expect(err?.message).toMatch(/x\.csv:8002: bytes that are not valid utf8$/);
  });

  it('a UTF-8 header with GBK rows (mixed encodings, small file): read as UTF-8, fails at the GBK line', async () => {
    const bytes = Buffer.concat([Buffer.from('订单编号,宝贝标题\n1,围巾\n', 'utf8'), iconv.encode('2,羊毛袜\n', 'gbk')]);
    const s = await openSource(fileWith('x.csv', bytes), noStdin);
    expect(s.encoding).toBe('utf8');
    await expect(
      (async () => {
        for await (const _ of readRecords(s)) void _;
      })(),
    ).rejects.toThrow(/x\.csv:3: bytes that are not valid utf8/);
  });
});
