// Headers LibreOffice garbled, in files LibreOffice made (test/fixtures/desk/make-garbled.sh): a csv
// opened with Western Europe (Windows-1252) picked, then saved as xlsx or csv. A UTF-8 header so read
// holds two kinds of character the garbled-header check did not take back to bytes:
//   - Windows-1252's own signs for bytes 0x80–0x9F (• for 0x95, – for 0x96, — for 0x97 …): the table was
//     built with Node's TextDecoder('windows-1252'), which in Node 20 decodes Latin-1 (0x95 → U+0095);
//   - LibreOffice's U+F181 … U+F19D for the five bytes Windows-1252 leaves undefined (81 8D 8F 90 9D).
// 单 is E5 8D 95 in UTF-8: å, U+F18D, •. So 订单编号 (E8 AE A2 E5 8D 95 E7 BC 96 E5 8F B7) was
// è ® ¢ å U+F18D • ç ¼ – å U+F18F ·, and the readers said a column was missing (揽收时间, agent) or
// the 抖店 export's layout unknown, where a GBK file read as Latin-1 (every byte one Latin-1 letter)
// was already told garbled. ExportOrderList-lo-latin1.xlsx is that case, kept as a guard.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { garbledHeader } from '../../src/cli/garbled.js';
import { FIXTURES, runCli } from '../helpers.js';

const D = path.join(FIXTURES, 'desk');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

describe('headers LibreOffice garbled reading UTF-8 as Windows-1252', () => {
  it('garbledHeader takes • – — and U+F18D, U+F18F back to their bytes', () => {
    // 订单编号, as above; 揽收时间 (E6 8F BD E6 94 B6 E6 97 B6 E9 97 B4): æ U+F18F ½ æ ” ¶ æ — ¶ é — ´.
    const header = ['è®¢å\uf18d•ç¼–å\uf18f·', 'æ\uf18f½æ”¶æ—¶é—´'];
    expect(garbledHeader(header)).toEqual({ how: 'utf8-as-western', cells: header, names: ['订单编号', '揽收时间'] });
    // Without the private-use characters (Excel's and the WHATWG decoder's U+008D, U+008F): the same.
    expect(garbledHeader(header.map((h) => h.replace(/[\uf180-\uf19f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf100))))?.names).toEqual(['订单编号', '揽收时间']);
  });

  it('a 抖店 export saved as xlsx: garbled, not an unknown layout (exit 3)', () => {
    const r = runCli(['compensate', path.join(D, 'douyin-orders-lo-cp1252.xlsx'), ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('unknown export layout');
    expect(r.stderr).toContain('the column names are garbled (');
    expect(r.stderr).toContain('it is UTF-8-encoded Chinese that a program read as Western text (Windows-1252/Latin-1) and saved again; the columns were: 主订单编号, 子订单编号, 选购商品, 商品规格, 商品数量, 商品ID …');
    const zh = runCli(['compensate', path.join(D, 'douyin-orders-lo-cp1252.xlsx'), ...AS_OF, '--lang', 'zh']);
    expect(zh.stderr).toContain('这是 UTF-8 编码的中文被当作西文 (Windows-1252/Latin-1) 读取后又保存的; 原来的列名是: 主订单编号, 子订单编号');
  });

  it('--shipments as xlsx: garbled, not "required column 揽收时间 is missing"', () => {
    const r = runCli(['compensate', path.join(FIXTURES, '..', '..', 'examples', 'ExportOrderList202611.csv'), '--shipments', path.join(D, 'shipments-lo-cp1252.xlsx'), ...AS_OF, '--lang', 'zh']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('缺少');
    expect(r.stderr).toContain('原来的列名是: 订单编号, 揽收时间');
  });

  it('an agent list as xlsx (roster plan --agents): garbled, not "required column agent is missing"', () => {
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', path.join(D, 'agents-lo-cp1252.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('is missing');
    expect(r.stderr).toContain('the columns were: 客服, 备注');
  });

  it('a review table saved as csv: the same', () => {
    const r = runCli(['reviews', 'queue', path.join(D, 'reviews-lo-cp1252.csv'), ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the columns were: 订单编号, 买家会员名, 宝贝标题, 评价结果, 评价时间, 评价内容 …');
  });

  it('a GBK 订单报表 read as Latin-1 and saved as xlsx: told as before (a guard)', () => {
    const r = runCli(['orders', 'inspect', path.join(D, 'ExportOrderList-lo-latin1.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(3);
    // 订单编号 in GBK is B6 A9 B5 A5 B1 E0 BA C5: ¶ © µ ¥ ± à º Å as Latin-1.
    expect(r.stderr).toContain('the column names are garbled (¶©µ¥±àºÅ, Âò¼Ò»áÔ±Ãû, Âò¼Ò»áÔ±êÇ³Æ …): it is GBK-encoded Chinese');
    expect(r.stderr).toContain('the columns were: 订单编号, 买家会员名, 买家会员昵称');
  });
});
