// Issue 15, privacy and spreadsheet injection: echoed values masked by their look whatever the
// column, no first data row echoed as "columns found", no terminal control sequence from a cell
// reaching the terminal, and every text-valued output column escaped, ids included.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scrubFreeText, scrubPii } from '../../src/io/pii.js';
import { runCli, tmpDir } from '../helpers.js';
import { cells, exampleLines, quoteField, rawCells } from './hostile.js';

const PHONE = '13925130165';
const ADDRESS = '广东省 深圳市 南山区 科技园南路88号(518057)';
const ID_CARD = '11010519491231002X'; // GB 11643 example number: check character X (sum 167 mod 11 = 2 → X)

/** The example export with row 1's cells changed (by header index). */
function exportWith(changes: Record<number, string>[], extra: (lines: string[]) => string[] = (l) => l): string {
  const [head, ...rows] = exampleLines();
  const out = [head!];
  rows.forEach((r, i) => {
    const c = rawCells(r);
    for (const [k, v] of Object.entries(changes[i] ?? {})) c[Number(k)] = quoteField(v);
    out.push(c.join(','));
  });
  return extra(out).join('\n') + '\n';
}

describe('pii scrubber (the one place echoed values are masked)', () => {
  it('masks phones, id-card numbers and addresses by their look; ids, times and amounts stay', () => {
    expect(scrubPii(`"${PHONE}" is not a valid time`)).toBe('"139****0165" is not a valid time');
    expect(scrubPii(ADDRESS)).toBe('广东省****');
    expect(scrubPii(ID_CARD)).toBe('110*************2X');
    // 18 digits whose check character is wrong: not an id card (an order id must stay readable).
    expect(scrubPii('110105194912310021')).toBe('110105194912310021');
    expect(scrubPii('3515313147329357901 2026-11-10 09:00:00 200.00')).toBe('3515313147329357901 2026-11-10 09:00:00 200.00');
    expect(scrubPii('010-12345678')).toBe('010****5678');
    // a room number straight after the last part of the address goes with it (…3单元502 left "502")
    expect(scrubPii('质量差 地址北京市朝阳区建国路88号3单元502')).toBe('质量差 地址北京市****');
    expect(scrubPii('寄到上海市浦东新区世纪大道200号18楼1803室, 谢谢')).toBe('寄到上海市****, 谢谢');
  });

  it('an address after a 地址 label is masked though it has no street word (it was shown whole)', () => {
    // a buyer's review as a seller centre shows it: province, city, district, a place; no 路/号/栋
    expect(scrubPii('围巾掉毛 电话13912345678 地址广东省深圳市南山区科技园')).toBe('围巾掉毛 电话139****5678 地址广东省****');
    expect(scrubPii('收货地址：科技园12栋, 放门卫')).toBe('收货地址：****, 放门卫');
    expect(scrubPii('住址在浙江省杭州市西湖区')).toBe('住址在浙江省****');
    // not an address: no colon and no province/city/district word after the label
    expect(scrubPii('地址不对，送错了')).toBe('地址不对，送错了');
    expect(scrubPii('快递把地址写错了')).toBe('快递把地址写错了');
    // already masked by the street-level rule: left as it is
    expect(scrubPii('质量差 地址北京市朝阳区建国路88号3单元502')).toBe('质量差 地址北京市****');
  });
});

describe('a street and number without province, city or district (user11)', () => {
  it('is masked: 收货地址是科技园南路88号 and 送到建国路88号3单元502 were shown whole', () => {
    // An agent's contact note (reviews log --note) and a buyer's review write the street alone.
    expect(scrubFreeText('王小明说收货地址是科技园南路88号', ['王小明'])).toBe('王**说收货地址是****');
    expect(scrubPii('送到科技园南路88号就行')).toBe('送到****就行');
    expect(scrubPii('寄到建国路88号3单元502, 谢谢')).toBe('寄到****, 谢谢');
    expect(scrubPii('地址在中山东一路18-2号')).toBe('地址在****');
    // No house number: not an address by its look, left as written.
    expect(scrubPii('快递一路颠簸，外包装破了')).toBe('快递一路颠簸，外包装破了');
    expect(scrubPii('买了5号电池和7号电池')).toBe('买了5号电池和7号电池');
    expect(scrubPii('3515313147329357901 2026-11-10 09:00:00 200.00')).toBe('3515313147329357901 2026-11-10 09:00:00 200.00');
  });
});

describe('a shifted row does not leak the buyer on stderr, in --rejects or in inspect', () => {
  it('a phone and an address in time columns are echoed masked; with --show-pii as they are', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'shifted.csv');
    // Row 1: 订单付款时间 (20) holds the phone; row 2: 订单付款时间 holds the address; row 3: an id-card number.
    fs.writeFileSync(input, exportWith([{ 20: PHONE }, { 20: ADDRESS }, { 20: ID_CARD }]));
    const rej = path.join(dir, 'rejects.csv');
    const r = runCli(['orders', 'normalize', input, '-o', path.join(dir, 'out.csv'), '--rejects', rej]);
    expect(r.code).toBe(1);
    const rejects = fs.readFileSync(rej, 'utf8');
    for (const text of [r.stderr, rejects]) {
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('科技园南路');
      expect(text).not.toContain(ID_CARD);
      expect(text).toContain('139****0165');
      expect(text).toContain('广东省****');
    }
    const inspect = runCli(['orders', 'inspect', input, '-f', 'json', '-q']);
    const reasons = JSON.stringify(JSON.parse(inspect.stdout)[0].firstReasons);
    expect(reasons).toContain('139****0165');
    expect(reasons).not.toContain(PHONE);
    expect(reasons).not.toContain('科技园南路');

    const shown = runCli(['orders', 'normalize', input, '-o', path.join(dir, 'out2.csv'), '--show-pii']);
    expect(shown.stderr).toContain(PHONE);
  });

  it('a file without a header row: the first row is shown as a cell count with masked cells', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'noheader.csv');
    fs.writeFileSync(input, `王小明,${PHONE},${ADDRESS},请尽快发货\n李四,13800138000,北京市 朝阳区 建国路1号,无\n`);
    const r = runCli(['orders', 'normalize', input]);
    expect(r.code).toBe(3);
    // In the message's language (user18: a zh message said "[4 cells / 4 个单元格: …]" until 2026-12).
    expect(r.stderr).toContain('[4 cells: 王**, 139****0165, 广东省****, 请****]');
    for (const secret of ['王小明', PHONE, '科技园南路', '请尽快发货']) expect(r.stderr).not.toContain(secret);
    const zh = runCli(['orders', 'normalize', input, '--lang', 'zh']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain('[4 个单元格: 王**, 139****0165, 广东省****, 请****]');
    expect(zh.stderr).not.toContain('cells');
    for (const secret of ['王小明', PHONE, '科技园南路', '请尽快发货']) expect(zh.stderr).not.toContain(secret);
  });
});

describe('terminal control sequences from input cells', () => {
  it('never reach the terminal: table cells and messages show their escapes (\\x1b) instead', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'esc.csv');
    const evil = '\u001b]0;owned\u0007\u001b[2J围巾\u009b31m';
    // The title (21) carries the sequence; row 2's paid time too, so it is echoed in a rejection.
    fs.writeFileSync(input, exportWith([{ 21: evil }, { 20: `2026-11-10\u001b[8m 20:00:00` }]));
    const r = runCli(['orders', 'normalize', input, '-f', 'table']);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toMatch(/[\u001b\u0007\u009b]/);
    }
    expect(r.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J围巾\\x9b31m');
  });
});

describe('spreadsheet injection in every text-valued column, ids included', () => {
  it('parentOrderId (主订单编号) and trackingNo (物流单号) are escaped in csv and tsv, UTF-8 and GBK', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'inject.csv');
    const payload = "=cmd|' /C calc'!A0";
    // 主订单编号 is column 70, 物流单号 23.
    fs.writeFileSync(input, exportWith([{ 70: payload, 23: `@SUM(1+1)*cmd|' /C calc'!A0` }]));
    for (const extra of [[], ['--out-encoding', 'gbk'], ['-f', 'tsv']]) {
      const out = path.join(dir, `out-${extra.join('')}.csv`);
      const r = runCli(['orders', 'normalize', input, '-o', out, ...extra]);
      expect(r.code).toBe(0);
      const bytes = fs.readFileSync(out);
      const text = extra[1] === 'gbk' ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
      const lines = text.replace(/^\uFEFF/, '').split('\n');
      const delim = extra[0] === '-f' ? '\t' : ',';
      const head = lines[0]!.split(delim);
      const row = delim === ',' ? cells(lines[1]!) : lines[1]!.split('\t');
      // No cell of any column starts with a formula character unless it is escaped with ', a
      // number storeops wrote, or an id written ="digits" for a spreadsheet (read here as =digits).
      for (const [i, v] of row.entries()) expect(/^[=+@\-]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) && !/^="?\d+"?$/.test(v), `${head[i]}=${v}`).toBe(false);
      expect(row[head.indexOf('parentOrderId')]).toBe(`'${payload}`);
      // 物流单号 is a list of waybills (拆单): split on | and / (never in a waybill), each part trimmed,
      // written joined with ; (docs/cli.md "Lists in one cell are joined with ;"): @SUM(1+1)*cmd, ', C calc'!A0,
      // and the cell starting with @ is escaped with '.
      expect(row[head.indexOf('trackingNo')]).toBe(`'@SUM(1+1)*cmd;';C calc'!A0`);
    }
  });
});

describe('orders normalize: the seller\'s note is free text and is masked like a review', () => {
  it('the receiver name, a phone and a labelled name in 订单备注 and 商家备忘 are masked; --show-pii shows them', () => {
    // Row 1 of the example goes to 王小明 (收货人姓名). 订单备注 (sellerNote, index 25) and
    // 商家备忘 (extra, index 69) were printed as written, phone included. By hand (maskName keeps
    // the first character, maskPhone the first 3 and last 4 digits):
    //   王小明说放门卫 电话13925130165 → 王**说放门卫 电话139****0165
    //   改寄 收件人：李大伟             → 改寄 收件人：李**
    const dir = tmpDir();
    const input = path.join(dir, 'notes.csv');
    fs.writeFileSync(input, exportWith([{ 25: `王小明说放门卫 电话${PHONE}`, 69: '改寄 收件人：李大伟' }]));
    const rows = JSON.parse(runCli(['orders', 'normalize', input, '-f', 'json', '-q']).stdout) as { sellerNote: string; extra: Record<string, string> }[];
    expect(rows[0]!.sellerNote).toBe('王**说放门卫 电话139****0165');
    expect(rows[0]!.extra['商家备忘']).toBe('改寄 收件人：李**');
    const csv = runCli(['orders', 'normalize', input, '-f', 'csv', '-q']).stdout;
    expect(csv).not.toContain('王小明');
    expect(csv).not.toContain(PHONE);
    const shown = JSON.parse(runCli(['orders', 'normalize', input, '-f', 'json', '-q', '--show-pii']).stdout) as { sellerNote: string; extra: Record<string, string> }[];
    expect(shown[0]!.sellerNote).toBe(`王小明说放门卫 电话${PHONE}`);
    expect(shown[0]!.extra['商家备忘']).toBe('改寄 收件人：李大伟');
  });
});

describe('scrubFreeText', () => {
  it('masks the given names (Latin whatever the case), labelled names, and what scrubPii masks', () => {
    // Li Lei → L***** (first character, one * for each of the other 5 characters, space included).
    expect(scrubFreeText('li lei said: call 13925130165', ['Li Lei'])).toBe('L***** said: call 139****0165');
    // 收货人不在家 keeps its words (不 begins no name); with a colon any name is masked.
    expect(scrubFreeText('收货人不在家, 联系人：张三', [])).toBe('收货人不在家, 联系人：张*');
    // One-character and already masked names are not looked for (they would mask ordinary words).
    expect(scrubFreeText('王先生说好', ['王', '王**'])).toBe('王先生说好');
  });

  it('a name straight after 收货人/收件人/签收人/联系人, without a colon, is masked; ordinary words are not', () => {
    // The rule without a colon (docs/rules.md is silent; README, Privacy): the 2–4 characters after
    // the label (a space may come between) are a name when they begin with a common surname and
    // end where the text does, at a space, punctuation or digit, or before 电话/手机/号码/联系/地址/
    // 说/先生/女士; the shortest such name is taken. maskName: 王小明 → 王**, 李大伟 → 李**, 赵六 → 赵*.
    // The colon rule was the only one: each of these was shown as written.
    expect(scrubFreeText('收货人王小明 电话13925130165', [])).toBe('收货人王** 电话139****0165');
    expect(scrubFreeText('收货人王小明电话13925130165', [])).toBe('收货人王**电话139****0165');
    expect(scrubFreeText('收件人 李大伟，放门卫', [])).toBe('收件人 李**，放门卫');
    expect(scrubFreeText('改寄联系人赵六', [])).toBe('改寄联系人赵*');
    expect(scrubFreeText('收货人王小明说放门卫', [])).toBe('收货人王**说放门卫');
    expect(scrubFreeText('收货人姓名欧阳娜娜。', [])).toBe('收货人姓名欧***。');
    expect(scrubFreeText('签收人张三2026-11-20', [])).toBe('签收人张*2026-11-20');
    // Ordinary words after the label stay: not a surname (很, 是, 不, 工), no end within four
    // characters (周末不在家), or a word that begins with a surname's character (马上, 周末, 陆续).
    for (const t of ['收货人很满意', '收货人很满意！', '收货人是我妈，谢谢', '收货人不在家', '请联系人工客服', '收货人周末不在家', '收货人马上到了。', '收货人陆续收到了', '收货人曾经投诉过', '收件人 很满意']) {
      expect(scrubFreeText(t, [])).toBe(t);
    }
    // The colon rule is unchanged: any 2–4 characters after 收货人：.
    expect(scrubFreeText('收货人：很满意', [])).toBe('收货人：很**');
  });

  it('words after 收货人 that begin with a surname but are no name keep their words (常说, 康复, 黄牛, a city)', () => {
    // Each of these was masked as a name (收货人常*，… / 收货人康**，… / 收货人苏*，…), hiding from the
    // agent what the buyer or seller wrote: a verb with 说 (常说, 曾说, 陈说: no given name holds
    // 说), words a review or a seller's note uses (康复 recovering, 黄牛 a scalper, 程序员), and
    // cities whose first character is a surname (苏州 常州 徐州 郑州 武汉 石家庄).
    for (const t of ['收货人常说，东西好不怕晚', '收货人曾说，别放快递柜', '收货人康复中，暂时用不上', '卖家备注: 收货人黄牛，不发', '收货人程序员，很满意', '收货人苏州，发货地广州', '收货人郑州。', '收货人武汉的？收货人石家庄，三天才到']) {
      expect(scrubFreeText(t, [])).toBe(t);
    }
    // Names are still masked, 说 after them too.
    expect(scrubFreeText('收货人常小说，收货人苏小州', [])).toBe('收货人常*说，收货人苏**');
    expect(scrubFreeText('收货人黄小牛，收货人康大伟', [])).toBe('收货人黄**，收货人康**');
  });
});
