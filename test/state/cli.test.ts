// `storeops ledger list | export` through the built binary (run `npx tsc -p .` first).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { ROOT, runCli, tmpDir } from '../helpers.js';

// 2026-11-21 01:00 UTC = 2026-11-21 09:00:00 Beijing; 2026-11-20 06:00 UTC = 14:00:00 Beijing.
const REC1 = Date.UTC(2026, 10, 21, 1, 0, 0);
const REC2 = Date.UTC(2026, 10, 21, 2, 30, 0); // 10:30:00 Beijing
const WIN = Date.UTC(2026, 10, 20, 6, 0, 0);

let file = '';

beforeAll(async () => {
  file = path.join(tmpDir(), 'state.db');
  const db = await openState(file);
  db.recordVouchers(
    [
      { voucherKey: 'v-a1', buyer: 'tb_li', rules: 'tmall-2023', orderIds: ['3551234567890123456', '3551234567890123457'], amount: '30.00', windowStart: WIN },
      { voucherKey: 'v-b2', buyer: 'tb_wang', rules: 'tmall-2023', orderIds: ['3559999999999999999'], amount: '12.5', windowStart: null },
    ],
    REC1,
  );
  // …456 is already paid in v-a1 (30.00): v-c3 is recorded only because --reissue names it, taking
  // v-a1 over; v-a1's 30.00 covers all of its 5.00 (nothing more paid).
  db.recordVouchers([{ voucherKey: 'v-c3', buyer: 'tb_zhao', shop: '1001', rules: 'tmall-2026', orderIds: ['3551234567890123456'], amount: '5.00', windowStart: WIN }], REC2, { reissue: () => true });
  // 09:00 / 10:00 / 11:00 Beijing on 2026-11-21.
  db.logContact({ orderId: '3551234567890123456', at: REC1, status: 'contacted', channel: 'wangwang', who: 'xiaoli', note: '已道歉, 说明原因' });
  db.logContact({ orderId: '3551234567890123456', at: REC1 + 3_600_000, status: 'awaiting_reply', channel: 'phone', who: 'xiaoli' });
  db.logContact({ orderId: '3559999999999999999', at: REC1 + 7_200_000, status: 'do_not_contact', note: 'buyer asked' });
  db.close();
});

describe('ledger list', () => {
  it('lists recorded vouchers as csv, oldest first, with a summary on stderr', () => {
    const r = runCli(['--state', file, 'ledger', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'voucherKey,buyer,rules,orderIds,amount,covered,windowStart,recordedAt,kind,reissueOf,shop,windowStartNow,buyerNow,issued\n' +
        'v-a1,tb_li,tmall-2023,3551234567890123456;3551234567890123457,30.00,0.00,2026-11-20 14:00:00,2026-11-21 09:00:00,voucher,,,,,30.00\n' +
        'v-b2,tb_wang,tmall-2023,3559999999999999999,12.50,0.00,,2026-11-21 09:00:00,voucher,,,,,12.50\n' +
        'v-c3,tb_zhao,tmall-2026,3551234567890123456,5.00,5.00,2026-11-20 14:00:00,2026-11-21 10:30:00,voucher,v-a1,1001,,,0.00\n',
    );
    // What was paid: 30.00 + 12.50 + (5.00 − 5.00 covered by v-a1) = 42.50, the issued column's sum.
    expect(r.stderr).toBe(`3 vouchers recorded, total 42.50: the sum of the issued column (amount less covered; not the sum of amount) (${file})\n`);
  });

  it('--order with an id Excel rounded, or not an order id, is refused (exit 2), not "no voucher recorded"', () => {
    // "Was this order compensated?" asked with 3.55123E+18 (copied from a spreadsheet) matched no voucher:
    // "no voucher recorded for order 3.55123E+18", exit 0, though v-a1 and v-c3 paid 3551234567890123456.
    const r = runCli(['--state', file, 'ledger', 'list', '--order', '3.55123E+18']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'storeops: error: --order "3.55123E+18" is an order id a spreadsheet program (Excel, WPS, LibreOffice …) rounded (the real id is lost): whether it was compensated cannot be looked up\n' +
        "  hint: copy the whole id from the order export (opened as text) or from storeops' output, e.g. storeops ledger list --order 3515313147329357901; leave --order out to list everything\n",
    );
    const zh = runCli(['--state', file, 'ledger', 'export', '--order', 'v-a1', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      'storeops: 错误: --order "v-a1" 不是订单编号 (应为 10–20 位数字, 或拼多多的 yymmdd-数字)\n' +
        '  提示: 从订单报表 (以文本方式打开) 或 storeops 的输出里复制完整的编号, 例如 storeops ledger list --order 3515313147329357901; 要看全部记录, 不加 --order\n',
    );
    // Typed in full-width digits (a Chinese input method): the same id, its two vouchers v-a1 and v-c3.
    const wide = runCli(['--state', file, '-q', 'ledger', 'list', '--order', '３５５１２３４５６７８９０１２３４５６']);
    expect(wide.code).toBe(0);
    expect(wide.stdout.split('\n').slice(1, -1).map((l) => l.split(',')[0])).toEqual(['v-a1', 'v-c3']);
  });

  it('--order keeps the vouchers that include that order', () => {
    const r = runCli(['--state', file, '-q', 'ledger', 'list', '--order', '3551234567890123456', '--format', 'tsv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'voucherKey\tbuyer\trules\torderIds\tamount\tcovered\twindowStart\trecordedAt\tkind\treissueOf\tshop\twindowStartNow\tbuyerNow\tissued\n' +
        'v-a1\ttb_li\ttmall-2023\t3551234567890123456;3551234567890123457\t30.00\t0.00\t2026-11-20 14:00:00\t2026-11-21 09:00:00\tvoucher\t\t\t\t\t30.00\n' +
        'v-c3\ttb_zhao\ttmall-2026\t3551234567890123456\t5.00\t5.00\t2026-11-20 14:00:00\t2026-11-21 10:30:00\tvoucher\tv-a1\t1001\t\t\t0.00\n',
    );
  });

  it('--what contacts: the latest status per order, attempts counted', () => {
    const r = runCli(['--state', file, 'ledger', 'list', '--what', 'contacts', '--lang', 'zh']);
    expect(r.code).toBe(0);
    // Order …456: contacted 09:00, awaiting_reply 10:00 → 2 attempts, last 10:00.
    // Order …999: do_not_contact 11:00 → 0 attempts, no contact time.
    // zh output shows the zh labels of the status and channel codes (issue 16): awaiting_reply =
    // 等待回复, do_not_contact = 勿再联系, phone = 电话.
    expect(r.stdout).toBe(
      '订单编号,状态,联系次数,最近联系,最近更新,渠道,备注,经办人\n' +
        '3551234567890123456,等待回复,2,2026-11-21 10:00:00,2026-11-21 10:00:00,电话,,xiaoli\n' +
        '3559999999999999999,勿再联系,0,,2026-11-21 11:00:00,,buyer asked,\n',
    );
    expect(r.stderr).toBe(`2 个订单有联系记录 (${file})\n`);
  });

  it('--state naming a folder: exit 4 saying it is a folder and giving a file name in it (not SQLite\'s "unable to open database file" / "disk I/O error")', () => {
    const dir = tmpDir();
    const orders = path.join(ROOT, 'examples', 'ExportOrderList202611.csv');
    const runs = [
      { args: ['ledger', 'list', '--state', dir, '--lang', 'zh'], zh: true },
      { args: ['ledger', 'export', '--state', dir], zh: false },
      { args: ['compensate', orders, '--as-of', '2026-11-21 12:00:00', '--record', '--state', dir, '-q'], zh: false },
    ];
    for (const r of runs) {
      const out = runCli(r.args);
      expect(out.code).toBe(4);
      const tail = r.zh
        ? `storeops: 错误: 无法打开状态数据库 ${dir}: 这是一个文件夹, 不是文件\n  提示: 用 --state 给出文件名, 例如 --state ${path.join(dir, 'state.db')}。\n`
        : `storeops: error: cannot open the state database ${dir}: it is a folder, not a file\n  hint: give --state a file name, e.g. --state ${path.join(dir, 'state.db')}.\n`;
      expect(out.stderr.endsWith(tail)).toBe(true);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a database that does not exist yet lists nothing and is not created', () => {
    const dir = tmpDir();
    const missing = path.join(dir, 'nested', 'state.db');
    const r = runCli(['--state', missing, 'ledger', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('voucherKey,buyer,rules,orderIds,amount,covered,windowStart,recordedAt,kind,reissueOf,shop,windowStartNow,buyerNow,issued\n');
    expect(r.stderr).toBe(`nothing recorded yet: no state database at ${missing}\n`);
    expect(fs.existsSync(path.join(dir, 'nested'))).toBe(false);
  });

  it('--order in the terminal table: the asked id is the one shown of a cut list; csv keeps the recorded order', () => {
    // v-a1 holds …456;…457. At 80 columns the table cut its list after the first id, so
    // `--order 3551234567890123457` showed `3551234567890123456;…`, hiding the id asked for.
    // (60 columns: since the short view of 2026-12 (voucherKey, buyer, rules, orderIds, issued) an
    // 80-column table has room for both ids; at 60 the list is cut after one.)
    const r = runCli(['--state', file, '-q', 'ledger', 'list', '-f', 'table', '--order', '3551234567890123457'], { env: { COLUMNS: '60' } });
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n')[1]!;
    expect(line.startsWith('v-a1        tb_li  tmall-2023  3551234567890123457;…')).toBe(true);
    expect(line).not.toContain('3551234567890123456');
    // --wide shows the whole list, the asked id first.
    expect(runCli(['--state', file, '-q', 'ledger', 'list', '-f', 'table', '--wide', '--order', '3551234567890123457'], { env: { COLUMNS: '400' } }).stdout).toContain('3551234567890123457;3551234567890123456');
    const csv = runCli(['--state', file, '-q', 'ledger', 'list', '--order', '3551234567890123457']);
    expect(csv.stdout.split('\n')[1]).toBe('v-a1,tb_li,tmall-2023,3551234567890123456;3551234567890123457,30.00,0.00,2026-11-20 14:00:00,2026-11-21 09:00:00,voucher,,,,,30.00');
  });

  it('an empty ledger: the table says plainly that nothing is recorded yet, no table of headers alone (zh/en), exit 0', async () => {
    const empty = path.join(tmpDir(), 'empty.db');
    (await openState(empty)).close();
    // stdout is data only: the sentence is on stderr, and nothing on stdout.
    const table = runCli(['--state', empty, 'ledger', 'list', '-f', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe('');
    expect(table.stderr).toBe(`nothing recorded yet: no vouchers in ${empty}\n`);
    // -q does not hide the answer.
    const zh = runCli(['--state', empty, '-q', 'ledger', 'list', '-f', 'table', '--lang', 'zh', '--what', 'contacts']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe(`尚无记录: ${empty} 里还没有评价联系记录\n`);
    const order = runCli(['--state', file, 'ledger', 'list', '-f', 'table', '--order', '3550000000000000000']);
    expect(order.code).toBe(0);
    expect(order.stdout).toBe('');
    expect(order.stderr).toBe(`no voucher recorded for order 3550000000000000000 (${file})\n`);
    // csv (a script's format) keeps its header; the sentence goes to stderr.
    const csv = runCli(['--state', empty, 'ledger', 'list']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('voucherKey,buyer,rules,orderIds,amount,covered,windowStart,recordedAt,kind,reissueOf,shop,windowStartNow,buyerNow,issued\n');
    expect(csv.stderr).toBe(`nothing recorded yet: no vouchers in ${empty}\n`);
  });

  it('finds the database through STOREOPS_STATE, then $XDG_DATA_HOME/storeops/state.db', () => {
    const home = tmpDir();
    const xdg = path.join(home, '.local', 'share');
    fs.mkdirSync(path.join(xdg, 'storeops'), { recursive: true });
    fs.copyFileSync(file, path.join(xdg, 'storeops', 'state.db'));
    const viaXdg = runCli(['-q', 'ledger', 'list'], { env: { HOME: home } });
    expect(viaXdg.stdout.split('\n').length).toBe(5); // header + 3 rows + final newline
    const viaEnv = runCli(['ledger', 'list'], { env: { HOME: home, STOREOPS_STATE: path.join(home, 'none.db') } });
    expect(viaEnv.stderr).toContain(`no state database at ${path.join(home, 'none.db')}`);
  });

  it('an unknown --what is a usage error (exit 2)', () => {
    const r = runCli(['--state', file, 'ledger', 'list', '--what', 'orders']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('ledger export', () => {
  it('--what contacts -f json: every entry, times ISO with +08:00 (sameContact empty: each a contact about its order alone, schema 15)', () => {
    const r = runCli(['--state', file, '-q', 'ledger', 'export', '--what', 'contacts', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { orderId: '3551234567890123456', at: '2026-11-21T09:00:00+08:00', status: 'contacted', channel: 'wangwang', note: '已道歉, 说明原因', who: 'xiaoli', buyer: null, sameContact: [] },
      { orderId: '3551234567890123456', at: '2026-11-21T10:00:00+08:00', status: 'awaiting_reply', channel: 'phone', note: null, who: 'xiaoli', buyer: null, sameContact: [] },
      { orderId: '3559999999999999999', at: '2026-11-21T11:00:00+08:00', status: 'do_not_contact', channel: null, note: 'buyer asked', who: null, buyer: null, sameContact: [] },
    ]);
  });

  it('vouchers as json: money as two-place strings, order ids as arrays of text', () => {
    const r = runCli(['--state', file, '-q', 'ledger', 'export', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        voucherKey: 'v-a1',
        buyer: 'tb_li',
        rules: 'tmall-2023',
        orderIds: ['3551234567890123456', '3551234567890123457'],
        amount: '30.00',
        covered: '0.00',
        windowStart: '2026-11-20T14:00:00+08:00',
        recordedAt: '2026-11-21T09:00:00+08:00',
        kind: 'voucher',
        reissueOf: [],
        shop: null,
        windowStartNow: null,
        buyerNow: null,
        issued: '30.00',
      },
      { voucherKey: 'v-b2', buyer: 'tb_wang', rules: 'tmall-2023', orderIds: ['3559999999999999999'], amount: '12.50', covered: '0.00', windowStart: null, recordedAt: '2026-11-21T09:00:00+08:00', kind: 'voucher', reissueOf: [], shop: null, windowStartNow: null, buyerNow: null, issued: '12.50' },
      { voucherKey: 'v-c3', buyer: 'tb_zhao', rules: 'tmall-2026', orderIds: ['3551234567890123456'], amount: '5.00', covered: '5.00', windowStart: '2026-11-20T14:00:00+08:00', recordedAt: '2026-11-21T10:30:00+08:00', kind: 'voucher', reissueOf: ['v-a1'], shop: '1001', windowStartNow: null, buyerNow: null, issued: '0.00' },
    ]);
  });

  it('-o ledger.xlsx: one sheet, order ids as text, amounts as numbers', async () => {
    const out = path.join(tmpDir(), 'ledger.xlsx');
    const r = runCli(['--state', file, '-q', 'ledger', 'export', '-o', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // Times are date-time cells holding the Beijing wall clock (exceljs reads them as UTC Dates);
    // a list of ids is one id per line (issue 16).
    const bj = (d: number, h: number, mi = 0) => new Date(Date.UTC(2026, 10, d, h, mi, 0));
    expect(rows).toEqual([
      ['voucherKey', 'buyer', 'rules', 'orderIds', 'amount', 'covered', 'windowStart', 'recordedAt', 'kind', 'reissueOf', 'shop', 'windowStartNow', 'buyerNow', 'issued'],
      ['v-a1', 'tb_li', 'tmall-2023', '3551234567890123456\n3551234567890123457', 30, 0, bj(20, 14), bj(21, 9), 'voucher', undefined, undefined, undefined, undefined, 30],
      ['v-b2', 'tb_wang', 'tmall-2023', '3559999999999999999', 12.5, 0, undefined, bj(21, 9), 'voucher', undefined, undefined, undefined, undefined, 12.5],
      ['v-c3', 'tb_zhao', 'tmall-2026', '3551234567890123456', 5, 5, bj(20, 14), bj(21, 10, 30), 'voucher', 'v-a1', '1001', undefined, undefined, 0],
    ]);
  });
});

describe('a damaged state database through the CLI', () => {
  it('exits 4 with the file named and a hint, and leaves the file byte for byte', () => {
    const bad = path.join(tmpDir(), 'state.db');
    const junk = Buffer.concat([Buffer.from([0]), crypto.randomBytes(8191)]);
    fs.writeFileSync(bad, junk);
    const r = runCli(['--state', bad, 'ledger', 'list']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      // Random bytes do not begin as an SQLite database does: named as what they are (test/state/not-sqlite).
      `storeops: error: the state database ${bad} is not an SQLite database but binary data of another kind; it was left untouched\n` +
        "  hint: storeops' state database is a .db file storeops makes itself: check that --state, STOREOPS_STATE or the config's state names the right file; to start a new one, give a name no file has yet (e.g. --state storeops-state.db). If it was the state database and its start was overwritten, restore it from a backup.\n",
    );
    expect(fs.readFileSync(bad).equals(junk)).toBe(true);
  });
});
