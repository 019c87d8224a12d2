// A file whose Chinese a program garbled (read in the wrong encoding, then saved): `¶©µ¥±àºÅ` where
// 订单编号 was. Every reader used to say a required column was missing ("include the column when
// exporting, or fix the header") or "unknown export layout": the column is there, garbled, and
// exporting the same columns again would not help the file in hand. Now the error says the names are
// garbled, how, what they were (when the bytes survived), and to use the original file (exit 3).
//
// The garbled files are made here the way the programs make them, from the examples: the GBK download
// read as Latin-1 and written out as UTF-8 (LibreOffice with "Western" chosen; Excel for Mac); the
// UTF-8 table read as GBK; the GBK bytes read as UTF-8, each bad byte becoming U+FFFD.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { garbledHeader } from '../../src/cli/garbled.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

/** Text as a program shows it after reading `bytes` as Latin-1. */
const asLatin1 = (bytes: Buffer) => bytes.toString('latin1');

describe('a garbled header is told, with the names it stands for', () => {
  it('GBK read as Western: the bytes survive, the names are given back', () => {
    // 订单编号 in GBK is B6 A9 B5 A5 B1 E0 BA C5; as Latin-1 that is ¶ © µ ¥ ± à º Å.
    const header = ['订单编号', '买家会员名', '订单付款时间'].map((h) => asLatin1(iconv.encode(h, 'gbk')));
    expect(header[0]).toBe('¶©µ¥±àºÅ');
    expect(garbledHeader(header)).toEqual({ how: 'gbk-as-western', cells: ['¶©µ¥±àºÅ', 'Âò¼Ò»áÔ±Ãû', '¶©µ¥¸¶¿îÊ±¼ä'], names: ['订单编号', '买家会员名', '订单付款时间'] });
  });

  it('UTF-8 read as Western, a no-break space folded into a space on the way', () => {
    // 标 is E6 A0 87 in UTF-8: its A0, a no-break space as Latin-1, reaches the reader as a plain space.
    const header = ['商品标题', '一口价'].map((h) => asLatin1(Buffer.from(h, 'utf8')).replace(/\u00a0/g, ' '));
    expect(header[0]).toContain(' ');
    expect(garbledHeader(header)?.how).toBe('utf8-as-western');
    expect(garbledHeader(header)?.names).toEqual(['商品标题', '一口价']);
  });

  it('UTF-8 read as GBK', () => {
    // 客服 is E5 AE A2 E6 9C 8D in UTF-8: as GBK the pairs E5AE A2E6 9C8D are 瀹 ㈡ 湇.
    const header = ['客服', '备注'].map((h) => iconv.decode(Buffer.from(h, 'utf8'), 'gbk'));
    expect(header).toEqual(['瀹㈡湇', '澶囨敞']);
    expect(garbledHeader(header)).toEqual({ how: 'utf8-as-gbk', cells: ['瀹㈡湇', '澶囨敞'], names: ['客服', '备注'] });
  });

  it('U+FFFD (or 锟斤拷): the text is gone, no names are given', () => {
    expect(garbledHeader(['\uFFFD\uFFFD\uFFFD\uFFFD', 'ID'])).toEqual({ how: 'lost', cells: ['\uFFFD\uFFFD\uFFFD\uFFFD'], names: [] });
    expect(garbledHeader(['锟斤拷锟斤拷'])?.how).toBe('lost');
  });

  it('a header that is only unknown is not called garbled', () => {
    expect(garbledHeader(['name', 'value'])).toBeUndefined();
    expect(garbledHeader(['日期', '备注说明', '金额'])).toBeUndefined();
    expect(garbledHeader(['Café', 'Crème brûlée'])).toBeUndefined();
    expect(garbledHeader(['订单编号', '买家会员名'])).toBeUndefined();
    expect(garbledHeader([])).toBeUndefined();
  });
});

describe('each reader says so (exit 3, zh and en)', () => {
  const dir = tmpDir();
  /** The example's GBK bytes (the download as it is; a UTF-8 table as Windows saves it) read as Latin-1, saved as UTF-8. */
  const latin = (example: string, isGbk: boolean) => {
    const f = path.join(dir, `latin-${path.basename(example)}`);
    const raw = fs.readFileSync(path.join(EXAMPLES, example));
    const gbk = isGbk ? raw : iconv.encode(raw.toString('utf8').replace(/^\uFEFF/, ''), 'gbk');
    fs.writeFileSync(f, asLatin1(gbk), 'utf8');
    return f;
  };

  it('compensate, the GBK order export read as Western', () => {
    const f = latin('ExportOrderList202611.csv', true);
    const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // Before: "unknown export layout; columns found: ¶©µ¥±àºÅ, …" and "Pass the file as exported from the seller centre."
    expect(r.stderr).toContain(`${f}: the column names are garbled (¶©µ¥±àºÅ, Âò¼Ò»áÔ±Ãû, Âò¼Ò»áÔ±êÇ³Æ …): it is GBK-encoded Chinese that a program read as Western text (Windows-1252/Latin-1) and saved again; the columns were: 订单编号, 买家会员名, 买家会员昵称, 买家应付货款, 买家应付邮费, 买家实际支付金额 …`);
    expect(r.stderr).toContain('hint: use the original file: export the report again from the shop\'s back office (店铺后台)');
    expect(r.stderr).not.toContain('unknown export layout');
  });

  it('roster check: a UTF-8 roster with a byte-order mark, its header English, read as Western (lead, desk49\'s note)', () => {
    // The mark EF BB BF read as Latin-1 is ï » ¿, written back as UTF-8 before `agent`; 小王 (E5 B0 8F
    // E7 8E 8B) becomes å ° \u008f ç \u008e \u008b. Before: 缺少必需的列 "客服" … 找到的列: [ï*******, …]
    // (the header is English, so nothing of it read as Chinese names a column), and the file would
    // have been read with its agents garbled had the header been found.
    const f = path.join(dir, 'bom-roster.csv');
    fs.writeFileSync(f, asLatin1(Buffer.from('\uFEFFagent,2026-11-01,2026-11-02\n小王,D,N\n小李,N,D\n', 'utf8')), 'utf8');
    const r = runCli(['roster', 'check', f, '--month', '2026-11', '--lang', 'zh']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}: 列名是乱码 (ï»¿agent): 这是 UTF-8 编码的中文被当作西文 (Windows-1252/Latin-1) 读取后又保存的`);
    expect(r.stderr).toContain('提示: 请用原始文件');
    expect(r.stderr).not.toContain('缺少必需的列');
  });

  it('zhenjian estimate, in Chinese', () => {
    const f = latin('zhenjian-products.csv', false);
    const r = runCli(['zhenjian', 'estimate', f, '--lang', 'zh']);
    expect(r.code).toBe(3);
    // Before: 缺少必需的列 "一口价" … 导出时勾选该列, 或改正表头。
    expect(r.stderr).toContain(`${f}: 列名是乱码 (ÉÌÆ·ID, ÉÌÆ·±êÌâ, ÀàÄ¿ …): 这是 GBK 编码的中文被当作西文 (Windows-1252/Latin-1) 读取后又保存的; 原来的列名是: 商品ID, 商品标题, 类目, 一口价, 到手价, 成本 …`);
    expect(r.stderr).toContain('提示: 请用原始文件: 报表从店铺后台重新导出, 自己做的表用原来的文件');
    expect(r.stderr).not.toContain('缺少必需的列');
  });

  it('reviews queue, the bytes lost to U+FFFD', () => {
    const f = path.join(dir, 'fffd-reviews.csv');
    const gbk = iconv.encode(fs.readFileSync(path.join(EXAMPLES, 'reviews.csv'), 'utf8').replace(/^\uFEFF/, ''), 'gbk');
    fs.writeFileSync(f, new TextDecoder('utf-8').decode(gbk), 'utf8');
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 10:00:00']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/the column names are garbled \(\uFFFD+, .*\): a program read the file in the wrong encoding and saved it again, turning what it could not read into \uFFFD \(or 锟斤拷\): the text that was there cannot be recovered\n/);
    expect(r.stderr).not.toContain('required column');
  });

  it('one damaged column name among names that read: the missing column is still named (rev32)', () => {
    // The order export without its 订单付款时间 column and with one extra column named 备注\uFFFD (a GBK
    // byte lost): the real fault is the missing column. Before: 'the column names are garbled (备注\uFFFD):
    // … cannot be recovered', and 订单付款时间 was never named.
    const src = iconv.decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')), 'gbk');
    const rows = src.split(/\r?\n/).filter((l) => l !== '').map((l) => l.split(','));
    const at = rows[0]!.findIndex((h) => h.trim() === '订单付款时间');
    expect(at).toBeGreaterThan(0);
    for (const r of rows) r.splice(at, 1);
    rows[0]!.push('备注\uFFFD');
    for (const r of rows.slice(1)) r.push('');
    const f = path.join(dir, 'missing-and-fffd.csv');
    fs.writeFileSync(f, rows.map((r) => r.join(',')).join('\n') + '\n', 'utf8');
    const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`compensate needs columns this file does not have: "订单付款时间" (paidAt)`);
    expect(r.stderr).toContain('also, the column name(s) 备注\uFFFD hold \uFFFD');
    expect(r.stderr).not.toContain('the column names are garbled');
    expect(garbledHeader(['订单编号', '备注\uFFFD'])).toEqual({ how: 'lost', cells: ['备注\uFFFD'], names: [], partial: true });
  });

  it('a file of another kind is still named as such first', () => {
    // A garbled roster's header is ASCII (agent, dates): it is a roster, and compensate says so.
    const r = runCli(['compensate', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv')]);
    expect(r.stderr).toContain('is a shift roster, not what storeops compensate reads here');
  });
});
