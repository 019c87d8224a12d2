// --state naming a file that is not an SQLite database at all (`--state README.md`, an order csv, an
// xlsx). It said "状态数据库 X 已损坏或不是 SQLite 文件 (file is not a database)": SQLite's English
// inside the zh sentence, and "damaged" for a file that is simply the wrong one. It now says what
// the file is (a text file and its first line, a zip archive / xlsx, binary data) and to check
// --state; exit 4 as before (SPEC: state database damaged), the file byte for byte as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const HINT_ZH =
  '  提示: storeops 的状态数据库是它自己建的 .db 文件: 检查 --state、STOREOPS_STATE 或配置里的 state 是否指错了文件; 要新建一个, 给一个还不存在的文件名 (如 --state storeops-state.db)。若它本来就是状态数据库而开头被覆盖了, 请从备份恢复。\n';
const HINT_EN =
  "  hint: storeops' state database is a .db file storeops makes itself: check that --state, STOREOPS_STATE or the config's state names the right file; to start a new one, give a name no file has yet (e.g. --state storeops-state.db). If it was the state database and its start was overwritten, restore it from a backup.\n";

describe('--state naming a file that is not an SQLite database', () => {
  it('a text file (README.md): named as text with its first line, zh and en, exit 4, untouched', () => {
    const f = path.join(tmpDir(), 'README.md');
    const body = '# storeops\n\nTmall/Taobao shop tools.\n';
    fs.writeFileSync(f, body);
    const zh = runCli(['ledger', 'list', '--state', f, '--lang', 'zh']);
    expect([zh.code, zh.stdout]).toEqual([4, '']);
    expect(zh.stderr).toBe(`storeops: 错误: 状态数据库 ${f} 不是 SQLite 数据库, 而是一个文本文件 (第一行: # storeops); 文件未做任何改动\n${HINT_ZH}`);
    const en = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--record', '--state', f, '--lang', 'en', '--as-of', '2026-12-01 00:00:00']);
    expect([en.code, en.stdout]).toEqual([4, '']);
    expect(en.stderr).toBe(`storeops: error: the state database ${f} is not an SQLite database but a text file (its first line: # storeops); it was left untouched\n${HINT_EN}`);
    expect(fs.readFileSync(f, 'utf8')).toBe(body);
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
  });

  it("the seller centre's GBK order csv: its first line read as GBK, cut at 40 characters", () => {
    const f = path.join(tmpDir(), 'orders.csv');
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'), f);
    const r = runCli(['ledger', 'list', '--state', f, '--lang', 'zh']);
    expect(r.code).toBe(4);
    // The header's first 40 characters: 订单编号,买家会员名,买家会员昵称,支付单号,支付详情,买家应付货款,买家应付邮 (4+1+5+1+6+1+4+1+4+1+6+1+5 = 40).
    expect(r.stderr.split('\n')[0]).toBe(`storeops: 错误: 状态数据库 ${f} 不是 SQLite 数据库, 而是一个文本文件 (第一行: 订单编号,买家会员名,买家会员昵称,支付单号,支付详情,买家应付货款,买家应付邮…); 文件未做任何改动`);
  });

  it('an xlsx (a zip archive) and random bytes', () => {
    const x = path.join(tmpDir(), 'orders.xlsx');
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.xlsx'), x);
    const rx = runCli(['ledger', 'list', '--state', x, '--lang', 'en']);
    expect(rx.code).toBe(4);
    expect(rx.stderr.split('\n')[0]).toBe(`storeops: error: the state database ${x} is not an SQLite database but a zip archive (an xlsx workbook is one); it was left untouched`);
    const j = path.join(tmpDir(), 'state.db');
    const junk = Buffer.concat([Buffer.from([0x00, 0xff]), crypto.randomBytes(8190)]);
    fs.writeFileSync(j, junk);
    const rj = runCli(['ledger', 'list', '--state', j, '--lang', 'zh']);
    expect(rj.code).toBe(4);
    expect(rj.stderr).toBe(`storeops: 错误: 状态数据库 ${j} 不是 SQLite 数据库, 而是其他格式的二进制数据; 文件未做任何改动\n${HINT_ZH}`);
    expect(fs.readFileSync(j).equals(junk)).toBe(true);
  });

  it('a real state database cut short keeps "damaged", with no English in the zh sentence', async () => {
    const f = path.join(tmpDir(), 'state.db');
    const db = await openState(f);
    db.recordVouchers(
      Array.from({ length: 2000 }, (_, i) => ({ voucherKey: `k-${i}`, buyer: 'tb_li', rules: 'tmall-2023', orderIds: [`${7000000 + i}`], amount: '10.00', windowStart: null })),
      Date.UTC(2026, 10, 21, 1),
    );
    db.close();
    const whole = fs.readFileSync(f);
    fs.writeFileSync(f, whole.subarray(0, Math.floor(whole.length / 2)));
    const r = runCli(['ledger', 'list', '--state', f, '--lang', 'zh']);
    expect(r.code).toBe(4);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toMatch(/^storeops: 错误: 状态数据库 .+ 已损坏或不是 SQLite 文件 \(SQLite: (不是数据库文件|数据库文件内容已损坏)\); 文件未做任何改动$/);
  });
});
