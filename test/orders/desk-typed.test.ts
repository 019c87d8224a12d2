// What a shop desk types into an export in a spreadsheet (docs/formats.md "Cleaning cells" and
// "Summary lines"): full-width digits from a Chinese input method, and a 合计 (total) row below the
// last order. Amounts are worked out by hand from docs/rules.md §1.3 (tmall-2026, tier 5: a 48 h
// window, ≤ 72 h late: 5 % of paid − postage, at least 5.00, at most 50.00).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from './build.js';

const late = (buyer: string, over: Record<string, string>) => ({
  买家会员名: buyer,
  订单状态: '交易成功',
  订单创建时间: '2026-05-01 10:00:00',
  订单付款时间: '2026-05-01 10:00:00',
  // 48 h + 1 s after payment: 1 s late.
  发货时间: '2026-05-03 10:00:01',
  买家应付邮费: '0.00',
  ...over,
});

type V = { orderIds: string[]; amount: string; state: string };

describe('full-width digits (０-９ and ．) are the same digits', () => {
  it('reads amounts, ids and times typed full-width exactly', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(
      f,
      taobaoCsv([
        // 5 % × 1000.00 = 50.00 (max 50.00).
        order('2000000000000000081', late('A', { 买家应付货款: '１０００．００', 买家实际支付金额: '１０００．００', 宝贝总数量: '２' })),
        // ￥ before full-width digits: 5 % × 300.00 = 15.00.
        order('2000000000000000082', late('B', { 买家应付货款: '300.00', 买家实际支付金额: '￥３００．００' })),
        // The id typed full-width is the id 2000000000000000083; its ship time full-width: 5 % × 200.00 = 10.00.
        order('２００００００００００００００００８３', late('C', { 买家实际支付金额: '200.00', 发货时间: '２０２６－０５－０３ １０：００：０１' })),
      ]),
    );
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
      const r = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json'], { tz });
      expect(r.code, r.stderr).toBe(0);
      const v = (JSON.parse(r.stdout) as V[]).map((x) => [x.orderIds, x.amount, x.state]);
      expect(v).toEqual([
        [['2000000000000000081'], '50.00', 'final'],
        [['2000000000000000082'], '15.00', 'final'],
        [['2000000000000000083'], '10.00', 'final'],
      ]);
    }
  });

  it('rejects a full-width comma (thousands or decimal?) and says what to write', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(f, taobaoCsv([order('2000000000000000084', late('A', { 买家实际支付金额: '１，０００．００' }))]));
    const en = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(en.stderr).toContain(`${f}:2 [买家实际支付金额]: "１，０００．００" is not a valid amount: a full-width comma "，" may be a thousands separator or a decimal point, which is not guessed; write it without the comma, e.g. 1234.50`);
    const zh = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain('全角逗号 "，" 可能是千位分隔也可能是小数点, 不猜测; 请改成不带逗号的写法, 如 1234.50');
  });

  it('a rejected quantity or time typed full-width is shown as typed, in the message and the --rejects file', () => {
    // Before: the cell was shown half converted, "1.5", "2，0", "2026-05-32 10:00:00": not the text
    // in the file, so a search for it found nothing.
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(
      f,
      taobaoCsv([
        order('2000000000000000085', late('A', { 宝贝总数量: '１．５' })),
        order('2000000000000000086', late('B', { 宝贝总数量: '２，０' })),
        order('2000000000000000087', late('C', { 订单付款时间: '２０２６－０５－３２ １０：００：００' })),
        // The good row, so the run has an order.
        order('2000000000000000088', late('D', { 买家实际支付金额: '200.00' })),
      ]),
    );
    const rej = path.join(dir, 'rejects.csv');
    const r = runCli(['orders', 'normalize', f, '-f', 'json', '--rejects', rej]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2 [宝贝总数量]: "１．５" is not a valid quantity`);
    expect(r.stderr).toContain(`${f}:3 [宝贝总数量]: "２，０" is not a valid quantity`);
    expect(r.stderr).toContain(`${f}:4 [订单付款时间]: "２０２６－０５－３２ １０：００：００" is not a valid time (expected YYYY-MM-DD HH:mm:ss)`);
    // １．５ is written ="１．５": a spreadsheet reads full-width digits as the number 1.5 and would not
    // show it as typed (src/io/escape.ts); ２，０ (no number either way) and the impossible date stay bare.
    expect(fs.readFileSync(rej, 'utf8').split('\n').slice(1, 4).map((l) => l.split(',')[3])).toEqual(['="１．５"', '２，０', '２０２６－０５－３２ １０：００：００']);
    expect((JSON.parse(r.stdout) as { orderId: string }[]).map((x) => x.orderId)).toEqual(['2000000000000000088']);
    // compensate reads no quantity; the time is rejected there as typed too.
    const c = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(c.stderr).toContain(`${f}:4 [订单付款时间]: "２０２６－０５－３２ １０：００：００" is not a valid time (expected YYYY-MM-DD HH:mm:ss)`);
    const zh = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`${f}:2 [宝贝总数量]: "１．５" 不是有效的数量`);
    // A time the clocks skipped (--tz America/Los_Angeles, 2026-03-08 02:30), typed full-width: as typed too;
    // the offsets suggested stay in ASCII.
    fs.writeFileSync(f, taobaoCsv([order('2000000000000000089', late('E', { 发货时间: '２０２６－０３－０８ ０２：３０：００' }))]));
    const la = runCli(['orders', 'inspect', f, '-f', 'json', '--tz', 'America/Los_Angeles']);
    expect(la.stderr).toContain(`${f}:2 [发货时间]: "２０２６－０３－０８ ０２：３０：００" does not exist in America/Los_Angeles (the clocks skipped it going forward); check the time, or write its offset, e.g. "2026-03-08 02:30:00 -07:00"`);
  });

  it('a rejected quantity says what was typed and what to write (a comma is not guessed)', () => {
    // Before: only '"1，000" is not a valid quantity', with no hint. Neither row is read as a number:
    // 1，000 may be a thousand or 1.000; １．５ is no whole number of pieces.
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(
      f,
      taobaoCsv([
        order('2000000000000000081', late('A', { 宝贝总数量: '1，000' })),
        order('2000000000000000082', late('B', { 宝贝总数量: '１．５' })),
        order('2000000000000000083', late('C', { 宝贝总数量: '１２' })),
      ]),
    );
    const en = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      `${f}:2 [宝贝总数量]: "1，000" is not a valid quantity: a full-width comma "，" may be a thousands separator or a decimal point, which is not guessed; write it without the comma, as a whole number, e.g. 12\n`,
    );
    expect(en.stderr).toContain(`${f}:3 [宝贝总数量]: "１．５" is not a valid quantity: a quantity is a whole number of pieces, e.g. 12\n`);
    // １２ is read as 12 (full-width digits are the same digits, docs/formats.md): 1 accepted.
    expect(en.stderr).toContain('1 file: 3 rows read = 1 accepted + 2 rejected + 0 duplicates');
    const zh = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`${f}:2 [宝贝总数量]: "1，000" 不是有效的数量: 全角逗号 "，" 可能是千位分隔也可能是小数点, 不猜测; 请写成不带逗号的整数, 如 12\n`);
    expect(zh.stderr).toContain(`${f}:3 [宝贝总数量]: "１．５" 不是有效的数量: 数量应为整数 (件数), 如 12\n`);
  });
});

describe('a summary (合计) line after the last order', () => {
  const rows = () =>
    taobaoCsv([
      // 5 % × 1000.00 = 50.00.
      order('2000000000000000091', late('A', { 买家应付货款: '1000.00', 买家实际支付金额: '1000.00' })),
      // 5 % × 200.00 = 10.00.
      order('2000000000000000092', late('B', { 买家实际支付金额: '200.00' })),
    ]);

  it('is skipped and named (file:line), the run does not fail, and the counts reconcile', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(f, rows() + '合计,,,,,,,,,,1200.00\r\n\r\n');
    const r = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}:4: summary line, skipped`);
    expect((JSON.parse(r.stdout) as V[]).map((x) => [x.orderIds, x.amount, x.state])).toEqual([
      [['2000000000000000091'], '50.00', 'final'],
      [['2000000000000000092'], '10.00', 'final'],
    ]);
    // The last line without a line break (typed by hand), labelled 总计：2笔, in Chinese.
    fs.writeFileSync(f, rows() + '总计：2笔');
    const i = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'zh']);
    expect(i.code, i.stderr).toBe(0);
    expect(i.stderr).toContain(`${f}:4: 合计行, 已跳过`);
    // One sentence that adds up, as normalize's: 2 orders + 1 summary line = 3 rows read (it said
    // "读取 2 行 = 接受 2 + 拒绝 0 + 重复 0" and the summary line in a sentence of its own).
    expect(i.stderr).toContain('1 个文件: 读取 3 行 = 接受 2 + 拒绝 0 + 重复 0 + 合计行 1 (已跳过)\n');
    expect(i.stderr).not.toContain('另有');
    const e = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'en']);
    expect(e.stderr).toContain('1 file: 3 rows read = 2 accepted + 0 rejected + 0 duplicates + 1 summary line skipped\n');
    const s = JSON.parse(i.stdout) as Record<string, unknown>[];
    expect([s[0]!.rowsRead, s[0]!.summaryRows]).toEqual([2, 1]);
  });

  it('normalize counts the summary line among the rows read: 3 rows = 2 accepted + 0 + 0 + 1 summary line', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    // Two orders and a 合计 line: 3 data rows. Before, the count said "2 rows read" and the 合计 line
    // was in no part of it (named only by its own file:line note).
    fs.writeFileSync(f, rows() + '合计,,,,,,,,,,1200.00\r\n');
    const out = path.join(dir, 'n.csv');
    const en = runCli(['orders', 'normalize', f, '-o', out, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(`${f}:4: summary line, skipped`);
    expect(en.stderr).toContain('3 rows read: 2 accepted, 0 rejected, 0 duplicates, 1 summary line skipped; wrote 2 orders');
    const zh = runCli(['orders', 'normalize', f, '-o', out, '--lang', 'zh']);
    expect(zh.stderr).toContain('读取 3 行: 接受 2, 拒绝 0, 重复 0, 合计行 1 (已跳过); 输出 2 个订单');
    // Without a summary line the count line is as before.
    fs.writeFileSync(f, rows());
    expect(runCli(['orders', 'normalize', f, '-o', out, '--lang', 'en']).stderr).toContain('2 rows read: 2 accepted, 0 rejected, 0 duplicates; wrote 2 orders');
  });

  it('never skips an order row, and rejects a summary line that more rows follow', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    // A real order at the end whose buyer is called 合计 (its id cell holds an id): an order.
    fs.writeFileSync(f, rows() + taobaoCsv([order('2000000000000000093', late('合计', { 买家实际支付金额: '100.00' }))]).split('\r\n').slice(1).join('\r\n'));
    const r = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('summary line');
    // 5 % × 100.00 = 5.00 (the minimum is 5.00 too).
    expect((JSON.parse(r.stdout) as V[]).map((x) => [x.orderIds, x.amount])).toContainEqual([['2000000000000000093'], '5.00']);
    // 合计 between orders (two exports pasted together): rejected, exit 1; the orders after it are read.
    const [head, a, b] = rows().split('\r\n');
    fs.writeFileSync(f, [head, a, '合计,,,,,,,,,,1000.00', b, ''].join('\r\n'));
    const m = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(`${f}:3: a summary (total) line, but more rows follow it (line 4)`);
    expect((JSON.parse(m.stdout) as V[]).map((x) => x.orderIds)).toEqual([['2000000000000000091'], ['2000000000000000092']]);
  });
});

describe('ids typed full-width in hand-kept lists', () => {
  it('--exclude and a review table read ３５１５… as the id', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(
      f,
      taobaoCsv([
        order('2000000000000000111', late('A', { 买家应付货款: '1000.00', 买家实际支付金额: '1000.00' })),
        // 5 % × 200.00 = 10.00.
        order('2000000000000000112', late('B', { 买家实际支付金额: '200.00' })),
      ]),
    );
    const fw = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const ex = path.join(dir, 'exclude.csv');
    fs.writeFileSync(ex, `订单编号\n${fw('2000000000000000111')}\n`);
    const r = runCli(['compensate', f, '--exclude', ex, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as V[]).map((x) => [x.orderIds, x.amount])).toEqual([[['2000000000000000112'], '10.00']]);
    const rv = path.join(dir, 'reviews.csv');
    fs.writeFileSync(rv, `订单编号,评价时间,评价结果,评价内容\n${fw('2000000000000000112')},2026-05-05 08:30:00,差评,发货太慢\n`);
    const q = runCli(['reviews', 'queue', rv, '--orders', f, '--as-of', '2026-05-05 10:00:00', '-f', 'json']);
    expect(q.code, q.stderr).toBe(0);
    const rows = JSON.parse(q.stdout) as { orderId: string; orderValue: string }[];
    // Matched to its order: the order's value is known.
    expect(rows.map((x) => [x.orderId, x.orderValue])).toEqual([['2000000000000000112', '200.00']]);
    // The order id typed full-width on the command line (reviews message).
    const m = runCli(['reviews', 'message', fw('2000000000000000112'), '--reviews', rv, '--orders', f, '--as-of', '2026-05-05 10:00:00']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toContain('2000000000000000112');
  });
});

describe('an order row with a broken id is rejected, never skipped as a summary line (review19)', () => {
  it('合计 in the id cell of a row naming a buyer, and Total before an Excel-rounded id: rejected and counted', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    // 5 % × 200.00 = 10.00 for the good order.
    const good = taobaoCsv([order('2000000000000000121', late('A', { 买家实际支付金额: '200.00' }))]);
    // The last row: an order of buyer 小红 (paid, shipped) whose id cell says 合计 (typed over): it was
    // skipped as a summary line (no rejection, exit 0); it is an order with no id: rejected, exit 1.
    const bad = taobaoCsv([order('合计', late('小红', { 买家实际支付金额: '300.00' }))]).split('\r\n')[1]!;
    fs.writeFileSync(f, good + bad + '\r\n');
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('summary line');
      expect(r.stderr).toContain(`${f}:3 [订单编号]`);
      expect((JSON.parse(r.stdout) as V[]).map((x) => [x.orderIds, x.amount])).toEqual([[['2000000000000000121'], '10.00']]);
    }
    const i = runCli(['orders', 'inspect', f, '-f', 'json']);
    expect(i.stderr).toContain('2 rows read = 1 accepted + 1 rejected + 0 duplicates');
    // The item report (子订单编号 first): a line whose 子订单编号 says Total and whose 主订单编号 Excel rounded.
    const g = path.join(dir, 'lines.csv');
    fs.writeFileSync(g, '子订单编号,主订单编号,标题,价格,购买数量,订单状态\n="2000000000000000131",="2000000000000000131",围巾,100.00,1,交易成功\nTotal,3.51531E+18,,100.00,1,交易成功\n');
    const j = runCli(['orders', 'inspect', g, '-f', 'json']);
    expect(j.stderr).not.toContain('summary line');
    expect(j.stderr).toContain('rounded');
  });
});
